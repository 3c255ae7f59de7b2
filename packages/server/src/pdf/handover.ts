import type { HandoverReport } from '../features/cases/closing.ts';
import { actionLabels, caseTypeLabels, channelLabels, communicatedLabels, costLabels, journalKindLabels, roleLabels, statusLabels } from './labels-sv.ts';
import { localDateTime, PdfWriter } from './document.ts';

const priorityLabels: Record<number, string> = { 1: '1 – akut', 2: '2 – under passet', 3: '3 – kan vänta till vardag', 4: '4 – information' };

/** The handover report (jourrapport) as a PDF for the home municipality. */
export async function renderHandoverPdf(report: HandoverReport, categoryName: (code: string) => string): Promise<Buffer> {
  const c = report.case;
  const pdf = new PdfWriter(`Jourrapport ${c.caseNumber}`, `${report.organisation.name} till ${report.municipality.name}`);
  pdf.title(`Jourrapport ${c.caseNumber}`, `${report.organisation.name} → ${report.municipality.name} (${report.municipality.code}) · upprättad ${localDateTime(report.generatedAt)}`);
  if (report.protectedPersons.length > 0) pdf.banner('Ärendet rör person med skyddade personuppgifter – adress och kontaktuppgifter lämnas inte ut.');

  pdf.heading('Ärendet');
  pdf.field('Typ', caseTypeLabels[c.caseType] ?? c.caseType);
  pdf.field('Inkom', localDateTime(c.receivedAt));
  pdf.field('Kontaktväg', channelLabels[c.contactChannel] ?? c.contactChannel);
  pdf.field('Kategori', `${categoryName(c.categoryCode)}${c.youthCrime ? ' (ungdomskriminalitet)' : ''}`);
  pdf.field('Status', statusLabels[c.status] ?? c.status);
  pdf.field('Avslutat', localDateTime(c.closedAt));
  if (c.reporterName || c.reporterOrganisation) {
    pdf.field('Anmälare', [c.reporterName, c.reporterOrganisation, c.reporterPhone].filter(Boolean).join(', '));
    pdf.field('Anmälningsskyldig', c.reporterIsMandated ? 'Ja' : 'Nej');
    if (c.reporterWantsSecrecy) pdf.field('Anmälarens önskan', 'Vill vara anonym gentemot den enskilde');
  }

  pdf.heading('Personer');
  if (c.persons.length === 0) pdf.paragraph('Inga personer registrerade.');
  for (const p of c.persons) {
    const id = p.isProtected ? (report.protectedPersons.find((x) => x.displayName === p.displayName)?.identityNumber ?? null) : p.identityNumber;
    pdf.bullet(`${roleLabels[p.role] ?? p.role}: ${p.displayName}${id ? `, ${id.length === 12 ? `${id.slice(0, 8)}-${id.slice(8)}` : id}` : ''}${p.age !== null ? `, ${p.age} år` : ''}${p.whereNow ? `. Befinner sig: ${p.whereNow}` : ''}`);
  }

  // Reports stored before notices existed have none.
  const notices = c.notices ?? [];
  if (notices.length > 0) {
    pdf.heading('Kommunens aviseringar');
    for (const n of notices) {
      const ack = n.acknowledgement ? ` Kvitterad av ${n.acknowledgement.acknowledgedByName} ${localDateTime(n.acknowledgement.acknowledgedAt)}.` : '';
      pdf.bullet(`${n.title} (gäller ${n.validFrom}–${n.validTo})${n.instructionLabels.length > 0 ? `: ${n.instructionLabels.join('; ')}` : ''}.${ack}`);
    }
  }

  pdf.heading('Vad som hänt');
  pdf.paragraph(c.summary);

  pdf.heading('Prioritering');
  const last = c.triage[c.triage.length - 1];
  if (!last) pdf.paragraph('Ej prioriterat.');
  for (const t of c.triage) {
    pdf.bullet(`${localDateTime(t.triagedAt)} ${t.triagedBy}: prioritet ${priorityLabels[t.priority] ?? t.priority}${t.overrideReason ? ` (manuellt ändrad från ${t.suggestedPriority}: ${t.overrideReason})` : ''}`);
  }

  pdf.heading('Journal och insatser');
  if (c.journal.length === 0) pdf.paragraph('Inga anteckningar.');
  for (const j of c.journal) {
    const kind = j.actionType ? `${journalKindLabels[j.kind] ?? j.kind}: ${actionLabels[j.actionType] ?? j.actionType}` : (journalKindLabels[j.kind] ?? j.kind);
    const turnOut = j.calledAt ? ` · larm ${localDateTime(j.calledAt)}${j.arrivedAt ? `, på plats ${localDateTime(j.arrivedAt)} (${j.turnOutMinutes} min)` : ''}` : '';
    const corrected = j.correctedBy.length > 0 ? ' · RÄTTAD, se senare anteckning' : '';
    pdf.paragraph(j.body, `${localDateTime(j.writtenAt)} · ${j.authorName} · ${kind}${turnOut}${corrected}`);
  }

  pdf.heading('Beslut');
  if (c.decisions.length === 0) pdf.paragraph('Inga beslut.');
  for (const d of c.decisions) {
    pdf.paragraph(
      `${d.grounds}${d.granted !== null ? `\nBeviljat: ${d.granted ? 'Ja' : 'Nej'}` : ''}${d.amountSek ? `, ${d.amountSek.replace('.', ',')} kr` : ''}${d.specialCircumstances ? `\nSärskilda skäl: ${d.specialCircumstances}` : ''}${d.noticeOverrideReason ? `\nBeslutet avviker från ${(d.noticeOverrides ?? []).map((o) => (o.noticeTitle ? `aviseringen ”${o.noticeTitle}”` : 'en avisering')).join(', ') || 'kommunens avisering'}. Skäl: ${d.noticeOverrideReason}` : ''}${d.status === 'withdrawn' ? `\nÅterkallat ${localDateTime(d.withdrawnAt)}: ${d.withdrawnReason ?? ''}` : ''}`,
      `${d.typeName} · ${d.legalReference} · ${localDateTime(d.decidedAt)} · beslutsfattare ${d.makerName}${d.makerCapacity ? ` (${d.makerCapacity})` : ''} · ${communicatedLabels[d.communicatedVia] ?? d.communicatedVia}${d.signedAt ? `, signerat ${localDateTime(d.signedAt)}` : ', ej signerat'}`,
    );
    for (const dl of d.deadlines) pdf.bullet(`${dl.label}: senast ${dl.nominalDate}${dl.movedDate !== dl.nominalDate ? ` (förlängt till ${dl.movedDate} om lag 1930:173 tillämpas)` : ''}`);
  }

  pdf.heading('Tid och kostnader');
  pdf.field('Nedlagd tid', `${c.totalMinutes} minuter`);
  for (const k of c.costs) pdf.bullet(`${k.costDate} ${costLabels[k.kind] ?? k.kind}: ${k.amountSek.replace('.', ',')} kr${k.note ? ` (${k.note})` : ''}`);
  pdf.field('Direkta kostnader totalt', `${c.totalCostSek.replace('.', ',')} kr`);

  pdf.heading('Att göra för hemkommunen');
  if (report.toDo.length === 0) pdf.paragraph('Inget utöver att ta del av rapporten.');
  for (const item of report.toDo) pdf.bullet(item);

  return pdf.finish(`${report.organisation.name} · Jourrapport ${c.caseNumber} · Sekretess enligt OSL 26 kap. 1 §`);
}
