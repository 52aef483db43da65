// The stand-in Workspace Web Edition desktop's page: a minimal "Agent desktop" that embeds the widget
// at {widget origin}/?mode=embedded&host=wwe and answers its Service Client API (SCAPI) messages.
// The page's behaviour is desktop.js; this builds its HTML and the settings handed to it.
import { SCAPI_PROTOCOL_VERSION, SCAPI_SERVER_AGENT, WWE_STATES } from '../../shared/scapi-messages';
import type { IssueTokenRequest } from '../../shared/sim-control';
import type { DemoAgent } from '../gws/sessions';
import { escapeHtml, jsonForScript } from '../html';
import { DESKTOP_SCHEMAS } from './desktop-schemas';

export const DESKTOP_PATH = '/ui/wwe/';
/** The stand-in desktop embedding the widget served from `widgetOrigin` (left readable: an origin needs no escaping in a query). */
export const desktopUrl = (gwsUrl: string, widgetOrigin: string) =>
  `${gwsUrl}${DESKTOP_PATH}?widget=${widgetOrigin}`;
/** The widget's URL inside WWE: its panel, or the diagnostics view an administrator sets up the same way. */
export const widgetUrl = (widgetOrigin: string, view: 'panel' | 'diagnostics' = 'panel') =>
  `${widgetOrigin}/?mode=${view === 'diagnostics' ? 'diagnostics' : 'embedded'}&host=wwe`;

export interface DesktopOptions {
  /** Where the widget is served from: the only origin whose messages are answered. */
  widgetOrigin: string;
  /** Insert the widget only when asked (window.desktop.loadWidget() or the page's button). */
  late: boolean;
  /** Requests answered with an errorMessage, as WWE answers services an origin is not allowed. */
  deny: string[];
  /** Requests never answered: the widget's request times out. */
  silent: string[];
  /** Play this uploaded capture's SCAPI messages instead of following the simulator's calls. */
  replay?: string | undefined;
  /** With `replay`: quiet spells longer than this are cut to it. */
  replayGapMs?: number | undefined;
  /** Assumptions about WWE to break on purpose (VIOLATIONS), for the diagnostics view's tests. */
  violate: string[];
  /** What the web-content panel holds: the widget's panel or its diagnostics view. */
  view: 'panel' | 'diagnostics';
}

/**
 * Ways a real WWE could differ from what the widget assumes (README, "Assumptions the public pages
 * do not settle"), each played by `?violate=`:
 * - `no-data`: successful answers carry their result at the top level (objects) or under `result`
 *   (anything else), not under `data` (assumption 1);
 * - `wrapped-events`: an event's data is `{eventType, payload: Interaction}` (assumptions 2 and 3);
 * - `no-calluuid`: interactions come without `callUuid` (assumption 6).
 */
export const VIOLATIONS = ['no-data', 'wrapped-events', 'no-calluuid'] as const;

/** The http(s) origin of `?widget=`, or why it is refused. */
export function widgetOrigin(value: string): { origin: string } | { error: string } {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { error: 'widget: not a URL; expected an http(s) origin such as http://127.0.0.1:8080' };
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password) {
    return { error: 'widget: expected an http(s) origin without credentials, such as http://127.0.0.1:8080' };
  }
  return { origin: url.origin };
}

/** GWS call state → WWE interaction state; a released call is IDLE (COMPLETED comes with Mark done). */
export const INTERACTION_STATES: Record<string, string> = {};
for (const [wwe, gws] of Object.entries(WWE_STATES)) INTERACTION_STATES[gws] ??= wwe;

/** Settings the page reads from its `desktop-config` element. */
export function desktopConfig(options: DesktopOptions, agent: DemoAgent) {
  const token: IssueTokenRequest = {
    sub: agent.userId,
    userName: agent.username,
    firstName: agent.firstName,
    lastName: agent.lastName,
    roles: ['ROLE_AGENT'],
  };
  return {
    ...options,
    widgetUrl: widgetUrl(options.widgetOrigin, options.view),
    agent: {
      employeeId: agent.userId,
      firstname: agent.firstName,
      lastname: agent.lastName,
      username: agent.username,
    },
    token,
    server: { userAgent: SCAPI_SERVER_AGENT, protocolVersion: SCAPI_PROTOCOL_VERSION },
    states: INTERACTION_STATES,
    schemas: DESKTOP_SCHEMAS,
  };
}

const STYLE = `body{font-family:system-ui,sans-serif;margin:0;color:#1b1f24;background:#f3f4f6;display:grid;
grid-template:"head head" auto "main side" 1fr/1fr 376px;min-height:100vh}
header{grid-area:head;background:#1f3a5f;color:#fff;padding:.5rem 1rem;display:flex;gap:1rem;align-items:baseline}
header h1{font-size:1.2rem;margin:0}header p{margin:0}main{grid-area:main;padding:1rem}
aside{grid-area:side;padding:.5rem 8px;background:#fff;border-left:1px solid #d0d7de}
h2{font-size:1rem;margin:.5rem 0}section{margin-bottom:1.5rem}ul,ol{padding:0;list-style:none}
article{background:#fff;border:1px solid #d0d7de;border-radius:6px;padding:.5rem .75rem;margin:.5rem 0}
article h3{font-size:.95rem;margin:0 0 .25rem}dl{display:grid;grid-template-columns:auto 1fr;gap:.1rem .75rem;margin:.25rem 0}
dt{color:#57606a}dd{margin:0;font-family:ui-monospace,monospace}.state{font-weight:600}
form{display:flex;gap:.5rem;align-items:end;flex-wrap:wrap}label{display:flex;flex-direction:column;font-size:.85rem}
button{padding:.3rem .7rem}iframe{width:360px;height:calc(100vh - 7rem);border:1px solid #d0d7de}
.toast{background:#fff8c5;border:1px solid #d4a72c;border-radius:6px;padding:.4rem .6rem;margin:.3rem 0}`;

export function desktopPage(options: DesktopOptions, agent: DemoAgent): string {
  const name = escapeHtml(`${agent.firstName} ${agent.lastName} (${agent.username})`);
  const types = ['Inbound', 'Consult', 'Outbound', 'Internal'].map((t) => `<option>${t}</option>`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Agent desktop (simulated Workspace Web Edition)</title><style>${STYLE}</style>
<script type="application/json" id="desktop-config">${jsonForScript(desktopConfig(options, agent))}</script>
<script type="module" src="${DESKTOP_PATH}desktop.js"></script></head>
<body><header><h1>Agent desktop</h1><p>${name}, simulated Workspace Web Edition</p>
<p role="status" id="connection">Connecting to the simulator…</p></header>
<main>
<section aria-labelledby="calls-heading"><h2 id="calls-heading">Calls</h2>
<form id="place-call" aria-label="Place a call">
<label>Caller number<input name="ani" required maxlength="64" value="+14155550100" autocomplete="off"></label>
<label>Call type<select name="callType">${types}</select></label>
<button type="submit">Place call</button></form>
<p role="status" id="place-status"></p>
<p id="no-interactions">No interactions.</p><ul id="interactions" aria-label="Interactions"></ul></section>
<section aria-labelledby="toasts-heading"><h2 id="toasts-heading">Toasts</h2>
<ol id="toasts" aria-label="Toasts shown"></ol></section>
</main>
<aside aria-labelledby="widget-heading"><h2 id="widget-heading">Widget</h2>
<p>From <code>${escapeHtml(options.widgetOrigin)}</code></p>
<button type="button" id="load-widget" hidden>Load widget</button><div id="widget-slot"></div></aside>
</body></html>`;
}
