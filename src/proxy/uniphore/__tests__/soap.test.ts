import { describe, expect, it } from 'vitest';
import { fetchHttp, type RawResponse } from '../http';
import { buildEnvelope, createSoapClient, escapeXml, mapSoapResponse, soapEndpointUrl } from '../soap';

const raw = (status: number, body: string, headers: Record<string, string> = {}): RawResponse => ({
  status,
  body,
  headers: new Headers(headers),
  truncated: false,
});

// The seed's three sample responses, verbatim.
const SEED_FOUND = `<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/">
<SOAP-ENV:Header/>
<SOAP-ENV:Body>
<ns2:GetInteractionUniqueIdResponse xmlns:ns2="http://com/jacada/interact/agent/soap">
<ns2:uniqueId>4df73e86-b7df-45da-b823-ed1f980d430b</ns2:uniqueId>
</ns2:GetInteractionUniqueIdResponse>
</SOAP-ENV:Body>
</SOAP-ENV:Envelope>`;
const SEED_FAULT = `<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/">
<SOAP-ENV:Header/>
<SOAP-ENV:Body>
<SOAP-ENV:Fault>
<faultcode>0x7000000</faultcode>
<faultstring>Request is unauthorized, missing or wrong credentials</faultstring>
</SOAP-ENV:Fault>
</SOAP-ENV:Body>
</SOAP-ENV:Envelope>`;
const SEED_NOT_FOUND = `<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/">
<SOAP-ENV:Header/>
<SOAP-ENV:Body>
<ns2:GetInteractionUniqueIdResponse xmlns:ns2="http://com/jacada/interact/agent/soap">
<ns2:uniqueId>UUID for history search 0523331010 was not found</ns2:uniqueId>
</ns2:GetInteractionUniqueIdResponse>
</SOAP-ENV:Body>
</SOAP-ENV:Envelope>`;

describe('buildEnvelope', () => {
  it('reproduces the seed sample request', () => {
    expect(buildEnvelope('historySearchId', '0523331010')).toBe(
      [
        '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:soap="http://com/jacada/interact/agent/soap">',
        '<soapenv:Header/>',
        '<soapenv:Body>',
        '<soap:GetInteractionUniqueIdRequest>',
        '<soap:searchCreteria>historySearchId</soap:searchCreteria>',
        '<soap:searchValue>0523331010</soap:searchValue>',
        '</soap:GetInteractionUniqueIdRequest>',
        '</soapenv:Body>',
        '</soapenv:Envelope>',
      ].join('\n'),
    );
  });
  it('escapes the value so it cannot add elements', () => {
    const envelope = buildEnvelope('dtmf', `</soap:searchValue><x a="1">&'`);
    expect(envelope).toContain(
      '<soap:searchValue>&lt;/soap:searchValue&gt;&lt;x a=&quot;1&quot;&gt;&amp;&apos;</soap:searchValue>',
    );
    expect(escapeXml('a&b')).toBe('a&amp;b');
  });
  it('posts to the documented endpoint', () => {
    expect(soapEndpointUrl({ url: 'https://gointeract.io', apiVersion: '2' })).toBe(
      'https://gointeract.io/interact/version/2/agent/soap',
    );
  });
});

