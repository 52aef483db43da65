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

export const MISSING_FILE = 'Not found';

function decodedPath(url: string): string {
  const pathname = url.split('?')[0] ?? '';
  try {
    return decodeURIComponent(pathname);
  } catch {
    return pathname;
  }
}

/**
 * A request for a file (`/package.json`, `/src/main.ts`, `/.env`, `/.git/config`): its last segment
 * has an extension, or one of its segments is a dotfile. The app's own paths never look like that.
 */
export function looksLikeFile(url: string): boolean {
  const segments = decodedPath(url).split('/');
  return (
    /\.[^.]+$/.test(segments.at(-1) ?? '') ||
    segments.some((s) => s.startsWith('.') && s !== '.' && s !== '..')
  );
}

/**
 * What an unknown path gets: deep links (/, /?mode=embedded, /supervisor) are the SPA's and get
 * index.html; a file that was not built gets a plain 404, never the app's page with a 200 (which
 * would tell a scanner every file exists, and let a cache keep the page under a file's name); API
 * paths and other methods get a problem+json 404.
 */
export function fallbackFor(method: string, url: string): 'index' | 'missing-file' | 'problem' {
  if (method !== 'GET' && method !== 'HEAD') return 'problem';
  const pathname = url.split('?')[0] ?? '';
  if (pathname.startsWith('/api/') || pathname === '/api') return 'problem';
  return pathname.startsWith('/assets/') || looksLikeFile(url) ? 'missing-file' : 'index';
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

export const sendMissingFile = (reply: FastifyReply): FastifyReply =>
  reply.code(404).header('cache-control', 'no-store').type('text/plain; charset=utf-8').send(MISSING_FILE);

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
