import type { Ctx } from '../app/context.ts';

/** Fictional on-call politicians of the demo members: a chair and a vice chair each, on call around the demo's "now". */
const politicians: Record<string, [string, string, string]> = {
  '0115': ['vallentuna', 'Ingrid Holm', 'Per Lundgren'],
  '0117': ['osteraker', 'Maria Wik', 'Johan Berg'],
  '0187': ['vaxholm', 'Eva Strand', 'Lars Ekman'],
  '0186': ['lidingo', 'Karl Sjöberg', 'Helena Ros'],
  '0188': ['norrtalje', 'Anders Nyman', 'Sofia Lind'],
  '0162': ['danderyd', 'Cecilia Falk', 'Olle Dahl'],
  '0160': ['taby', 'Gunilla Ek', 'Sven Ahl'],
};

const address = (name: string, place: string) =>
  `${name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\s+/g, '.')}@${place}.example.se`;

export async function seedDemoPoliticians(ctx: Ctx, organisationId: string): Promise<number> {
  const from = new Date(ctx.now.getTime() - 7 * 86_400_000);
  const to = new Date(ctx.now.getTime() + 180 * 86_400_000);
  const rows = Object.entries(politicians).flatMap(([code, [place, chair, vice]], i) =>
    ([['chair', chair], ['vice_chair', vice]] as const).map(([role, name], j) => ({
      organisation_id: organisationId,
      municipality_code: code,
      name,
      role,
      phone: `070-${String(100 + i * 2 + j).padStart(3, '0')} 00 ${String(10 + i).padStart(2, '0')}`,
      email: address(name, place),
      on_call_from: from,
      on_call_to: to,
      created_at: ctx.now,
      updated_at: ctx.now,
    })),
  );
  await ctx.trx.insertInto('on_call_politician').values(rows).execute();
  return rows.length;
}
