// Uniphore REST: GET .../uniqueId/{attribute}/{value}; the 200 body is the bare id.
import type { Attribute } from '../../shared/lookup-api';
import type { LookupOutcome, UniphoreClient, UniphoreClientOptions } from './client';
import { type RawResponse, sanitizeForLog, withoutSecret } from './http';
import { classifyUniqueIdText, isNotFoundSentence } from './unique-id-text';

export const UNAUTHORIZED_CODE = '0x7000000';

type Endpoint = Pick<UniphoreClientOptions, 'url' | 'apiVersion' | 'accountId'>;
type Credentials = Pick<UniphoreClientOptions, 'tenantId' | 'applicationKey' | 'environmentName'>;

/** encodeURIComponent keeps the value one path segment: `/`, `%2F`, `..` inside it cannot change the route, and `+` becomes `%2B` as Uniphore requires. */
export function restLookupUrl(endpoint: Endpoint, attribute: Attribute, value: string): string {
  return (
    `${endpoint.url}/interact/agent/version/${encodeURIComponent(endpoint.apiVersion)}` +
    `/account/${encodeURIComponent(endpoint.accountId)}/uniqueId/${attribute}/${encodeURIComponent(value)}`
  );
}

export function uniphoreHeaders(credentials: Credentials): Record<string, string> {
  return {
    'Tenant-Id': credentials.tenantId,
    'Application-Key': credentials.applicationKey,
    'Environment-Name': credentials.environmentName,
  };
}

function jsonErrorCode(body: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(body);
    if (parsed && typeof parsed === 'object' && 'code' in parsed && typeof parsed.code === 'string') {
      return sanitizeForLog(parsed.code, 40);
    }
  } catch {
    // The 401 body is informative only; the status and header already decide.
  }
  return undefined;
}

export function mapRestResponse(response: RawResponse): LookupOutcome {
  const { status, body } = response;
  if (status === 200) {
    if (response.truncated) return { kind: 'bad_response', upstreamStatus: status, detail: 'body too large' };
    const verdict = classifyUniqueIdText(body);
    if (verdict.kind === 'found')
      return { kind: 'found', uniqueId: verdict.uniqueId, upstreamStatus: status };
    if (verdict.kind === 'not_found') return { kind: 'not_found', upstreamStatus: status };
    return { kind: 'bad_response', upstreamStatus: status, detail: verdict.detail };
  }
  if (status === 401) {
    return {
      kind: 'unauthorized',
      upstreamStatus: status,
      reason: sanitizeForLog(response.headers.get('unauthenticated-reason')),
      faultCode: jsonErrorCode(body),
    };
  }
  if (status === 404) {
    return isNotFoundSentence(body.replace(/^"|"$/g, '')) || body.trim() === ''
      ? { kind: 'not_found', upstreamStatus: status }
      : // Still a miss for the caller, but an unfamiliar 404 body often means UNIPHORE_URL points elsewhere.
        { kind: 'not_found', upstreamStatus: status, note: 'unrecognised 404 body' };
  }
  if (status >= 200 && status < 300) {
    return { kind: 'bad_response', upstreamStatus: status, detail: `HTTP ${status} without an id` };
  }
  if (status >= 300 && status < 400) {
    return {
      kind: 'upstream_error',
      upstreamStatus: status,
      detail: `redirect (HTTP ${status}) not followed`,
    };
  }
  return { kind: 'upstream_error', upstreamStatus: status, detail: `HTTP ${status}` };
}

export function createRestClient(options: UniphoreClientOptions): UniphoreClient {
  const headers = uniphoreHeaders(options);
  return {
    transport: 'rest',
    async lookup(attribute, value) {
      const result = await options.http(
        restLookupUrl(options, attribute, value),
        { method: 'GET', headers },
        options.timeoutMs,
      );
      return withoutSecret(
        result.ok ? mapRestResponse(result.response) : result.outcome,
        options.applicationKey,
      );
    },
  };
}
