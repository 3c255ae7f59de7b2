// The privacy documents as PDF: a person's access history, and a subject access extract.
import { PdfWriter } from '../../pdf/document.ts';
import { actionLabel, protectionLabels, roleNames } from './labels.ts';
import type { PersonAccessHistory } from './access-review.ts';
import type { SubjectAccessExtract } from './subject-access.ts';
import { journalKindLabels, roleLabels as casePersonRoles } from '../../pdf/labels-sv.ts';

const TIME_ZONE = 'Europe/Stockholm';
const stamp = (iso: string) => new Date(iso).toLocaleString('sv-SE', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });

export async function renderAccessHistoryPdf(history: PersonAccessHistory, meta: { organisation: string; printedBy: string; printedAt: string }): Promise<Buffer> {
  const pdf = new PdfWriter('Åtkomsthistorik', 'Vem som har tagit del av eller ändrat en persons uppgifter');
  pdf.title('Åtkomsthistorik', `${meta.organisation} – utskriven ${stamp(meta.printedAt)} av ${meta.printedBy}`);
  pdf.field('Person', history.person.name);
  pdf.field('Personnummer', history.person.identityNumber);
  pdf.field('Skyddad identitet', protectionLabels[history.person.protection] ?? history.person.protection);
  pdf.field('Period', history.from || history.to ? `${history.from ?? 'början'} – ${history.to ?? 'idag'}` : 'Hela loggen');
  pdf.field('Antal händelser', String(history.events.length));
  pdf.note('Ur Jourboks granskningslogg, som inte kan ändras i efterhand (hashkedja). Underlag för klagomålshantering eller tillsyn; innehåller uppgifter som kan omfattas av sekretess.');
  pdf.heading('Händelser');
  pdf.table(
    [
      { header: 'Tidpunkt', width: 90 },
      { header: 'Användare', width: 110 },
      { header: 'Roll', width: 80 },
      { header: 'Händelse', width: 130 },
      { header: 'Ärende', width: 73 },
    ],
    history.events.map((e) => ({ cells: [stamp(e.occurredAt), e.userName, e.userRole ? (roleNames[e.userRole] ?? e.userRole) : 'System', actionLabel(e.action) + (e.purpose ? ' *' : ''), e.caseNumber ?? '–'] })),
  );
  const withPurpose = history.events.filter((e) => e.purpose);
  if (withPurpose.length > 0) {
    pdf.heading('Angivna skäl (*)');
    for (const e of withPurpose) pdf.paragraph(e.purpose!, `${stamp(e.occurredAt)} – ${e.userName}`);
  }
  return pdf.finish(`Åtkomsthistorik ${history.person.name}`);
}

export async function renderSubjectAccessPdf(x: SubjectAccessExtract, meta: { printedBy: string }): Promise<Buffer> {
  const pdf = new PdfWriter('Registerutdrag', 'Utdrag enligt artikel 15 i dataskyddsförordningen');
  pdf.title('Registerutdrag', `${x.organisation} – ${stamp(x.generatedAt)}, framtaget av ${meta.printedBy}`);
  pdf.banner('Sekretessprövning krävs innan utdraget lämnas ut (OSL 26 kap.).');
  const p = x.person;
  pdf.heading('Personuppgifter');
  pdf.field('Namn', `${p.firstName} ${p.lastName}`.trim());
  pdf.field('Personnummer', p.identityNumber);
  pdf.field('Födelsedatum', p.birthDate);
  pdf.field('Kön', p.sex === 'female' ? 'Kvinna' : p.sex === 'male' ? 'Man' : null);
  pdf.field('Hemkommun', p.homeMunicipality);
  pdf.field('Adress', p.address);
  pdf.field('Telefon', p.phone);
  pdf.field('E-post', p.email);
  pdf.field('Skyddad identitet', protectionLabels[p.protection] ?? p.protection);
  pdf.field('Registrerad', stamp(p.registeredAt));
  pdf.heading(`Ärenden (${x.cases.length})`);
  if (x.cases.length === 0) pdf.paragraph('Inga ärenden.');
  for (const c of x.cases) {
    pdf.heading(`${c.caseType} ${c.caseNumber}`);
    pdf.field('Inkom', stamp(c.receivedAt));
    pdf.field('Kommun', c.municipality);
    pdf.field('Karaktär', c.category);
    pdf.field('Status', c.status + (c.closedAt ? ` (${stamp(c.closedAt)})` : ''));
    pdf.field('Roll i ärendet', casePersonRoles[c.role] ?? c.role);
    if (c.whereNow) pdf.field('Var personen befinner sig', c.whereNow);
    if (c.reporter) pdf.field('Anmälare', c.reporter);
    if (c.otherPersons > 0) pdf.field('Andra personer i ärendet', `${c.otherPersons} (uppgifterna lämnas inte ut)`);
    if (c.retained) pdf.note('Ärendets personuppgifter och fritext är gallrade.');
    if (c.summary) pdf.paragraph(c.summary, 'Sammanfattning');
    if (c.nextSteps) pdf.paragraph(c.nextSteps, 'Fortsatt handläggning');
    for (const j of c.journal) if (j.body) pdf.paragraph(j.body, `${stamp(j.writtenAt)} – ${journalKindLabels[j.kind] ?? j.kind} – ${j.author}`);
    for (const d of c.decisions) {
      pdf.paragraph(
        [d.grounds, d.granted === null ? '' : d.granted ? 'Beviljat.' : 'Avslag.', d.amountSek !== null ? `Belopp ${d.amountSek.toLocaleString('sv-SE')} kr.` : ''].filter(Boolean).join(' '),
        `Beslut: ${d.type} (${d.legalReference}) ${stamp(d.decidedAt)} – ${d.maker} – ${d.status}`,
      );
    }
  }
  if (x.notices.length > 0) {
    pdf.heading(`Aviseringar från kommuner (${x.notices.length})`);
    for (const n of x.notices) pdf.paragraph([n.plan, n.shouldDo, n.shouldNotDo].filter(Boolean).join(' '), `${n.title} – ${n.municipality}, ${n.validFrom}–${n.validTo}`);
  }
  if (x.assignments.length > 0) {
    pdf.heading(`Uppdrag (${x.assignments.length})`);
    for (const a of x.assignments) {
      pdf.paragraph(a.description || '–', `${a.title} – ${a.municipality}, ${stamp(a.windowFrom)}–${stamp(a.windowTo)}`);
      for (const r of a.reports) pdf.bullet(`${r.date}: ${r.body}`);
    }
  }
  pdf.heading(`Vilka som tagit del av uppgifterna (${x.accessLog.length})`);
  pdf.table(
    [
      { header: 'Tidpunkt', width: 110 },
      { header: 'Roll', width: 110 },
      { header: 'Händelse', width: 180 },
      { header: 'Ärende', width: 83 },
    ],
    x.accessLog.map((e) => ({ cells: [stamp(e.occurredAt), e.role ? (roleNames[e.role] ?? e.role) : 'System', actionLabel(e.action), e.caseNumber ?? '–'] })),
  );
  if (x.withheld.length > 0) {
    pdf.heading('Uppgifter som inte lämnas ut');
    for (const w of x.withheld) pdf.bullet(w);
  }
  return pdf.finish(`Registerutdrag ${x.requestId.slice(0, 8)}`);
}
