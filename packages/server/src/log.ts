import pino, { type Logger } from 'pino';
import type { Config } from './config.ts';

/**
 * Application log: JSON lines with request ids, never personal data. Request
 * URLs are logged without their query string, and no bodies or cookies.
 */
export function createLogger(config: Pick<Config, 'logLevel'>, destination: 'stdout' | 'stderr' = 'stdout'): Logger {
  return pino(
    {
      level: config.logLevel,
      base: { service: 'jourbok' },
      serializers: {
        req: (req: { id?: string; method?: string; url?: string }) => ({ id: req.id, method: req.method, path: (req.url ?? '').split('?')[0] }),
        res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
      },
      redact: { paths: ['req.headers', 'headers.cookie', 'headers.authorization', 'body', 'password', '*.password'], remove: true },
    },
    pino.destination(destination === 'stdout' ? 1 : 2),
  );
}
