// The Uniphore stand-in over real sockets: every answer of the reference page, and the faults.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SIMULATOR_CREDENTIALS, type Simulator, startSimulator } from '../index';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(async () => sim.close());
beforeEach(async () => {
  await fetch(`${sim.gwsUrl}/sim/reset`, { method: 'POST' });
});

const headers = {
  'Tenant-Id': SIMULATOR_CREDENTIALS.tenantId,
  'Application-Key': SIMULATOR_CREDENTIALS.applicationKey,
  'Environment-Name': SIMULATOR_CREDENTIALS.environmentName,
};
const rest = (attribute: string, encodedValue: string, h: Record<string, string> = headers) =>
  fetch(
    `${sim.uniphoreUrl}/interact/agent/version/2/account/${SIMULATOR_CREDENTIALS.accountId}/uniqueId/${attribute}/${encodedValue}`,
    { headers: h },
  );
const faults = (body: unknown) =>
  fetch(`${sim.gwsUrl}/sim/faults`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
const stats = async () =>
  (await (await fetch(`${sim.gwsUrl}/sim/stats`)).json()) as {
    uniphore: { rawPath: string; value: string; status: number }[];
  };

const soapRequest = (
  attribute: string,
  value: string,
  prefix = 'soap',
) => `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:${prefix}="http://com/jacada/interact/agent/soap">
<soapenv:Header/><soapenv:Body><${prefix}:GetInteractionUniqueIdRequest>
<${prefix}:searchCreteria>${attribute}</${prefix}:searchCreteria><${prefix}:searchValue>${value}</${prefix}:searchValue>
</${prefix}:GetInteractionUniqueIdRequest></soapenv:Body></soapenv:Envelope>`;
const soap = (body: string, h: Record<string, string> = headers) =>
  fetch(`${sim.uniphoreUrl}/interact/version/2/agent/soap`, {
    method: 'POST',
    headers: { 'content-type': 'text/xml', ...h },
    body,
  });

describe('REST', () => {
  it('returns the bare id for a known attribute, with + arriving as %2B', async () => {
    const response = await rest('clickToCall', '%2B12121234567');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('7c2e9d41-8a3b-4f5c-a6d7-e8f9a0b1c2d3');
    const { uniphore } = await stats();
    expect(uniphore.at(-1)).toMatchObject({
      rawPath: expect.stringMatching(/\/clickToCall\/%2B12121234567$/),
      value: '+12121234567',
      status: 200,
    });
  });

  it('answers 404 text when not found', async () => {
    const response = await rest('dtmf', '9999');
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('UUID for attribute 9999 was not found');
  });

  it('answers 401 with Unauthenticated-Reason and the 0x7000000 body to wrong or missing headers', async () => {
    for (const h of [{ ...headers, 'Application-Key': 'nope' }, {}]) {
      const response = await rest('dtmf', '4567', h);
      expect(response.status).toBe(401);
      expect(response.headers.get('unauthenticated-reason')).toBeTruthy();
      expect(await response.json()).toMatchObject({ code: '0x7000000' });
    }
  });

  it.each([
    ['error500', 500],
    ['malformed', 200],
    ['empty', 200],
  ])('fault %s answers %i', async (mode, status) => {
    await faults({ uniphore: { mode } });
    const response = await rest('dtmf', '4567');
    expect(response.status).toBe(status);
    expect(await response.text()).not.toBe('4df73e86-b7df-45da-b823-ed1f980d430b');
  });

  it('fault reset drops the connection', async () => {
    await faults({ uniphore: { mode: 'reset' } });
    await expect(rest('dtmf', '4567')).rejects.toThrow();
  });

  it('fault delay holds the answer', async () => {
    await faults({ uniphore: { delayMs: 300 } });
    const started = Date.now();
    expect((await rest('dtmf', '4567')).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });
});

describe('SOAP', () => {
  it('answers the documented success envelope, whatever prefix the request uses', async () => {
    for (const prefix of ['soap', 'x', 'agent']) {
      const response = await soap(soapRequest('dtmf', '4567', prefix));
      expect(response.status).toBe(200);
      const xml = await response.text();
      expect(xml).toContain('<ns2:uniqueId>4df73e86-b7df-45da-b823-ed1f980d430b</ns2:uniqueId>');
    }
  });

  it('has the not-found quirk: a normal response whose uniqueId is a sentence', async () => {
    const xml = await (await soap(soapRequest('historySearchId', 'nope&lt;1'))).text();
    expect(xml).toContain('<ns2:uniqueId>UUID for history search nope&lt;1 was not found</ns2:uniqueId>');
  });

  it('answers a 0x7000000 fault to wrong credentials, and a client fault to broken XML', async () => {
    const unauthorized = await soap(soapRequest('dtmf', '4567'), { ...headers, 'Application-Key': 'x' });
    expect(unauthorized.status).toBe(500);
    expect(await unauthorized.text()).toContain('<faultcode>0x7000000</faultcode>');
    const broken = await soap('<soapenv:Envelope><oops');
    expect(broken.status).toBe(500);
    expect(await broken.text()).toContain('SOAP-ENV:Client');
  });

  it('serves the WSDL with the seed spelling of searchCreteria', async () => {
    const response = await fetch(`${sim.uniphoreUrl}/interact/version/2/agent/soap/agent.wsdl`);
    expect(response.status).toBe(200);
    const wsdl = await response.text();
    expect(wsdl).toContain('name="searchCreteria"');
    expect(wsdl).toContain('targetNamespace="http://com/jacada/interact/agent/soap"');
  });
});

describe('history pages', () => {
  it('serves a frameable page per known unique id, a 404 otherwise, and refuses framing on demand', async () => {
    const page = await fetch(`${sim.uniphoreUrl}/history/4df73e86-b7df-45da-b823-ed1f980d430b`);
    expect(page.status).toBe(200);
    expect(page.headers.get('x-frame-options')).toBeNull();
    expect(await page.text()).toContain('4df73e86-b7df-45da-b823-ed1f980d430b');
    expect((await fetch(`${sim.uniphoreUrl}/history/unknown`)).status).toBe(404);
    await faults({ history: { frameable: false } });
    const refused = await fetch(`${sim.uniphoreUrl}/history/4df73e86-b7df-45da-b823-ed1f980d430b`);
    expect(refused.headers.get('x-frame-options')).toBe('DENY');
    expect(refused.headers.get('content-security-policy')).toBe("frame-ancestors 'none'");
  });

  it('never reports the application key in its stats', async () => {
    await rest('dtmf', '4567');
    expect(JSON.stringify(await stats())).not.toContain(SIMULATOR_CREDENTIALS.applicationKey);
  });
});
