import { describe, expect, it } from 'vitest';
import { keyOf, nameOf, toPersonLines, type ChosenPerson } from './components/person-chooser.tsx';

const existing: ChosenPerson = { kind: 'existing', id: '6f1c2d3e-0000-4000-8000-000000000001', displayName: 'Lova Helgesson', identityNumber: '19790602-7344' };
const fresh: ChosenPerson = { kind: 'new', identityNumber: '19880321-6180', firstName: 'Nils', lastName: 'Nyberg' };

describe('the persons of a notice or an assignment, as the API takes them', () => {
  it.each<[string, ChosenPerson[], string | null, unknown[]]>([
    ['nobody', [], '0160', []],
    ['a person Jourbok knows, by id only', [existing], '0160', [{ personId: existing.id }]],
    [
      'a new person, living in the registering municipality',
      [fresh],
      '0160',
      [{ person: expect.objectContaining({ identityKind: 'personnummer', identityNumber: '19880321-6180', firstName: 'Nils', lastName: 'Nyberg', homeMunicipalityCode: '0160', protection: 'none' }) }],
    ],
    ['a new person before the jour has chosen a municipality', [fresh], null, [{ person: expect.objectContaining({ homeMunicipalityCode: null }) }]],
    ['both, in the order chosen', [fresh, existing], '0186', [{ person: expect.objectContaining({ firstName: 'Nils' }) }, { personId: existing.id }]],
  ])('%s', (_name, persons, municipality, expected) => {
    expect(toPersonLines(persons, municipality)).toEqual(expected);
  });

  it.each<[ChosenPerson, string, string]>([
    [existing, existing.id, 'Lova Helgesson'],
    [fresh, 'new:19880321-6180', 'Nils Nyberg'],
  ])('keys and names %#', (person, key, name) => {
    expect(keyOf(person)).toBe(key);
    expect(nameOf(person)).toBe(name);
  });
});
