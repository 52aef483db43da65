// Logs are JSON (pino) with request ids. They must be safe to ship anywhere: secrets are redacted
// by path, and caller values (phone numbers, DTMF codes) appear only as a hash prefix.
import { createHash, randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyServerOptions } from 'fastify';
import type { Config } from './config';

export const REQUEST_ID_HEADER = 'x-request-id';
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const LOOKUP_PREFIX = '/api/uniphore/unique-id/';

export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["application-key"]',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  'headers["application-key"]',
  'headers["Application-Key"]',
  'headers["set-cookie"]',
  'applicationKey',
  '*.applicationKey',
  'token',
  '*.token',
];

/** Enough to correlate log lines for one value without storing the value itself. */
export function hashValue(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex').slice(0, 12);
}

export function genReqId(req: IncomingMessage): string {
  const incoming = req.headers[REQUEST_ID_HEADER];
  return typeof incoming === 'string' && SANE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Request URLs without query strings and with the lookup value replaced by its hash. */
export function scrubUrl(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  const queryAt = url.indexOf('?');
  const path = queryAt === -1 ? url : url.slice(0, queryAt);
  const suffix = queryAt === -1 ? '' : '?…';
  if (!path.startsWith(LOOKUP_PREFIX)) return path + suffix;
  const rest = path.slice(LOOKUP_PREFIX.length);
  const slash = rest.indexOf('/');
  if (slash === -1) return path + suffix;
  return `${LOOKUP_PREFIX}${rest.slice(0, slash)}/~${hashValue(safeDecode(rest.slice(slash + 1)))}${suffix}`;
}

type LoggerOption = FastifyServerOptions['logger'];

export function loggerOptions(config: Config, override: boolean | object | undefined): LoggerOption {
  if (override === false) return false;
  const base = {
    level: config.logLevel,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    serializers: {
      req(req: { method?: string; url?: string; ip?: string; socket?: { remoteAddress?: string } }) {
        return {
          method: req.method,
          url: scrubUrl(req.url),
          remoteAddress: req.ip ?? req.socket?.remoteAddress,
        };
      },
    },
  };
  return (typeof override === 'object' ? { ...base, ...override } : base) as LoggerOption;
}
