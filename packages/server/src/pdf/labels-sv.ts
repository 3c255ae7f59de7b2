/** Swedish labels for documents the server writes (the web app has its own table). */
export const channelLabels: Record<string, string> = {
  polis: 'Polis',
  sos_112: 'SOS Alarm (112)',
  sjukvard: 'Sjukvård',
  ambulans: 'Ambulans',
  kommun: 'Kommun',
  enskild: 'Enskild person',
  annan_jour: 'Annan jour',
  ovrig: 'Övrig',
};

export const roleLabels: Record<string, string> = {
  child: 'Barn',
  guardian: 'Vårdnadshavare',
  adult: 'Vuxen',
  reporter: 'Anmälare',
  relative: 'Anhörig',
  other: 'Övrig',
};

export const journalKindLabels: Record<string, string> = {
  note: 'Anteckning',
  assessment: 'Bedömning',
  action: 'Insats',
  protection_assessment: 'Skyddsbedömning',
  correction: 'Rättelse',
};

export const actionLabels: Record<string, string> = {
  stodsamtal: 'Stödsamtal',
  hanvisning: 'Hänvisning',
  hembesok: 'Hembesök',
  transport: 'Transport',
  tillsyn: 'Tillsyn',
  utryckning: 'Utryckning',
  skyddsbedomning: 'Skyddsbedömning',
  ovrigt: 'Övrigt',
};

export const communicatedLabels: Record<string, string> = {
  phone: 'Telefon',
  digital_signature: 'Digital signatur',
  paper: 'Papper',
  in_person: 'På plats',
};

export const costLabels: Record<string, string> = {
  travel: 'Resa',
  accommodation: 'Logi',
  food_card: 'Matkort',
  interpreter: 'Tolk',
  other: 'Övrigt',
};

export const statusLabels: Record<string, string> = {
  open: 'Pågående',
  closed: 'Avslutat på jouren',
  handed_over: 'Överlämnat till hemkommunen',
};

export const caseTypeLabels: Record<string, string> = {
  arende: 'Ärende',
  orosanmalan: 'Orosanmälan om barn',
};
