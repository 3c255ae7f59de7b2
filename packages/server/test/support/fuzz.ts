import fc from 'fast-check';
import { z } from 'zod';

/**
 * Inputs for fuzzing a route, derived from its zod schemas: mostly values of
 * the declared shape (so the request passes validation and reaches the use
 * case and the database), mixed with hostile values (wrong types, huge,
 * empty, markup, SQL, control characters, impossible dates) at every level.
 */
type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema | JsonSchema[];
  prefixItems?: JsonSchema[];
  minItems?: number;
  maxItems?: number;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
};

/** Strings that have broken servers before. */
export const hostileStrings = [
  '',
  ' ',
  '\u0000',
  '\uFFFF\uD800',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "' or 1=1 --",
  '%00',
  '../../etc/passwd',
  'null',
  'undefined',
  '-1',
  '1e309',
  '2026-02-30',
  '2026-13-45T25:61:00Z',
  '0000-00-00',
  '9999-12-31T23:59:59.999Z',
  '19121212-1212',
  'Å'.repeat(5000),
  'a'.repeat(100_000),
];

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(...hostileStrings, null, true, false, 0, -1, -0, 2 ** 31, 2 ** 53 + 1, -1e308, 1.5, [], {}, [null], { __proto__: null }),
  fc.jsonValue({ maxDepth: 2 }),
  fc.string({ maxLength: 40, unit: 'binary' }),
);

function resolve(schema: JsonSchema, root: JsonSchema): JsonSchema {
  if (schema.$ref) {
    const name = schema.$ref.replace(/^#\/\$defs\//, '');
    if (schema.$ref === '#') return root;
    return root.$defs?.[name] ?? {};
  }
  return schema;
}

function typedString(s: JsonSchema, ids: string[]): fc.Arbitrary<unknown> {
  if (s.format === 'uuid') return ids.length ? fc.oneof(fc.constantFrom(...ids), fc.uuid()) : fc.uuid();
  const date = fc.date({ min: new Date('2015-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true });
  if (s.format === 'date-time') return date.map((d) => d.toISOString());
  if (s.format === 'date') return date.map((d) => d.toISOString().slice(0, 10));
  if (s.format === 'email') return fc.emailAddress();
  if (s.pattern) {
    try {
      return fc.stringMatching(new RegExp(s.pattern), { size: 'small' }).filter((v) => (s.maxLength === undefined || v.length <= s.maxLength) && v.length >= (s.minLength ?? 0));
    } catch {
      // a pattern fast-check cannot generate from: fall through to plain strings
    }
  }
  return fc.string({ minLength: s.minLength ?? 0, maxLength: Math.min(s.maxLength ?? 60, 60) });
}

/** An arbitrary for values of the schema's shape, with hostile values at every level. */
export function arbitraryFor(schema: JsonSchema, ids: string[], root: JsonSchema = schema, depth = 0): fc.Arbitrary<unknown> {
  const s = resolve(schema, root);
  const typed = typedFor(s, ids, root, depth);
  return fc.oneof({ weight: 6, arbitrary: typed }, { weight: 1, arbitrary: hostileValue });
}

function typedFor(s: JsonSchema, ids: string[], root: JsonSchema, depth: number): fc.Arbitrary<unknown> {
  if (depth > 6) return fc.constant(null);
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((a) => typedFor(resolve(a, root), ids, root, depth + 1)));
  if (s.allOf?.length) return typedFor(resolve(s.allOf[0]!, root), ids, root, depth + 1);
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'string':
      return typedString(s, ids);
    case 'integer':
      return fc.integer({ min: s.minimum ?? -1000, max: s.maximum ?? 100_000 });
    case 'number':
      return fc.double({ min: s.minimum ?? -1e6, max: s.maximum ?? 1e6, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const item = Array.isArray(s.items) ? (s.items[0] ?? {}) : (s.items ?? s.prefixItems?.[0] ?? {});
      return fc.array(arbitraryFor(item, ids, root, depth + 1), { minLength: Math.min(s.minItems ?? 0, 3), maxLength: Math.min(s.maxItems ?? 4, 4) });
    }
    case 'object': {
      const entries = Object.entries(s.properties ?? {});
      const required = new Set(s.required ?? []);
      const parts: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, prop] of entries) {
        const value = arbitraryFor(prop, ids, root, depth + 1);
        // Usually all required fields, sometimes one missing; optional fields half the time.
        parts[key] = required.has(key) ? fc.oneof({ weight: 9, arbitrary: value }, { weight: 1, arbitrary: fc.constant(MISSING) }) : fc.oneof(value, fc.constant(MISSING));
      }
      return fc.tuple(fc.record(parts), fc.option(fc.tuple(fc.string({ maxLength: 12 }), hostileValue), { freq: 8 })).map(([record, extra]) => {
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(record)) if (v !== MISSING) out[k] = v;
        if (extra) out[extra[0]] = extra[1];
        return out;
      });
    }
    default:
      return hostileValue;
  }
}

const MISSING = Symbol('missing');

/** The JSON Schema of a route's zod schema (its input side), or null when it has none. */
export function jsonSchemaOf(schema: unknown): JsonSchema | null {
  if (!schema || typeof schema !== 'object' || !('_zod' in schema)) return null;
  return z.toJSONSchema(schema as z.ZodType, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
}

/** Query string values as a client would send them: strings, repeated keys for arrays. */
export function toQueryString(value: unknown): string {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return '';
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(value)) {
    for (const item of Array.isArray(v) ? v : [v]) params.append(k, typeof item === 'string' ? item : JSON.stringify(item));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}
