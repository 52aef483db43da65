// GET {gws}/ui/wwe/: the stand-in WWE desktop, served from the simulated GWS as WWE is served from
// its GWS host (/ui/wwe/index.html), with its script and the JSON Schema validator it imports.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import Type from 'typebox';
import type { DemoAgent } from '../gws/sessions';
import { DESKTOP_PATH, desktopPage, VIOLATIONS, widgetOrigin } from './desktop-page';

const Services = Type.String({
  pattern: '^([A-Za-z]+\\.[A-Za-z]+(,[A-Za-z]+\\.[A-Za-z]+)*)?$',
  maxLength: 1024,
});
const violation = `(${VIOLATIONS.join('|')})`;
const DesktopQuery = Type.Object({
  widget: Type.String({ minLength: 1, maxLength: 2048 }),
  late: Type.Optional(Type.Union([Type.Literal('0'), Type.Literal('1')])),
  deny: Type.Optional(Services),
  silent: Type.Optional(Services),
  /** An uploaded capture's id (POST /sim/captures): the desktop plays it to the widget. */
  replay: Type.Optional(Type.String({ pattern: '^cap-[0-9a-f]{12}$' })),
  /** With `replay`: the capture's quiet spells longer than this many ms are cut to it (default 5000). */
  gap: Type.Optional(Type.String({ pattern: '^\\d{1,6}$' })),
  violate: Type.Optional(Type.String({ pattern: `^${violation}(,${violation})*$`, maxLength: 256 })),
  /** `diagnostics`: the web-content panel holds the diagnostics view (?mode=diagnostics&host=wwe). */
  view: Type.Optional(Type.Union([Type.Literal('panel'), Type.Literal('diagnostics')])),
});
type DesktopQuery = Type.Static<typeof DesktopQuery>;

// Scripts only from this origin, and nothing inline runs; frames from anywhere, as WWE hosts
// several web contents (the e2e suite adds an intruder frame beside the widget).
const PAGE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "frame-src http: https:; object-src 'none'; base-uri 'none'; frame-ancestors 'self'";

/** The ES module build of @cfworker/json-schema, file by file: the browser follows its own imports. */
function validatorFiles(): Map<string, string> {
  const pkg = createRequire(import.meta.url).resolve('@cfworker/json-schema/package.json');
  const dir = join(dirname(pkg), 'dist', 'esm');
  const files = readdirSync(dir).filter((file) => file.endsWith('.js'));
  return new Map(files.map((file) => [file, readFileSync(join(dir, file), 'utf8')]));
}

const list = (value: string | undefined) => (value ? value.split(',') : []);
const script = (reply: FastifyReply, body: string) =>
  reply.type('text/javascript; charset=utf-8').header('cache-control', 'no-cache').send(body);

export async function desktopRoutes(app: FastifyInstance, { agent }: { agent: DemoAgent }): Promise<void> {
  const desktopScript = readFileSync(new URL('./desktop.js', import.meta.url), 'utf8');
  const validator = validatorFiles();

  app.get('/ui/wwe', async (request, reply) => {
    const query = request.url.indexOf('?');
    return reply.redirect(`${DESKTOP_PATH}${query >= 0 ? request.url.slice(query) : ''}`);
  });

  const page = async (request: { query: unknown }, reply: FastifyReply) => {
    const query = request.query as DesktopQuery;
    const widget = widgetOrigin(query.widget);
    if ('error' in widget) return reply.code(400).send({ statusCode: 400, message: widget.error });
    const options = {
      widgetOrigin: widget.origin,
      late: query.late === '1',
      deny: list(query.deny),
      silent: list(query.silent),
      replay: query.replay,
      replayGapMs: query.gap === undefined ? undefined : Number(query.gap),
      violate: list(query.violate),
      view: query.view ?? 'panel',
    };
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('content-security-policy', PAGE_CSP)
      .send(desktopPage(options, agent));
  };
  for (const path of [DESKTOP_PATH, `${DESKTOP_PATH}index.html`]) {
    app.get(path, { schema: { querystring: DesktopQuery } }, page);
  }

  app.get(`${DESKTOP_PATH}desktop.js`, async (_request, reply) => script(reply, desktopScript));
  app.get(
    `${DESKTOP_PATH}vendor/json-schema/:file`,
    { schema: { params: Type.Object({ file: Type.String({ pattern: '^[a-z0-9-]+\\.js$' }) }) } },
    async (request, reply) => {
      const body = validator.get((request.params as { file: string }).file);
      if (body === undefined) return reply.code(404).send({ statusCode: 404, message: 'Not found' });
      return script(reply, body);
    },
  );
}
