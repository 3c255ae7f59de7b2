import { inflateSync } from 'node:zlib';

// Windows-1252 differs from latin1 in 0x80–0x9F (–, —, ”, •, €…).
const cp1252High = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
const winAnsi = { decode: (bytes: Buffer) => [...bytes].map((b) => (b >= 0x80 && b <= 0x9f ? cp1252High[b - 0x80]! : String.fromCharCode(b))).join('') };

/**
 * The text a PDF written by PDFKit shows, line by line: every content stream
 * inflated, every text-showing operator (Tj, TJ) decoded from its hex or
 * literal strings as WinAnsi (Windows-1252: å, ä, ö, –, ”). Enough to check what a
 * document says without a PDF library.
 */
export function pdfText(pdf: Buffer): string {
  const source = pdf.toString('latin1');
  const lines: string[] = [];
  const streamPattern = /stream\r?\n/g;
  let match: RegExpExecArray | null;
  while ((match = streamPattern.exec(source)) !== null) {
    const start = match.index + match[0].length;
    const end = source.indexOf('endstream', start);
    if (end < 0) break;
    const raw = pdf.subarray(start, end);
    let content: string;
    try {
      content = inflateSync(raw).toString('latin1');
    } catch {
      content = raw.toString('latin1');
    }
    for (const op of content.matchAll(/\[((?:<[0-9a-fA-F]*>|\((?:\\.|[^\\)])*\)|[^\]])*)\]\s*TJ|(<[0-9a-fA-F]*>|\((?:\\.|[^\\)])*\))\s*Tj/g)) {
      const body = op[1] ?? op[2] ?? '';
      let text = '';
      for (const part of body.matchAll(/<([0-9a-fA-F]*)>|\(((?:\\.|[^\\)])*)\)/g)) {
        if (part[1] !== undefined) text += winAnsi.decode(Buffer.from(part[1], 'hex'));
        else text += part[2]!.replace(/\\([nrtbf()\\]|[0-7]{1,3})/g, (_m, c: string) => (/^[0-7]+$/.test(c) ? String.fromCharCode(parseInt(c, 8)) : ({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' } as Record<string, string>)[c] ?? c));
      }
      lines.push(text);
    }
    streamPattern.lastIndex = end + 'endstream'.length;
  }
  return lines.join('\n');
}
