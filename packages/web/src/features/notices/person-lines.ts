// Persons of a notice or an assignment, one a line: an existing person's id,
// or a personnummer optionally followed by first and last name (a new person).
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type PersonLine =
  | { personId: string }
  | {
      person: {
        identityKind: 'personnummer';
        identityNumber: string;
        reserveIssuer: null;
        firstName: string;
        lastName: string;
        birthYearApprox: null;
        homeMunicipalityCode: null;
        address: null;
        phone: null;
        email: null;
        protection: 'none';
        hiddenResidence: false;
      };
    };

export function parsePersonLines(text: string): PersonLine[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      if (UUID.test(line)) return { personId: line };
      const [identityNumber = '', firstName = '', ...rest] = line.split(/\s+/);
      return {
        person: {
          identityKind: 'personnummer',
          identityNumber,
          reserveIssuer: null,
          firstName,
          lastName: rest.join(' '),
          birthYearApprox: null,
          homeMunicipalityCode: null,
          address: null,
          phone: null,
          email: null,
          protection: 'none',
          hiddenResidence: false,
        },
      };
    });
}
