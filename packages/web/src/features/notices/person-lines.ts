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
        homeMunicipalityCode: string | null;
        address: null;
        phone: null;
        email: null;
        protection: 'none';
        hiddenResidence: false;
      };
    };

/** A new person lives, as far as the municipality knows, in that municipality (so it finds them again). */
export function newPersonLine(identityNumber: string, firstName: string, lastName: string, homeMunicipalityCode: string | null): PersonLine {
  return {
    person: {
      identityKind: 'personnummer',
      identityNumber,
      reserveIssuer: null,
      firstName,
      lastName,
      birthYearApprox: null,
      homeMunicipalityCode,
      address: null,
      phone: null,
      email: null,
      protection: 'none',
      hiddenResidence: false,
    },
  };
}
