// Uniphore SOAP: GetInteractionUniqueIdRequest{searchCreteria, searchValue} (the seed's spelling).
// Responses are read with a real XML parser and without trusting namespace prefixes: `ns2:` today
// may be anything tomorrow, or a default namespace.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Attribute } from '../../shared/lookup-api';
import type { LookupOutcome, UniphoreClient, UniphoreClientOptions } from './client';
import { type RawResponse, sanitizeForLog, withoutSecret } from './http';
import { UNAUTHORIZED_CODE, uniphoreHeaders } from './rest';
import { classifyUniqueIdText } from './unique-id-text';

export const SOAP_ENVELOPE_NAMESPACE = 'http://schemas.xmlsoap.org/soap/envelope/';
export const AGENT_SOAP_NAMESPACE = 'http://com/jacada/interact/agent/soap';

type Endpoint = Pick<UniphoreClientOptions, 'url' | 'apiVersion'>;

export function soapEndpointUrl(endpoint: Endpoint): string {
  return `${endpoint.url}/interact/version/${encodeURIComponent(endpoint.apiVersion)}/agent/soap`;
}

const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);
}

/** The seed's sample request, element for element. */
export function buildEnvelope(attribute: Attribute, value: string): string {
  return [
    `<soapenv:Envelope xmlns:soapenv="${SOAP_ENVELOPE_NAMESPACE}" xmlns:soap="${AGENT_SOAP_NAMESPACE}">`,
    '<soapenv:Header/>',
    '<soapenv:Body>',
    '<soap:GetInteractionUniqueIdRequest>',
    `<soap:searchCreteria>${escapeXml(attribute)}</soap:searchCreteria>`,
    `<soap:searchValue>${escapeXml(value)}</soap:searchValue>`,
    '</soap:GetInteractionUniqueIdRequest>',
    '</soapenv:Body>',
    '</soapenv:Envelope>',
  ].join('\n');
}

const parser = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: true,
  // Keep every value a string: "0x7000000" or an all-digit id must not turn into a number.
  parseTagValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  // An upstream (or something impersonating it) must not make us expand entity bombs.
  processEntities: { maxEntityCount: 20, maxTotalExpansions: 200, maxExpandedLength: 20000 },
  maxNestedTags: 40,
});

type Node = unknown;

function child(node: Node, name: string): Node {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return undefined;
  return Object.hasOwn(node, name) ? (node as Record<string, unknown>)[name] : undefined;
}

/** Text content of an element; undefined when absent or ambiguous (repeated element). */
function text(node: Node): string | undefined {
  if (typeof node === 'string') return node;
  if (typeof node === 'number' || typeof node === 'boolean') return String(node);
  if (node !== null && typeof node === 'object' && !Array.isArray(node)) {
    const inner = child(node, '#text');
    if (inner !== undefined) return text(inner);
    return Object.keys(node).length === 0 ? '' : undefined;
  }
  return undefined;
}

/** faultcode is a QName (`SOAP-ENV:Client`) or Uniphore's bare `0x7000000`: compare the local part. */
function localPart(qname: string): string {
  const trimmed = qname.trim();
  return trimmed.slice(trimmed.lastIndexOf(':') + 1);
}

function parseXml(body: string): Node {
  // SOAP 1.1 forbids a DTD in a message; refusing one outright leaves no entity tricks to defuse.
  if (body.trim() === '' || /<!DOCTYPE/i.test(body) || XMLValidator.validate(body) !== true) return undefined;
  try {
    return parser.parse(body);
  } catch {
    return undefined;
  }
}

function nonXmlOutcome(response: RawResponse, detail: string): LookupOutcome {
  const { status } = response;
  if (status === 401) return unauthorized(response, undefined);
  if (status >= 200 && status < 300) return { kind: 'bad_response', upstreamStatus: status, detail };
  return { kind: 'upstream_error', upstreamStatus: status, detail: `HTTP ${status}` };
}

function unauthorized(response: RawResponse, faultCode: string | undefined): LookupOutcome {
  return {
    kind: 'unauthorized',
    upstreamStatus: response.status,
    reason: sanitizeForLog(response.headers.get('unauthenticated-reason')),
    faultCode,
  };
}

export function mapSoapResponse(response: RawResponse): LookupOutcome {
  const { status } = response;
  if (response.truncated) return nonXmlOutcome(response, 'body too large');
  const document = parseXml(response.body);
  const body = child(child(document, 'Envelope'), 'Body');
  if (body === undefined || body === null || typeof body !== 'object') {
    return nonXmlOutcome(response, 'not a SOAP envelope');
  }

  const fault = child(body, 'Fault');
  if (fault !== undefined) {
    // SOAP 1.1 faultcode, or SOAP 1.2 Code/Value.
    const code = text(child(fault, 'faultcode')) ?? text(child(child(fault, 'Code'), 'Value'));
    const local = code === undefined ? undefined : localPart(code);
    if (local === UNAUTHORIZED_CODE) return unauthorized(response, local);
    return {
      kind: 'upstream_error',
      upstreamStatus: status,
      detail: `SOAP fault ${sanitizeForLog(local, 60) ?? '(no faultcode)'}`,
    };
  }
  if (status === 401) return unauthorized(response, undefined);
  if (status < 200 || status >= 300)
    return { kind: 'upstream_error', upstreamStatus: status, detail: `HTTP ${status}` };

  const answer = child(body, 'GetInteractionUniqueIdResponse');
  if (answer === undefined)
    return { kind: 'bad_response', upstreamStatus: status, detail: 'no GetInteractionUniqueIdResponse' };
  const uniqueId = text(child(answer, 'uniqueId'));
  if (uniqueId === undefined)
    return { kind: 'bad_response', upstreamStatus: status, detail: 'no single uniqueId' };
  const verdict = classifyUniqueIdText(uniqueId);
  if (verdict.kind === 'found') return { kind: 'found', uniqueId: verdict.uniqueId, upstreamStatus: status };
  if (verdict.kind === 'not_found') return { kind: 'not_found', upstreamStatus: status };
  return { kind: 'bad_response', upstreamStatus: status, detail: verdict.detail };
}

export function createSoapClient(options: UniphoreClientOptions): UniphoreClient {
  const url = soapEndpointUrl(options);
  const headers = {
    ...uniphoreHeaders(options),
    'Content-Type': 'text/xml; charset=utf-8',
    SOAPAction: '""',
  };
  return {
    transport: 'soap',
    async lookup(attribute, value) {
      const result = await options.http(
        url,
        { method: 'POST', headers, body: buildEnvelope(attribute, value) },
        options.timeoutMs,
      );
      return withoutSecret(
        result.ok ? mapSoapResponse(result.response) : result.outcome,
        options.applicationKey,
      );
    },
  };
}
