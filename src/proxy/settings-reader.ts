// Environment → setting values, by the schema in settings.ts. Every setting is read and checked,
// and every bad one becomes an issue naming it; nothing is thrown here, so the caller can report
// them all at once.
import type { TSchema } from 'typebox';
import Value from 'typebox/value';
import { parseLookupOrder } from '../shared/lookup-order';
import type { ConfigIssue } from './config-error';
import { JWT_ALGORITHMS, type SettingName, Settings } from './settings';

export type Env = Record<string, string | undefined>;

interface Schema {
  type?: string;
  enum?: readonly unknown[];
  minimum?: number;
  maximum?: number;
  default?: unknown;
  format?: string;
  errorMessage?: string;
}

class Invalid {
  constructor(readonly message: string) {}
}

const ORIGIN_SOURCE = /^https?:\/\/(\*\.)?[A-Za-z0-9.-]+(:\d{1,5})?$/;

function parseUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

const isHttp = (url: URL | undefined): url is URL => url?.protocol === 'http:' || url?.protocol === 'https:';

/** Checks a schema cannot express, on values the schema accepted; they may normalise the value. */
const FORMATS: Record<string, (value: never) => unknown> = {
  /** Base URLs: no credentials, query or fragment; stored without a trailing slash. */
  'http-url': (value: string) => {
    const url = parseUrl(value);
    if (!isHttp(url)) return new Invalid('must be an http(s) URL');
    if (url.username || url.password) return new Invalid('must not contain credentials');
    if (url.search || url.hash) return new Invalid('must not contain a query or fragment');
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  },
  /** redis:// or rediss:// (TLS); credentials allowed (they stay in Config as a Secret). */
  'redis-url': (value: string) => {
    const url = parseUrl(value);
    if (url?.protocol !== 'redis:' && url?.protocol !== 'rediss:') {
      return new Invalid('must be a redis:// or rediss:// URL');
    }
    if (!url.hostname) return new Invalid('must name a host');
    return value;
  },
  'history-url-template': (template: string) => {
    if (!template.includes('{uniqueId}')) return new Invalid('must contain {uniqueId}');
    const url = parseUrl(template.replaceAll('{uniqueId}', 'x'));
    if (!isHttp(url)) return new Invalid('must be an http(s) URL');
    if (url.username || url.password) return new Invalid('must not contain credentials');
    // {uniqueId} in the host would let an upstream answer choose which origin gets framed.
    if (parseUrl(template.replaceAll('{uniqueId}', 'y'))?.origin !== url.origin) {
      return new Invalid('{uniqueId} must not be part of the origin');
    }
    return template;
  },
  'lookup-order': (text: string) => {
    try {
      parseLookupOrder(text);
      return text;
    } catch (error) {
      return new Invalid(error instanceof Error ? error.message : String(error));
    }
  },
  'frame-ancestors': (sources: string[]) => {
    for (const source of sources) {
      if (source !== "'self'" && source !== "'none'" && !ORIGIN_SOURCE.test(source)) {
        return new Invalid(
          `"${source}" is not 'self', 'none' or an http(s) origin such as https://desktop.example.com`,
        );
      }
    }
    if (sources.includes("'none'") && sources.length > 1) {
      return new Invalid("'none' cannot be combined with other sources");
    }
    return [...new Set(sources)];
  },
  'jwt-algorithms': (algorithms: string[]) => {
    const refused = algorithms.filter((a) => !(JWT_ALGORITHMS as readonly string[]).includes(a));
    if (refused.length === 0) return [...new Set(algorithms)];
    return new Invalid(
      `${refused.join(', ')} not accepted: only asymmetric algorithms (${JWT_ALGORITHMS.join(', ')}); never none or HS*, which a public key set cannot make safe`,
    );
  },
  'exact-origins': (origins: string[]) => {
    for (const origin of origins) {
      const url = parseUrl(origin);
      if (!isHttp(url) || url.origin !== origin) {
        return new Invalid(`"${origin}" is not an exact http(s) origin such as https://desktop.example.com`);
      }
    }
    return [...new Set(origins)];
  },
};

/** Strict: `5s`, `1e3`, `0x10` and `yes` stay strings and fail the schema, as they should. */
function fromEnv(schema: Schema, text: string): unknown {
  if (schema.type === 'integer') return /^\d+$/.test(text) ? Number(text) : text;
  if (schema.type === 'boolean') return text === 'true' ? true : text === 'false' ? false : text;
  // Lists are separated by commas and/or white space.
  if (schema.type === 'array') return text.split(/[\s,]+/).filter(Boolean);
  return text;
}

function schemaMessage(schema: Schema): string {
  if (schema.errorMessage) return schema.errorMessage;
  if (schema.enum) return `must be one of ${schema.enum.join(', ')}`;
  if (schema.type === 'integer') return `must be an integer ${schema.minimum}..${schema.maximum}`;
  if (schema.type === 'boolean') return 'must be true or false';
  return 'is not valid';
}

function readOne(schema: TSchema & Schema, value: unknown): unknown {
  if (!Value.Check(schema, value)) return new Invalid(schemaMessage(schema));
  const format = schema.format === undefined ? undefined : FORMATS[schema.format];
  return format ? format(value as never) : value;
}

export function readSettings(env: Env): { values: Partial<Settings>; issues: ConfigIssue[] } {
  const values: Record<string, unknown> = {};
  const issues: ConfigIssue[] = [];
  const required = new Set<string>(Settings.required);
  for (const [name, schema] of Object.entries(Settings.properties) as [SettingName, TSchema & Schema][]) {
    // Empty and blank values count as unset: `.env` files often carry `NAME=`.
    const text = env[name]?.trim() || undefined;
    let value: unknown;
    if (text !== undefined) value = fromEnv(schema, text);
    else if ('default' in schema) value = structuredClone(schema.default);
    else {
      if (required.has(name)) issues.push({ setting: name, message: 'required' });
      continue;
    }
    const read = readOne(schema, value);
    if (read instanceof Invalid) issues.push({ setting: name, message: read.message });
    else values[name] = read;
  }
  return { values: values as Partial<Settings>, issues };
}
