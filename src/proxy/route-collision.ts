// A passthrough mounted at a configurable prefix must not take requests the proxy answers itself.
// The check runs against the routes the app actually registered (Fastify's onRoute), so a new
// route is covered the day it is added.
import type { FastifyInstance } from 'fastify';

/** Collects the URL of every route registered on `app` (and its plugins) from now on. */
export function recordRoutes(app: FastifyInstance): ReadonlySet<string> {
  const urls = new Set<string>();
  app.addHook('onRoute', (route) => {
    urls.add(route.url);
  });
  return urls;
}

/**
 * The first of `routes` that a passthrough answering `prefix` and everything under `prefix/` would
 * duplicate (start-up fails), overshadow (a route under the prefix), or cut into (the prefix lies
 * in a route's parameters or wildcard). The root catch-all `/*` is left out: it stands for the
 * static site, whose files are passed in as routes of their own.
 */
export function collidingRoute(prefix: string, routes: Iterable<string>): string | undefined {
  for (const route of routes) {
    if (route === prefix || route.startsWith(`${prefix}/`)) return route;
    const dynamicAt = route.search(/[:*]/);
    if (dynamicAt > 1 && `${prefix}/`.startsWith(route.slice(0, dynamicAt))) return route;
  }
  return undefined;
}
