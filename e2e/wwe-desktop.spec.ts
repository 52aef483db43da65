// The simulator's stand-in Workspace Web Edition desktop ({gws}/ui/wwe/), driven in Chromium by a
// *fake widget*: a tiny page on another loopback port that speaks the Service Client API (SCAPI) as
// the MIT sample client does (positional parameters, referenceId, userAgent 'WWE Client'), so the
// desktop's answers and events are checked without the real widget. An intruder page on a third
// port checks that only the widget's frame, on the widget's origin, is listened to.
import type { Frame, Page } from '@playwright/test';
import { axeViolations, serveHtml } from './fixtures/pages';
import { test as base, expect } from './fixtures/server';
import { desktopUrl } from './fixtures/wwe-desktop';

/** The SCAPI client side, in the page: requests resolve with the whole answer, or 'Request timeout'. */
const SCAPI_CLIENT = `
  const desktop = location.ancestorOrigins[0];
  let counter = 0;
  const pending = new Map();
  window.events = [];
  window.answers = [];
  addEventListener('message', (e) => {
    const m = e.data;
    if (e.source !== parent || !m || !String(m.userAgent).includes('WWE')) return;
    if (m.event) return window.events.push(m);
    window.answers.push(m);
    pending.get(m.referenceId)?.(m);
    pending.delete(m.referenceId);
  });
  const send = (message, timeoutMs) => new Promise((resolve) => {
    const referenceId = String(counter++);
    pending.set(referenceId, resolve);
    setTimeout(() => pending.has(referenceId) && (pending.delete(referenceId), resolve('Request timeout')), timeoutMs);
    parent.postMessage({ ...message, referenceId, userAgent: 'WWE Client', protocolVersion: 2 }, desktop);
  });
  window.scapi = {
    request: (request, parameters, timeoutMs = 5000) =>
      send(parameters === undefined ? { request } : { request, parameters }, timeoutMs),
    subscribe: (data) => send({ event: 'subscribe', data }, 5000),
    post: (message) => parent.postMessage(message, desktop),
  };`;

