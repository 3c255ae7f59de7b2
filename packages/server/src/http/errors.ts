import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, errorCodes, type ErrorCode } from '../errors.ts';

/** Field names shown in messages, in Swedish. Unknown fields are shown as they are. */
const fieldLabels: Record<string, string> = {
  username: 'Användarnamn',
  password: 'Lösenord',
  code: 'Kod',
  name: 'Namn',
  shortName: 'Kortnamn',
  displayName: 'Namn',
  email: 'E-post',
  role: 'Roll',
  municipalityCode: 'Kommun',
  phone: 'Telefon',
  staffPerShift: 'Personal per pass',
  from: 'Från',
  to: 'Till',
  currentPassword: 'Nuvarande lösenord',
  newPassword: 'Nytt lösenord',
  functionalMailbox: 'Funktionsbrevlåda',
  legalBases: 'Lagrum',
  reference: 'Lagrum',
  validFrom: 'Gäller från',
  validTo: 'Gäller till',
  issuer: 'Utfärdare',
  clientId: 'Klient-id',
  version: 'Version',
};

export function fieldLabel(path: string): string {
  const last = path.split('.').filter((p) => !/^\d+$/.test(p)).pop() ?? path;
  return fieldLabels[last] ?? last;
}

/** zod's Swedish locale keeps the type names in English ("förväntat string, fick undefined"): say them in Swedish. */
const typeWords: Record<string, string> = {
  string: 'text',
  number: 'tal',
  antal: 'tal',
  int: 'heltal',
  bigint: 'tal',
  boolean: 'ja eller nej',
  object: 'objekt',
  array: 'lista',
  date: 'datum',
  null: 'tomt värde',
  undefined: 'inget värde',
  nan: 'ogiltigt tal',
};

/** The validator's message in Swedish; null when the value is simply missing. */
export function swedishDetail(message: string | undefined): string | null {
  if (!message) return 'ogiltigt värde';
  if (/^Ogiltig inmatning: förväntat .+, fick undefined$/.test(message)) return null;
  return message
    .replace(/(förväntat|förväntade|fick) (\w+)/g, (all, verb: string, word: string) => (typeWords[word] ? `${verb} ${typeWords[word]}` : all))
    .replace(/^Ogiltig input$/, 'Ogiltigt värde');
}

export function sendError(reply: FastifyReply, code: ErrorCode, message: string, field?: string, details?: Record<string, unknown>) {
  return reply.status(errorCodes[code]).send({ error: { code, message, ...(field ? { field } : {}), ...(details ? { details } : {}) } });
}

/** Connection-level codes: the server is unreachable, restarting, or cut the connection (class 08, 57P01–57P03). */
const databaseDownCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006']);
/** node-postgres reports a dropped connection or a full pool without a code. */
const databaseDownMessages = /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Client was closed and is not queryable)/;

/** The database's disk is full (53100 disk_full, 53200 out of memory is not this). */
export function isStorageFull(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === '53100';
}

export function isDatabaseDown(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  if (code && databaseDownCodes.has(code)) return true;
  return error instanceof Error && !code && databaseDownMessages.test(error.message);
}

/** One place maps every failure to a status and a Swedish message; never a stack trace. */
export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) return sendError(reply, error.code, error.message, error.field, error.details);
    if (hasZodFastifySchemaValidationErrors(error)) {
      const first = error.validation[0];
      const path = (first?.instancePath ?? '').replace(/^\//, '').replaceAll('/', '.');
      const field = path || undefined;
      const where = error.validationContext === 'querystring' ? 'Sökparametern' : error.validationContext === 'params' ? 'Adressen' : 'Fältet';
      const detail = swedishDetail(first?.message);
      const message = field
        ? detail === null
          ? `${where} ”${fieldLabel(field)}” saknas.`
          : `${where} ”${fieldLabel(field)}”: ${detail}`
        : `Ogiltig begäran: ${detail ?? 'värde saknas'}`;
      return sendError(reply, 'validation', message, field);
    }
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return sendError(reply, 'validation', 'Begäran ska skickas som JSON.');
    if (error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError) {
      return sendError(reply, 'validation', 'Begäran innehåller ogiltig JSON.');
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return sendError(reply, 'validation', 'Begäran är för stor.');
    if (isStorageFull(error)) {
      request.log.error({ err: { code: (error as { code?: string }).code } }, 'database disk full');
      return sendError(reply, 'storage_full', 'Disken där databasen sparar är full. Det du skickade har inte sparats; det som sparats tidigare finns kvar. Kontakta administratören.');
    }
    if (isDatabaseDown(error)) {
      request.log.error({ err: { code: (error as { code?: string }).code } }, 'database unavailable');
      return sendError(reply, 'unavailable', 'Databasen svarar inte just nu. Försök igen om en stund – inget har sparats av den här begäran.');
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.status(error.statusCode).send({ error: { code: 'validation', message: 'Ogiltig begäran.' } });
    }
    // Log the error class and code only: messages from the database may quote personal data.
    request.log.error({ err: { type: error.name, code: error.code } }, 'request failed');
    return sendError(reply, 'internal', 'Något gick fel i Jourbok. Försök igen; kvarstår felet, kontakta administratören.');
  });
}
