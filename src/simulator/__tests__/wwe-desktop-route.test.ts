// GET {gws}/ui/wwe/ over real sockets: the stand-in WWE desktop page, its script and its validator.
import { Validator } from '@cfworker/json-schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Simulator, startSimulator } from '../index';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ cometdTimeoutMs: 2_000 });
});
afterAll(async () => sim.close());

const get = (path: string) => fetch(`${sim.gwsUrl}${path}`, { redirect: 'manual' });
const desktop = (query: Record<string, string>) => get(`/ui/wwe/?${new URLSearchParams(query)}`);

function configOf(html: string): Record<string, unknown> {
  const json = /<script type="application\/json" id="desktop-config">([^<]*)<\/script>/.exec(html)?.[1];
  expect(json).toBeDefined();
  return JSON.parse(json ?? 'null');
}

describe('the desktop page', () => {
  it('is served with the widget URL, the agent and the SCAPI schemas, and runs only its own script', async () => {
    const response = await desktop({ widget: 'http://127.0.0.1:8080', deny: 'auth.getJwtToken,agent.get' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-security-policy')).toMatch(/script-src 'self';/);
    const html = await response.text();
    expect(html).toContain('<h1>Agent desktop</h1>');
    expect(html).toContain('<script type="module" src="/ui/wwe/desktop.js"></script>');
    const config = configOf(html);
    expect(config).toMatchObject({
      widgetOrigin: 'http://127.0.0.1:8080',
      widgetUrl: 'http://127.0.0.1:8080/?mode=embedded&host=wwe',
      late: false,
      deny: ['auth.getJwtToken', 'agent.get'],
      silent: [],
      agent: { employeeId: 'agent-1', firstname: 'Dana', lastname: 'Demo', username: 'demo' },
      token: { sub: 'agent-1', userName: 'demo', firstName: 'Dana', lastName: 'Demo', roles: ['ROLE_AGENT'] },
      server: { userAgent: 'WWE Server', protocolVersion: 2 },
      states: {
        Ringing: 'RINGING',
        Dialing: 'DIALING',
        Established: 'TALKING',
        Held: 'HELD',
        Released: 'IDLE',
      },
    });
  });

  it('hands over schemas the browser validator accepts: a client request passes, a forged one does not', async () => {
    const config = configOf(await (await desktop({ widget: 'http://127.0.0.1:8080' })).text());
    const schemas = config.schemas as Record<string, Record<string, object>>;
    const request = new Validator(schemas.incoming?.request ?? {}, '2019-09', true);
    const message = { request: 'interaction.setUserData', referenceId: '3', userAgent: 'WWE Client' };
    expect(request.validate({ ...message, parameters: ['1', { K: 'v' }], protocolVersion: 2 }).valid).toBe(
      true,
    );
    expect(request.validate({ ...message, userAgent: 'WWE Server', protocolVersion: 2 }).valid).toBe(false);
    const setUserData = new Validator(schemas.parameters?.['interaction.setUserData'] ?? {}, '2019-09', true);
    expect(setUserData.validate(['wwe-1', { note: 'x' }]).valid).toBe(true);
    expect(setUserData.validate(['wwe-1', { note: 1 }]).valid).toBe(false);
    expect(setUserData.validate(['wwe-1', {}]).valid).toBe(false);
  });

  it('takes the origin of the widget URL, and the late, deny and silent options', async () => {
    const response = await desktop({
      widget: 'https://widget.example.com:8443/some/path?x=1',
      late: '1',
      silent: 'system.popupToast',
    });
    expect(configOf(await response.text())).toMatchObject({
      widgetOrigin: 'https://widget.example.com:8443',
      late: true,
      silent: ['system.popupToast'],
    });
  });

  it('escapes the widget origin in the HTML and in the embedded settings', async () => {
    // WHATWG URL keeps " and & in a host name.
    const html = await (await desktop({ widget: 'http://a"b&c.example' })).text();
    expect(html).toContain('<code>http://a&quot;b&amp;c.example</code>');
    expect(html).not.toContain('a"b&c');
    expect(html).toContain('http://a\\"b\\u0026c.example');
    expect(configOf(html).widgetOrigin).toBe('http://a"b&c.example');
  });

  it.each([
    ['javascript:alert(1)'],
    ['data:text/html,<script>alert(1)</script>'],
    ['ftp://files.example.com'],
    ['http://user:secret@127.0.0.1:8080'],
    ['not a url'],
  ])('refuses the widget %s with 400', async (widget) => {
    const response = await desktop({ widget });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toMatch(/^widget: .*http\(s\) origin/);
  });

  it.each([
    [{}, /widget/],
    [{ widget: 'http://127.0.0.1:8080', deny: 'auth.getJwtToken;alert(1)' }, /deny/],
    [{ widget: 'http://127.0.0.1:8080', late: 'yes' }, /late/],
  ])('answers 400 to malformed options %#', async (query, message) => {
    const response = await desktop(query as Record<string, string>);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toMatch(message);
  });

  it('is also at /ui/wwe/index.html, and /ui/wwe redirects with the query', async () => {
    expect((await get('/ui/wwe/index.html?widget=http://127.0.0.1:1')).status).toBe(200);
    const redirect = await get('/ui/wwe?widget=http://127.0.0.1:1&late=1');
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('location')).toBe('/ui/wwe/?widget=http://127.0.0.1:1&late=1');
  });
});

describe('the desktop script and its validator', () => {
  it('serves the script and the validator modules it imports, nothing else', async () => {
    const script = await get('/ui/wwe/desktop.js');
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    const source = await script.text();
    const imported = /from '\.\/vendor\/json-schema\/([\w-]+\.js)'/.exec(source)?.[1];
    expect(imported).toBe('index.js');
    const index = await get(`/ui/wwe/vendor/json-schema/${imported}`);
    expect(index.status).toBe(200);
    for (const [, file] of (await index.text()).matchAll(/from '\.\/([\w-]+\.js)'/g)) {
      expect((await get(`/ui/wwe/vendor/json-schema/${file}`)).status).toBe(200);
    }
    expect((await get('/ui/wwe/vendor/json-schema/missing.js')).status).toBe(404);
    expect((await get('/ui/wwe/vendor/json-schema/..%2Fpackage.json')).status).toBe(400);
  });
});
