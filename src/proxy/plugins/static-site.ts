// The built widget (Vite's dist/). Hashed files under /assets/ never change, so browsers may keep
// them for a year; index.html must be revalidated so a deploy takes effect on the next load.
// A missing build is a clear 503, not a crash: the API keeps working without the UI.
import { access, readdir } from 'node:fs/promises';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';
export const NOT_BUILT = 'widget not built: run npm run build';

export function cacheControlFor(filePath: string, root: string): string {
  const relative = path.relative(root, filePath).split(path.sep).join('/');
  return relative.startsWith('assets/') ? IMMUTABLE : REVALIDATE;
}

/** Deep links (/?mode=embedded, /supervisor) are the SPA's; assets and API paths are not. */
export function isSpaPath(method: string, url: string): boolean {
  if (method !== 'GET' && method !== 'HEAD') return false;
  const pathname = url.split('?')[0] ?? '';
  return !pathname.startsWith('/api/') && pathname !== '/api' && !pathname.startsWith('/assets/');
}

export interface StaticSite {
  /** Serves index.html (or the 503 when the widget is not built). */
  sendIndex(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply>;
  /**
   * What the one wildcard route serves, as routes (`/favicon.svg`, `/assets/*`): the top level of
   * the build at start-up, so that nothing else is mounted over the widget's own files.
   */
  servedPaths: readonly string[];
}

export async function registerStaticSite(app: FastifyInstance, root: string): Promise<StaticSite> {
  const indexFile = path.join(root, 'index.html');
  const built = async () =>
    access(indexFile).then(
      () => true,
      () => false,
    );

  const rootExists = await access(root).then(
    () => true,
    () => false,
  );
  if (rootExists) {
    await app.register(fastifyStatic, {
      root,
      // "/" is served by the route below so that it can answer 503 when unbuilt.
      index: false,
      wildcard: true,
      dotfiles: 'ignore',
      cacheControl: false,
      setHeaders: (reply, filePath) => {
        reply.header('cache-control', cacheControlFor(filePath, root));
      },
    });
  }

  const sendIndex = async (_request: FastifyRequest, reply: FastifyReply) => {
    if (!rootExists || !(await built())) {
      return reply
        .code(503)
        .header('cache-control', 'no-store')
        .type('text/plain; charset=utf-8')
        .send(NOT_BUILT);
    }
    return reply.header('cache-control', REVALIDATE).sendFile('index.html', { cacheControl: false });
  };
  app.get('/', sendIndex);
  const entries = rootExists ? await readdir(root, { withFileTypes: true }) : [];
  const servedPaths = entries
    .filter((entry) => !entry.name.startsWith('.'))
    .map((entry) => (entry.isDirectory() ? `/${entry.name}/*` : `/${entry.name}`));
  return { sendIndex, servedPaths };
}