describe('mapSoapResponse', () => {
  it('reads the id from the seed success sample', () => {
    expect(mapSoapResponse(raw(200, SEED_FOUND))).toEqual({
      kind: 'found',
      uniqueId: '4df73e86-b7df-45da-b823-ed1f980d430b',
      upstreamStatus: 200,
    });
  });
  it('maps the seed fault 0x7000000 to unauthorized (HTTP 200 or 500)', () => {
    for (const status of [200, 500]) {
      expect(mapSoapResponse(raw(status, SEED_FAULT))).toMatchObject({
        kind: 'unauthorized',
        faultCode: '0x7000000',
      });
    }
  });
  it('maps the seed not-found quirk to not found', () => {
    expect(mapSoapResponse(raw(200, SEED_NOT_FOUND))).toEqual({ kind: 'not_found', upstreamStatus: 200 });
  });
  it('does not depend on namespace prefixes', () => {
    const renamed = SEED_FOUND.replaceAll('SOAP-ENV:', 's:')
      .replace('xmlns:SOAP-ENV', 'xmlns:s')
      .replaceAll('ns2:', 'agent:')
      .replace('xmlns:ns2', 'xmlns:agent');
    expect(mapSoapResponse(raw(200, renamed))).toMatchObject({ kind: 'found' });
    const defaultNs = `<Envelope xmlns="http://schemas.xmlsoap.org/soap/envelope/"><Body>
      <GetInteractionUniqueIdResponse xmlns="http://com/jacada/interact/agent/soap"><uniqueId>abc</uniqueId></GetInteractionUniqueIdResponse>
      </Body></Envelope>`;
    expect(mapSoapResponse(raw(200, defaultNs))).toMatchObject({ kind: 'found', uniqueId: 'abc' });
  });
  it('keeps all-digit ids as strings', () => {
    const digits = SEED_FOUND.replace('4df73e86-b7df-45da-b823-ed1f980d430b', '000123');
    expect(mapSoapResponse(raw(200, digits))).toMatchObject({ kind: 'found', uniqueId: '000123' });
  });
  it('decodes entities in the id', () => {
    const entity = SEED_FOUND.replace('4df73e86-b7df-45da-b823-ed1f980d430b', 'a&amp;b');
    expect(mapSoapResponse(raw(200, entity))).toMatchObject({ kind: 'found', uniqueId: 'a&b' });
  });
  it('maps a prefixed 0x7000000 faultcode and a SOAP 1.2 fault', () => {
    expect(mapSoapResponse(raw(500, SEED_FAULT.replace('>0x7000000<', '>ns:0x7000000<')))).toMatchObject({
      kind: 'unauthorized',
    });
    const soap12 = `<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope"><env:Body><env:Fault>
      <env:Code><env:Value>0x7000000</env:Value></env:Code><env:Reason><env:Text>no</env:Text></env:Reason>
      </env:Fault></env:Body></env:Envelope>`;
    expect(mapSoapResponse(raw(500, soap12))).toMatchObject({ kind: 'unauthorized' });
  });
  it('maps other faults to upstream errors', () => {
    const fault = SEED_FAULT.replace('0x7000000', 'SOAP-ENV:Server');
    expect(mapSoapResponse(raw(500, fault))).toMatchObject({ kind: 'upstream_error', upstreamStatus: 500 });
  });
  it('carries the Unauthenticated-Reason header when present', () => {
    expect(mapSoapResponse(raw(500, SEED_FAULT, { 'Unauthenticated-Reason': 'expired' }))).toMatchObject({
      reason: 'expired',
    });
  });
  it.each([
    ['empty body', 200, ''],
    ['truncated XML', 200, SEED_FOUND.slice(0, 150)],
    ['HTML', 200, '<html><body>Login</body></html>'],
    ['not XML', 200, '4df73e86'],
    ['empty uniqueId', 200, SEED_FOUND.replace('4df73e86-b7df-45da-b823-ed1f980d430b', '')],
    ['self-closed uniqueId', 200, SEED_FOUND.replace(/<ns2:uniqueId>.*<\/ns2:uniqueId>/, '<ns2:uniqueId/>')],
    ['no uniqueId', 200, SEED_FOUND.replace(/<ns2:uniqueId>.*<\/ns2:uniqueId>/, '')],
    [
      'two uniqueIds',
      200,
      SEED_FOUND.replace('</ns2:uniqueId>', '</ns2:uniqueId><ns2:uniqueId>x</ns2:uniqueId>'),
    ],
    ['wrong response element', 200, SEED_FOUND.replaceAll('GetInteractionUniqueIdResponse', 'Other')],
    ['markup in uniqueId', 200, SEED_FOUND.replace('4df73e86-b7df-45da-b823-ed1f980d430b', '&lt;b&gt;')],
  ])('rejects %s as a bad response', (_name, status, body) => {
    expect(mapSoapResponse(raw(status, body))).toMatchObject({ kind: 'bad_response' });
  });
  it.each([
    [500, 'Internal Server Error'],
    [404, '<html>Not Found</html>'],
    [503, SEED_FOUND],
  ])('maps HTTP %i without a fault to an upstream error', (status, body) => {
    expect(mapSoapResponse(raw(status, body))).toMatchObject({
      kind: 'upstream_error',
      upstreamStatus: status,
    });
  });
  it('maps HTTP 401 without a fault to unauthorized', () => {
    expect(mapSoapResponse(raw(401, 'Unauthorized'))).toMatchObject({ kind: 'unauthorized' });
  });
  it('refuses documents with a DTD (entity tricks)', () => {
    const bomb = `<!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>
${SEED_FOUND.replace('4df73e86-b7df-45da-b823-ed1f980d430b', '&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;')}`;
    expect(mapSoapResponse(raw(200, bomb))).toMatchObject({ kind: 'bad_response' });
  });
});

describe('createSoapClient', () => {
  it('posts the envelope with the documented headers', async () => {
    let seen: { url: string; init: RequestInit } | undefined;
    const client = createSoapClient({
      url: 'https://gointeract.io',
      apiVersion: '2',
      accountId: '1',
      tenantId: 't',
      applicationKey: 'KEY-9',
      environmentName: 'e',
      timeoutMs: 1000,
      http: fetchHttp(async (url, init) => {
        seen = { url, init };
        return new Response(SEED_FOUND, { headers: { 'content-type': 'text/xml' } });
      }),
    });
    expect(await client.lookup('historySearchId', '0523331010')).toMatchObject({ kind: 'found' });
    expect(seen?.url).toBe('https://gointeract.io/interact/version/2/agent/soap');
    expect(seen?.init).toMatchObject({
      method: 'POST',
      redirect: 'manual',
      body: buildEnvelope('historySearchId', '0523331010'),
      headers: {
        'Content-Type': 'text/xml; charset=utf-8',
        SOAPAction: '""',
        'Tenant-Id': 't',
        'Application-Key': 'KEY-9',
        'Environment-Name': 'e',
      },
    });
  });
});
