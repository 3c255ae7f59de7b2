/**
 * The texts of Jourbok's e-mail, in Swedish. None carries personal data: no
 * names, identity numbers or case text, only counts, a municipality's or the
 * unit's name, and links into Jourbok, where reading is signed in and logged.
 */
export interface MailText {
  subject: string;
  text: string;
}

const footer = 'Meddelandet innehåller av sekretesskäl inga uppgifter om enskilda. Det är skickat automatiskt från Jourbok och kan inte besvaras.';

export function reportDeliveryMail(input: { organisationName: string; municipalityName: string; count: number; acknowledgeBy: string; link: string }): MailText {
  const reports = input.count === 1 ? '1 ny jourrapport' : `${input.count} nya jourrapporter`;
  return {
    subject: `${reports} från ${input.organisationName}`,
    text: [
      'Hej,',
      '',
      `${input.organisationName} har lämnat ${reports} till ${input.municipalityName} i Jourbok.`,
      '',
      `Läs och kvittera i inkorgen: ${input.link}`,
      `Kvittera senast ${input.acknowledgeBy}. Rapporter som inte kvitteras lyfts till jourens enhetschef.`,
      '',
      footer,
    ].join('\n'),
  };
}

export function unacknowledgedReportsMail(input: { organisationName: string; perMunicipality: { name: string; count: number }[]; link: string }): MailText {
  const total = input.perMunicipality.reduce((s, m) => s + m.count, 0);
  return {
    subject: `${total} ${total === 1 ? 'jourrapport har' : 'jourrapporter har'} inte kvitterats`,
    text: [
      'Hej,',
      '',
      `Följande kommuner har inte kvitterat jourrapporter från ${input.organisationName} i tid:`,
      ...input.perMunicipality.map((m) => `  ${m.name}: ${m.count}`),
      '',
      `Se uppföljningen i Jourbok: ${input.link}`,
      '',
      footer,
    ].join('\n'),
  };
}

export function signingLinkMail(input: { organisationName: string; link: string; expiresAt: string }): MailText {
  return {
    subject: `Beslut att signera – ${input.organisationName}`,
    text: [
      'Hej,',
      '',
      `${input.organisationName} ber dig signera ett beslut som du har fattat per telefon.`,
      '',
      `Öppna länken: ${input.link}`,
      '',
      'Du behöver också den sexsiffriga kod som jouren läser upp för dig per telefon. Uppgifterna om beslutet visas först',
      `när du har angett koden. Länken gäller bara det här beslutet, till ${input.expiresAt}.`,
      '',
      'Har du inte fattat något beslut åt socialjouren? Ring jouren och öppna inte länken.',
      '',
      footer,
    ].join('\n'),
  };
}
