// A capture's site settings as the proxy's environment, so that a replay runs the widget as the site
// did (lookup order, PROXY_AUTH, write-back, UCS fields); used by `npm run replay` and the e2e suite.
import type { CaptureSite } from '../../shared/capture';

/** The settings a capture's site ran with, as the proxy's environment (only what changes a pop). */
export function siteEnv(site: CaptureSite | undefined): Record<string, string> {
  const env: Record<string, string> = {};
  if (!site) return env;
  // A bearer token of the site's own means nothing here; its GWS session is what the simulator has.
  if (site.auth && site.auth !== 'token') env.PROXY_AUTH = site.auth;
  if (site.lookupOrder?.length) {
    env.LOOKUP_ORDER = site.lookupOrder.map((step) => `${step.attribute}=${step.source}`).join(',');
  }
  if (site.ucsTimeoutMs !== undefined) env.UCS_TIMEOUT_MS = String(site.ucsTimeoutMs);
  if (site.wwe?.writeBackKey) env.WWE_WRITE_BACK_KEY = site.wwe.writeBackKey;
  if (site.wwe?.toast !== undefined) env.WWE_TOAST = String(site.wwe.toast);
  const fields = {
    contactId: 'CONTACT_ID',
    parentId: 'PARENT_ID',
    threadId: 'THREAD_ID',
    subject: 'SUBJECT',
  } as const;
  for (const [field, name] of Object.entries(fields)) {
    const key = site.ucsFields?.[field as keyof typeof fields];
    if (key) env[`UCS_${name}_KEY`] = key;
  }
  return env;
}