const page = (title: string, script: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>
  <body><main><p id="status">${title}</p></main><script>${script}</script></body></html>`;

const test = base.extend<object, { fakes: { widget: string; intruder: string } }>({
  fakes: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads fixture dependencies from this pattern.
    async ({}, use) => {
      const widget = await serveHtml(() => page('Fake widget', SCAPI_CLIENT));
      const intruder = await serveHtml(() => page('Intruder', SCAPI_CLIENT));
      await use({ widget: widget.origin, intruder: intruder.origin });
      widget.server.close();
      intruder.server.close();
    },
    { scope: 'worker' },
  ],
});

interface Answer {
  referenceId?: string;
  data?: unknown;
  errorMessage?: string;
  subscriptionId?: string;
  userAgent: string;
  protocolVersion: number;
}
interface Ixn {
  interactionId: string;
  state: string;
  previousState?: string;
  callUuid?: string;
  userData?: Record<string, unknown>;
  [field: string]: unknown;
}
interface EventMessage {
  event: string;
  data: Ixn;
}

const SERVER = { userAgent: 'WWE Server', protocolVersion: 2 };

/** The fake widget in the desktop's widget frame, once loaded. */
async function widgetFrame(page: Page, widgetOrigin: string): Promise<Frame> {
  await expect(page.frameLocator('iframe[title="Interaction history widget"]').locator('#status')).toHaveText(
    'Fake widget',
  );
  const frame = page.frames().find((f) => f.url().startsWith(`${widgetOrigin}/`));
  if (!frame) throw new Error('no widget frame');
  expect(frame.url()).toBe(`${widgetOrigin}/?mode=embedded&host=wwe`);
  return frame;
}

async function openDesktop(page: Page, url: URL): Promise<Frame> {
  await page.goto(url.href);
  await expect.poll(() => page.evaluate(() => window.desktop.connected)).toBe(true);
  return widgetFrame(page, url.searchParams.get('widget') ?? '');
}

const request = (widget: Frame, name: string, parameters?: unknown[], timeoutMs?: number) =>
  widget.evaluate(
    ([n, p, t]) => window.scapi.request(n as string, p as unknown[] | undefined, t as number | undefined),
    [name, parameters, timeoutMs] as const,
  ) as Promise<Answer | 'Request timeout'>;
const subscribe = (widget: Frame, names: string[]) =>
  widget.evaluate((n) => window.scapi.subscribe(n), names) as Promise<Answer>;
const events = (widget: Frame) => widget.evaluate(() => window.events) as Promise<EventMessage[]>;
const lastEvent = async (widget: Frame, event = 'interaction') =>
  (await events(widget)).filter((e) => e.event === event).at(-1)?.data;
const invalidSent = (page: Page) => page.evaluate(() => window.desktop.invalidSent);

declare global {
  interface Window {
    desktop: {
      connected: boolean;
      received: unknown[];
      ignored: { origin: string; data: unknown }[];
      invalidSent: unknown[];
      toasts: { id: string; title: string }[];
      interactions(): Ixn[];
      markDone(id: string): boolean;
      loadWidget(): void;
    };
    scapi: {
      request(name: string, parameters?: unknown[], timeoutMs?: number): Promise<unknown>;
      subscribe(names: string[]): Promise<unknown>;
      post(message: unknown): void;
    };
    events: unknown[];
    answers: unknown[];
  }
}

test('answers requests with the SCAPI shapes: agent, JWT, toast, unknown and malformed requests', async ({
  page,
  server,
  fakes,
}) => {
  const widget = await openDesktop(page, desktopUrl(server, {}, fakes.widget));
  expect(await subscribe(widget, ['interaction', 'markdone'])).toEqual({
    referenceId: '0',
    subscriptionId: expect.any(String),
    ...SERVER,
  });
  expect(await request(widget, 'interaction.getInteractions')).toEqual({
    referenceId: '1',
    data: [],
    ...SERVER,
  });
  expect(await request(widget, 'agent.get')).toEqual({
    referenceId: '2',
    data: { employeeId: 'agent-1', firstname: 'Dana', lastname: 'Demo', username: 'demo' },
    ...SERVER,
  });

  const jwt = (await request(widget, 'auth.getJwtToken')) as Answer;
  const token = jwt.data as { jwtToken: string; expiration: string };
  expect(token.jwtToken).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
  const claims = JSON.parse(Buffer.from(token.jwtToken.split('.')[1] ?? '', 'base64url').toString());
  expect(claims).toMatchObject({
    sub: 'agent-1',
    preferred_username: 'demo',
    given_name: 'Dana',
    family_name: 'Demo',
    roles: ['ROLE_AGENT'],
  });
  expect(token.expiration).toBe(new Date(claims.exp * 1000).toISOString());
  // Still valid: WWE hands out the same token again.
  expect(((await request(widget, 'auth.getJwtToken')) as Answer).data).toEqual(token);

  const toast = await request(widget, 'system.popupToast', [
    { title: 'Screen pop', message: 'History found' },
  ]);
  expect(toast).toEqual({ referenceId: '5', data: 'wweCustomToast0', ...SERVER });
  await expect(page.getByRole('list', { name: 'Toasts shown' }).getByRole('listitem')).toHaveText(
    /Screen pop.*History found/,
  );

  expect(await request(widget, 'interaction.deleteUserData', ['wwe-1', 'k'])).toEqual({
    referenceId: '6',
    errorMessage: 'Unknown request',
    ...SERVER,
  });
  const badToast = (await request(widget, 'system.popupToast', [{ title: 'no message' }])) as Answer;
  expect(badToast.errorMessage).toMatch(/^Invalid parameters of system\.popupToast/);
  // A message in the wrong shape, with a referenceId to answer to.
  await widget.evaluate(() =>
    window.scapi.post({ request: 'agent.get', referenceId: 'x1', userAgent: 'Other', protocolVersion: 2 }),
  );
  await expect
    .poll(() => widget.evaluate(() => window.answers))
    .toContainEqual(
      expect.objectContaining({ referenceId: 'x1', errorMessage: expect.stringMatching(/^Invalid request/) }),
    );
  expect(await page.evaluate(() => window.desktop.received.length)).toBe(9);
  expect(await invalidSent(page)).toEqual([]);
});

test('follows a call: place, answer, attach data (written through to the call), release, mark done', async ({
  page,
  server,
  sim,
  fakes,
}) => {
  const widget = await openDesktop(page, desktopUrl(server, {}, fakes.widget));
  await subscribe(widget, ['interaction', 'markdone']);
  const call = await sim.placeCall({ ani: '+14155550160' });
  await expect.poll(() => lastEvent(widget)).toMatchObject({ state: 'RINGING' });
  const ringing = (await lastEvent(widget)) as Ixn;
  expect(ringing).toEqual({
    interactionId: expect.stringMatching(/^wwe-\d+$/),
    callUuid: call.id,
    callType: 'INBOUND',
    direction: 'IN',
    isConsultation: false,
    startDate: expect.any(Number),
    state: 'RINGING',
    userData: {},
    parties: [{ phoneNumber: '+14155550160' }],
    ani: '+14155550160',
    dnis: '5001',
  });
  const id = ringing.interactionId;
  expect(id).not.toBe(call.id);
  expect(((await request(widget, 'interaction.getInteractions')) as Answer).data).toEqual([ringing]);
  expect(((await request(widget, 'interaction.getByInteractionId', [id])) as Answer).data).toEqual(ringing);
  expect(await request(widget, 'interaction.getByInteractionId', ['wwe-404'])).toMatchObject({ data: null });

  await sim.answer(call.id);
  await expect.poll(() => lastEvent(widget)).toMatchObject({ state: 'TALKING', previousState: 'RINGING' });

  const attached = await request(widget, 'interaction.setUserData', [id, { historySearchId: 'abc-123' }]);
  expect(attached).toEqual({ referenceId: expect.any(String), ...SERVER });
  expect(await lastEvent(widget)).toMatchObject({
    state: 'TALKING',
    userData: { historySearchId: 'abc-123' },
  });
  const [simulated] = (await sim.call<{ calls: { id: string; userData: object }[] }>('GET', '/calls')).calls;
  expect(simulated).toMatchObject({ id: call.id, userData: { historySearchId: 'abc-123' } });
  const article = page.getByRole('article', { name: 'Inbound call +14155550160' });
  await expect(article.getByRole('definition')).toContainText(['TALKING', id, call.id, 'abc-123']);

  await sim.release(call.id);
  await expect.poll(() => lastEvent(widget)).toMatchObject({ state: 'IDLE', previousState: 'TALKING' });
  // The call's own AttachedDataChanged, echoed by the simulator, changed nothing more: one event.
  const withData = (await events(widget)).filter((e) => e.data.userData?.historySearchId === 'abc-123');
  expect(withData.map((e) => e.data.state)).toEqual(['TALKING', 'IDLE']);
  const late = (await request(widget, 'interaction.setUserData', [id, { k: 'v' }])) as Answer;
  expect(late.errorMessage).toBe(`Interaction ${id} is IDLE`);

  await article.getByRole('button', { name: 'Mark done' }).click();
  await expect(article).toHaveCount(0);
  expect(await lastEvent(widget)).toMatchObject({
    interactionId: id,
    state: 'COMPLETED',
    previousState: 'IDLE',
  });
  expect(await lastEvent(widget, 'markdone')).toMatchObject({ interactionId: id, state: 'COMPLETED' });
  expect(((await request(widget, 'interaction.getInteractions')) as Answer).data).toEqual([]);
  expect(await invalidSent(page)).toEqual([]);
});

test('an interaction that exists before the widget loads; consultations; a call placed from the page', async ({
  page,
  server,
  sim,
  fakes,
}) => {
  await page.goto(desktopUrl(server, { late: '1' }, fakes.widget).href);
  await expect(page.locator('iframe')).toHaveCount(0);
  await expect.poll(() => page.evaluate(() => window.desktop.connected)).toBe(true);
  const first = await sim.placeCall({ ani: '+14155550161', established: true });
  await expect(page.getByRole('article', { name: 'Inbound call +14155550161' })).toContainText('TALKING');

  await page.getByRole('button', { name: 'Load widget' }).click();
  const widget = await widgetFrame(page, fakes.widget);
  await subscribe(widget, ['interaction']);
  const [existing] = ((await request(widget, 'interaction.getInteractions')) as Answer).data as Ixn[];
  expect(existing).toMatchObject({ callUuid: first.id, state: 'TALKING' });

  const consult = await sim.placeCall({ ani: '+14155550162', callType: 'Consult' });
  await expect.poll(() => lastEvent(widget)).toMatchObject({ callUuid: consult.id });
  expect(await lastEvent(widget)).toMatchObject({
    callType: 'CONSULT',
    direction: 'IN',
    isConsultation: true,
    parentInteractionId: existing?.interactionId,
    state: 'RINGING',
  });

  await page.getByLabel('Caller number').fill('+14155550163');
  await page.getByLabel('Call type').selectOption('Outbound');
  await page.getByRole('button', { name: 'Place call' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Placed call / })).toBeVisible();
  await expect
    .poll(async () =>
      (await events(widget)).filter((e) => e.data.ani === '+14155550163').map((e) => e.data.state),
    )
    .toEqual(['DIALING', 'TALKING']);
  expect(await lastEvent(widget)).toMatchObject({ callType: 'OUTBOUND', direction: 'OUT' });
  expect(await invalidSent(page)).toEqual([]);
});

test('deny= answers with errorMessage, silent= never answers', async ({ page, server, fakes }) => {
  const url = desktopUrl(
    server,
    {
      deny: 'auth.getJwtToken,agent.get',
      silent: 'system.popupToast',
    },
    fakes.widget,
  );
  const widget = await openDesktop(page, url);
  const denied = (await request(widget, 'auth.getJwtToken')) as Answer;
  expect(denied).toEqual({
    referenceId: '0',
    errorMessage: `Service auth.getJwtToken is not allowed for origin ${fakes.widget}`,
    ...SERVER,
  });
  expect(((await request(widget, 'agent.get')) as Answer).errorMessage).toMatch(/not allowed/);
  expect(await request(widget, 'system.popupToast', [{ title: 't', message: 'm' }], 1_500)).toBe(
    'Request timeout',
  );
  await expect(page.getByRole('list', { name: 'Toasts shown' }).getByRole('listitem')).toHaveCount(0);
  expect(await request(widget, 'interaction.getInteractions')).toMatchObject({ data: [] });
});

test('messages from another window, or from the widget frame on another origin, are ignored', async ({
  page,
  server,
  sim,
  fakes,
}) => {
  const widget = await openDesktop(page, desktopUrl(server, {}, fakes.widget));
  await subscribe(widget, ['interaction']);
  const toastFrom = (who: string) => ({
    request: 'system.popupToast',
    parameters: [{ title: who, message: 'not the widget' }],
    referenceId: who,
    userAgent: 'WWE Client',
    protocolVersion: 2,
  });
  // Two more frames in the desktop: one on the widget's origin (another window), one elsewhere.
  for (const [name, origin] of [
    ['sibling', fakes.widget],
    ['intruder', fakes.intruder],
  ] as const) {
    await page.evaluate(
      ([n, o]) => {
        const frame = Object.assign(document.createElement('iframe'), { title: n, src: `${o}/?${n}` });
        document.body.append(frame);
      },
      [name, origin],
    );
    await expect(page.frameLocator(`iframe[title="${name}"]`).locator('#status')).toBeVisible();
    const frame = page.frames().find((f) => f.url() === `${origin}/?${name}`);
    await frame?.evaluate((m) => window.scapi.post(m), toastFrom(name));
  }
  // The widget's frame now shows the intruder's origin: same window, wrong origin.
  await widget.evaluate((origin) => {
    location.href = `${origin}/?navigated`;
  }, fakes.intruder);
  const navigated = page.frameLocator('iframe[title="Interaction history widget"]').locator('#status');
  await expect(navigated).toHaveText('Intruder');
  const hijacked = page.frames().find((f) => f.url() === `${fakes.intruder}/?navigated`);
  await hijacked?.evaluate((m) => window.scapi.post(m), toastFrom('navigated'));
  await hijacked?.evaluate(() =>
    window.scapi.post({
      event: 'subscribe',
      data: 'interaction',
      referenceId: 's',
      userAgent: 'WWE Client',
      protocolVersion: 2,
    }),
  );

  await expect
    .poll(() =>
      page.evaluate(() =>
        window.desktop.ignored.map((m) => (m.data as { referenceId?: string }).referenceId),
      ),
    )
    .toEqual(expect.arrayContaining(['sibling', 'intruder', 'navigated', 's']));
  expect(await page.evaluate(() => window.desktop.toasts)).toEqual([]);
  await expect(page.getByRole('list', { name: 'Toasts shown' }).getByRole('listitem')).toHaveCount(0);
  expect(await page.evaluate(() => window.desktop.received.length)).toBe(1);

  // Events still go to the widget's origin only: the intruder now in its frame hears nothing.
  await sim.placeCall({ ani: '+14155550164' });
  await expect(page.getByRole('article', { name: 'Inbound call +14155550164' })).toBeVisible();
  await page.waitForTimeout(200);
  expect(await hijacked?.evaluate(() => [window.events, window.answers])).toEqual([[], []]);
});

test('the desktop page has no axe violations with a call and a toast', async ({
  page,
  server,
  sim,
  fakes,
}) => {
  const widget = await openDesktop(page, desktopUrl(server, {}, fakes.widget));
  await sim.placeCall({ ani: '+14155550165' });
  await request(widget, 'system.popupToast', [{ title: 'Screen pop', subject: 'History', message: 'Found' }]);
  await expect(page.getByRole('article', { name: 'Inbound call +14155550165' })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
});

test('npm start: the real widget may be framed by the desktop it prints, and its history page inside it', async ({
  page,
  server,
  sim,
}) => {
  const url = desktopUrl(server);
  const widgetResponse = await fetch(server.url);
  expect(widgetResponse.headers.get('content-security-policy')).toContain(
    `frame-ancestors 'self' ${url.origin}`,
  );
  const record = await sim.addRecord('callReturn', '+14155550166');
  await page.goto(url.href);
  const widget = page.frameLocator('iframe[title="Interaction history widget"]');
  await expect(widget.getByRole('main')).toBeVisible();
  await expect.poll(() => page.evaluate(() => window.desktop.connected)).toBe(true);
  await sim.placeCall({ ani: '+14155550166' });
  const history = widget.getByRole('article', { name: 'Call from +14155550166' }).locator('iframe');
  await expect(history).toHaveAttribute('src', new RegExp(record.uniqueId));
  await expect(
    widget.frameLocator('iframe').getByRole('heading', { name: 'Interaction history' }),
  ).toBeVisible();
});
