import { DecisionTypeInput, MunicipalityInput } from '@jourbok/contracts';
import { describe, expect, it } from 'vitest';
import { ApiError } from './api.ts';
import { isKnownField, splitError, validate } from './form.ts';

describe('form errors', () => {
  it('validates with the contract and keeps its Swedish messages, by dotted path', () => {
    const result = validate(DecisionTypeInput, {
      code: 'LVU43',
      name: 'Handräckning',
      decidedBy: 'delegation',
      subjectMaxAgeExclusive: null,
      isGrantable: false,
      sortOrder: 10,
      isActive: true,
      legalBases: [{ reference: ' ', validFrom: '2025-07-01', validTo: null }],
    });
    expect(result).toEqual({ ok: false, errors: { 'legalBases.0.reference': 'Ange lagrum' } });
    const mailbox = validate(MunicipalityInput, { code: '0160', name: 'Täby', isHost: false, isMember: true, functionalMailbox: 'inte en adress' });
    expect(mailbox.ok ? null : mailbox.errors.functionalMailbox).toBe('Ange en giltig e-postadress');
  });

  it('matches list fields with * for the index', () => {
    expect(isKnownField('legalBases.2.reference', ['legalBases.*.reference'])).toBe(true);
    expect(isKnownField('legalBases', ['legalBases.*.reference'])).toBe(false);
    expect(isKnownField('calendar.openRules.0.from', ['calendar.openRules.*.from'])).toBe(true);
  });

  it('shows a server error at its field when the form has it, else in the banner', () => {
    const atField = new ApiError(400, 'validation', 'Fältet ”Funktionsbrevlåda”: Ange en giltig e-postadress', 'functionalMailbox');
    expect(splitError(atField, ['functionalMailbox'])).toEqual({ fieldErrors: { functionalMailbox: atField.message }, banner: null });
    const elsewhere = new ApiError(409, 'stale', 'Någon annan har ändrat detta.');
    expect(splitError(elsewhere, ['functionalMailbox'])).toEqual({ fieldErrors: {}, banner: elsewhere });
  });
});
