// Form helpers: local validation with the contract's zod schemas, and the
// split of a server error into a field error or a banner.
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { z } from 'zod';
import { isApiError } from './api.ts';

/** Field path (dotted, e.g. `legalBases.0.reference`) → message. */
export type FieldErrors = Record<string, string>;

export function fieldErrorsOf(issues: readonly { path: readonly PropertyKey[]; message: string }[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join('.');
    if (!(path in errors)) errors[path] = issue.message;
  }
  return errors;
}

export type Validation<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

/** Check `value` with a contract schema; messages are the contract's (Swedish). */
export function validate<S extends z.ZodType>(schema: S, value: unknown): Validation<z.output<S>> {
  const result = schema.safeParse(value);
  return result.success ? { ok: true, data: result.data } : { ok: false, errors: fieldErrorsOf(result.error.issues) };
}

/**
 * Does a server field (`legalBases.0.reference`) belong to one of the form's
 * fields? Patterns use `*` for a list index: `legalBases.*.reference`.
 */
export function isKnownField(field: string, known: readonly string[]): boolean {
  const generic = field.replace(/\.\d+(?=\.|$)/g, '.*');
  return known.includes(field) || known.includes(generic);
}

/**
 * A server error as the form shows it: next to its field when the form has
 * that field, otherwise in the banner.
 */
export function splitError(error: unknown, known: readonly string[]): { fieldErrors: FieldErrors; banner: unknown } {
  if (isApiError(error) && error.field && isKnownField(error.field, known)) {
    return { fieldErrors: { [error.field]: error.message }, banner: null };
  }
  return { fieldErrors: {}, banner: error ?? null };
}

/**
 * Local errors of a form, and focus on the first invalid field after a
 * submit that failed (locally or on the server).
 */
export function useFormErrors(formRef: RefObject<HTMLElement | null>) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (attempt === 0) return;
    const invalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], [data-invalid="true"]');
    invalid?.focus();
  }, [attempt, formRef]);
  const fail = useCallback((next: FieldErrors) => {
    setErrors(next);
    setAttempt((n) => n + 1);
  }, []);
  const clear = useCallback(() => setErrors({}), []);
  /** Call after a server error, so that focus moves to the field it names. */
  const focusInvalid = useCallback(() => setAttempt((n) => n + 1), []);
  return { errors, fail, clear, focusInvalid };
}

/**
 * A form's working copy of loaded data. It follows the data while untouched;
 * once edited it keeps the user's edits until `discard()` (after a save, or a
 * `stale` error whose refetch brings the latest version).
 */
export function useDraft<S extends { version: number }, D>(source: S, toDraft: (source: S) => D) {
  const [state, setState] = useState(() => ({ version: source.version, draft: toDraft(source), dirty: false }));
  const toDraftRef = useRef(toDraft);
  toDraftRef.current = toDraft;
  if (state.version !== source.version && !state.dirty) {
    // Adjusting state while rendering: React re-renders at once with the new draft.
    setState({ version: source.version, draft: toDraft(source), dirty: false });
  }
  const update = useCallback((change: (draft: D) => D) => {
    setState((s) => ({ ...s, draft: change(s.draft), dirty: true }));
  }, []);
  /** Forget the edits: the draft follows the next version of the data. */
  const discard = useCallback(() => setState((s) => ({ ...s, dirty: false })), []);
  /** Go back to the loaded data now. */
  const reset = useCallback(() => setState({ version: source.version, draft: toDraftRef.current(source), dirty: false }), [source]);
  return { draft: state.draft, dirty: state.dirty, version: state.version, update, discard, reset };
}

/** `''` → null, for optional text fields sent as null. */
export const emptyToNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());

/** `value`, once it has stopped changing for `ms` (a search box searches as the user pauses). */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
