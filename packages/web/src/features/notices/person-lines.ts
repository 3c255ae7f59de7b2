// Persons of a notice or an assignment as the API takes them: an existing
// person's id, or a new person by personnummer and name (the server creates it).
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

export function newPersonLine(identityNumber: string, firstName: string, lastName: string): PersonLine {
  return {
    person: {
      identityKind: 'personnummer',
      identityNumber,
      reserveIssuer: null,
      firstName,
      lastName,
      birthYearApprox: null,
      homeMunicipalityCode: null,
      address: null,
      phone: null,
      email: null,
      protection: 'none',
      hiddenResidence: false,
    },
  };
}
