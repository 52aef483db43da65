// The stand-in Workspace Web Edition desktop, in the browser (served by the simulated GWS at /ui/wwe/).
// It follows the simulator's calls as WWE follows its GWS connection (Server-Sent Events from
// /sim/calls/events), turns each call into a SCAPI interaction, embeds the widget, and answers the
// widget's Service Client API messages (window.postMessage) with the shapes of
// src/shared/scapi-messages.ts, which desktop-page.ts hands over as JSON Schema in #desktop-config.
// With ?replay=<capture id> it plays an uploaded capture's SCAPI messages to the widget instead of
// following the simulator's calls; with ?violate=… it breaks assumptions on purpose (desktop-page.ts).
import { Validator } from './vendor/json-schema/index.js';

const config = JSON.parse(document.getElementById('desktop-config').textContent);
const { widgetOrigin, server, schemas } = config;

// ---- checks against the shared schemas ----

/** A function returning '' for a valid value, else the first reason it is not. */
function checker(schema) {
  const validator = new Validator(schema, '2019-09', true);
  return (value) => {
    try {
      const { valid, errors } = validator.validate(value);
      const error = errors[errors.length - 1];
      return valid ? '' : `${error?.instanceLocation.slice(1) || '/'}: ${error?.error ?? 'invalid'}`;
    } catch (error) {
      return String(error);
    }
  };
}
const checkers = (group) => Object.fromEntries(Object.entries(group).map(([k, s]) => [k, checker(s)]));
const incoming = checkers(schemas.incoming);
const outgoing = checkers(schemas.outgoing);
const parameterChecks = checkers(schemas.parameters);
const resultChecks = checkers(schemas.results);
const eventChecks = checkers(schemas.events);

// ---- what tests read (window.desktop) ----

/** Every message from the widget's frame and origin, as received. */
const received = [];
/** Messages from any other window or origin: never answered. */
const ignored = [];
/** Every message posted to the widget. */
const sent = [];
/** Messages this page was about to send that do not match the shared schemas (a bug here). */
const invalidSent = [];
const toasts = [];
/** Messages bent out of shape on purpose (?violate=), as they were posted. */
const violated = [];
const violations = new Set(config.violate);

// ---- interactions, from the simulator's calls ----

const CALL_TYPES = { Inbound: 'INBOUND', Outbound: 'OUTBOUND', Internal: 'INTERNAL', Consult: 'CONSULT' };
// The simulator dials out for Outbound and Internal calls; Inbound and Consult calls ring here.
const DIRECTIONS = { Inbound: 'IN', Consult: 'IN', Outbound: 'OUT', Internal: 'OUT' };
const LIVE = new Set(['RINGING', 'DIALING', 'TALKING', 'HELD']);

/** WWE's own ids, by its order of creation (client-side, as documented: not the GWS call id). */
const interactions = new Map();
/** GWS call id → interaction id. */
const byCall = new Map();
let interactionCount = 0;

const partyOf = (participant) =>
  typeof participant === 'string'
    ? { phoneNumber: participant }
    : { phoneNumber: participant.phoneNumber ?? participant.e164Number ?? participant.digits };

/** The fields of an interaction a call event can change. */
function callFields(call) {
  const fields = {
    state: config.states[call.state] ?? 'UNKNOWN',
    userData: { ...call.userData },
    parties: (call.participants ?? []).map(partyOf),
  };
  if (call.ani !== undefined) fields.ani = call.ani;
  if (call.dnis !== undefined) fields.dnis = call.dnis;
  return fields;
}

function newInteraction(call) {
  interactionCount += 1;
  const interactionId = `wwe-${interactionCount}`;
  const parent = [...interactions.values()].reverse().find((other) => LIVE.has(other.state));
  const duration = Number(call.duration);
  const interaction = {
    interactionId,
    callUuid: call.id,
    callType: CALL_TYPES[call.callType] ?? 'UNKNOWN',
    direction: DIRECTIONS[call.callType] ?? 'UNKNOWN',
    isConsultation: call.callType === 'Consult',
    startDate: Date.now() - (Number.isFinite(duration) ? duration * 1000 : 0),
    ...callFields(call),
  };
  if (interaction.isConsultation && parent) interaction.parentInteractionId = parent.interactionId;
  byCall.set(call.id, interactionId);
  interactions.set(interactionId, interaction);
  emit('interaction', interaction);
  render();
}

/** Applies a change; an interaction event goes out only when something did change. */
function update(interaction, patch) {
  const next = { ...interaction, ...patch };
  if (patch.state !== undefined && patch.state !== interaction.state) next.previousState = interaction.state;
  if (JSON.stringify(next) === JSON.stringify(interaction)) return;
  interactions.set(interaction.interactionId, next);
  emit('interaction', next);
  render();
}

function onCall(call) {
  const interaction = interactions.get(byCall.get(call.id));
  if (!interaction) {
    // A call that ended before this page saw it never was an interaction here.
    if (call.state !== 'Released') newInteraction(call);
    return;
  }
  // Once released, an interaction stays IDLE until marked done, whatever else arrives.
  if (interaction.state !== 'IDLE') update(interaction, callFields(call));
}

/** The calls in progress, on (re)connection: any interaction whose call is gone ended meanwhile. */
function onCalls(calls) {
  const current = new Set(calls.map((call) => call.id));
  for (const interaction of [...interactions.values()]) {
    if (!current.has(interaction.callUuid) && interaction.state !== 'IDLE')
      update(interaction, { state: 'IDLE' });
  }
  for (const call of calls) onCall(call);
}

function markDone(interactionId) {
  const interaction = interactions.get(interactionId);
  if (interaction?.state !== 'IDLE') return false;
  interactions.delete(interactionId);
  byCall.delete(interaction.callUuid);
  const done = { ...interaction, previousState: interaction.state, state: 'COMPLETED' };
  emit('interaction', done);
  emit('markdone', done);
  render();
  return true;
}

// ---- the widget's frame and the SCAPI server side ----

let frame = null;
/** subscriptionId → event names. */
const subscriptions = new Map();
let subscriptionCount = 0;

/** Posts to the widget as it is: checked already, or a captured message that is what it is. */
function deliver(message) {
  sent.push(message);
  frame?.contentWindow?.postMessage(message, widgetOrigin);
}

function post(kind, message) {
  const problem = outgoing[kind](message);
  if (problem) {
    invalidSent.push({ message, problem });
    console.error(`[desktop] not sending an invalid ${kind}: ${problem}`, message);
    return;
  }
  const bent = violate(kind, message);
  if (bent !== message) violated.push(bent);
  deliver(bent);
}

/** The value without callUuid anywhere at its top (or its items'), the very same value when it has none. */
const withoutCallUuid = (value) => {
  if (Array.isArray(value)) {
    const items = value.map(withoutCallUuid);
    return items.every((item, index) => item === value[index]) ? value : items;
  }
  if (!value || typeof value !== 'object') return value;
  const { callUuid, ...rest } = value;
  return callUuid === undefined ? value : rest;
};

/** The message as a WWE that breaks the ?violate= assumptions would send it (the same one otherwise). */
function violate(kind, message) {
  let out = message;
  if (violations.has('no-calluuid') && (kind === 'event' || kind === 'answer') && 'data' in out) {
    const data = withoutCallUuid(out.data);
    if (data !== out.data) out = { ...out, data };
  }
  if (violations.has('wrapped-events') && kind === 'event') {
    out = { ...out, data: { eventType: `${out.event}Changed`, payload: out.data } };
  }
  if (violations.has('no-data') && kind === 'answer' && 'data' in out) {
    const { data, ...rest } = out;
    out =
      data && typeof data === 'object' && !Array.isArray(data)
        ? { ...data, ...rest }
        : { ...rest, result: data };
  }
  return out;
}

function emit(event, data) {
  const subscribed = [...subscriptions.values()].some((names) => names.includes(event));
  if (!subscribed) return;
  const problem = eventChecks[event]?.(data);
  if (problem) invalidSent.push({ event, data, problem });
  else post('event', { event, data, ...server });
}

const succeed = (referenceId, data) =>
  post('answer', data === undefined ? { referenceId, ...server } : { referenceId, data, ...server });
const fail = (referenceId, errorMessage) => post('failure', { referenceId, errorMessage, ...server });

/** A request the desktop refuses, with the errorMessage the widget gets. */
class Refusal extends Error {}

async function simulator(method, path, body) {
  const response = await fetch(path, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Refusal(`The simulator answered ${response.status} to ${method} ${path}`);
  return response.json();
}

let token = null;
/** As WWE does: the same token while it is valid (a minute of margin), a new one after. */
async function jwtToken() {
  if (token && Date.parse(token.expiration) - Date.now() > 60_000) return token;
  const { token: jwt } = await simulator('POST', '/sim/auth/token', config.token);
  const payload = JSON.parse(atob(jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
  token = { jwtToken: jwt, expiration: new Date(payload.exp * 1000).toISOString() };
  return token;
}

async function setUserData([interactionId, keyValues]) {
  const interaction = interactions.get(interactionId);
  if (!interaction) throw new Refusal(`No interaction ${interactionId}`);
  // "Sets the user data on the live interaction (for voice, not in the IDLE state)".
  if (!LIVE.has(interaction.state)) throw new Refusal(`Interaction ${interactionId} is ${interaction.state}`);
  await simulator('PUT', `/sim/calls/${encodeURIComponent(interaction.callUuid)}/user-data`, {
    userData: keyValues,
  });
  const current = interactions.get(interactionId);
  // The call's own event may have brought the data already: then nothing changes here.
  if (current) update(current, { userData: { ...current.userData, ...keyValues } });
}

function popupToast([options]) {
  const toast = { id: `wweCustomToast${toasts.length}`, ...options };
  toasts.push(toast);
  render();
  return toast.id;
}

const SERVICES = {
  'interaction.getInteractions': () => [...interactions.values()],
  'interaction.getByInteractionId': ([interactionId]) => interactions.get(interactionId) ?? null,
  'interaction.setUserData': setUserData,
  'auth.getJwtToken': jwtToken,
  'system.popupToast': popupToast,
  'agent.get': () => config.agent,
};

async function answer({ request, parameters, referenceId }) {
  if (config.silent.includes(request)) return;
  if (config.deny.includes(request)) {
    fail(referenceId, `Service ${request} is not allowed for origin ${widgetOrigin}`);
    return;
  }
  const service = SERVICES[request];
  if (!service) {
    fail(referenceId, 'Unknown request');
    return;
  }
  const problem = parameterChecks[request]?.(parameters ?? []);
  if (problem) {
    fail(referenceId, `Invalid parameters of ${request}: ${problem}`);
    return;
  }
  try {
    const data = await service(parameters ?? []);
    const invalid = resultChecks[request]?.(data);
    if (!invalid) succeed(referenceId, data);
    else {
      invalidSent.push({ request, data, problem: invalid });
      fail(referenceId, `The desktop's own answer to ${request} is invalid: ${invalid}`);
    }
  } catch (error) {
    fail(referenceId, error instanceof Refusal ? error.message : `${request} failed: ${error}`);
  }
}

function onMessage(message) {
  if (replay) return replay.onMessage(message);
  const event = message?.event;
  if (event === 'subscribe' || event === 'unsubscribe') {
    const problem = incoming[event](message);
    if (problem) return refuse(message, `Invalid ${event}: ${problem}`);
    if (event === 'unsubscribe') {
      subscriptions.delete(message.data);
      return;
    }
    subscriptionCount += 1;
    const subscriptionId = `subscription-${subscriptionCount}`;
    subscriptions.set(subscriptionId, [message.data].flat());
    post('subscribed', { referenceId: message.referenceId, subscriptionId, ...server });
    return;
  }
  const problem = incoming.request(message);
  if (problem) return refuse(message, `Invalid request: ${problem}`);
  void answer(message);
}

/** A malformed message is answered only when it carries a usable referenceId to answer to. */
function refuse(message, errorMessage) {
  const referenceId = message?.referenceId;
  if (typeof referenceId === 'string' && referenceId.length > 0 && referenceId.length <= 64) {
    fail(referenceId, errorMessage);
  } else {
    console.warn(`[desktop] ignored: ${errorMessage}`);
  }
}

// ---- replay of an uploaded capture (?replay=) ----

const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const captureKind = (message) =>
  message.event
    ? 'event'
    : 'errorMessage' in message
      ? 'failure'
      : 'subscriptionId' in message
        ? 'subscribed'
        : 'answer';

/**
 * Plays a capture to the widget (GET /sim/captures/:id/script): its events at their captured times
 * after the widget subscribes, each request answered with the captured answer to the same request
 * name (in order; the last one again once they run out), the widget's referenceId put in. Captured
 * messages go out as they were, off-schema or not: that is what the site's WWE sent.
 */
function createReplay(captureId) {
  const path = `/sim/captures/${encodeURIComponent(captureId)}`;
  const status = {
    id: captureId,
    state: 'loading',
    events: 0,
    played: 0,
    answered: 0,
    /** Requests the capture has no answer to (answered 'Not in the capture'). */
    unmatched: [],
    /** Captured messages the shared schemas do not take (played all the same). */
    offSchema: [],
    warnings: [],
  };
  const queues = {};
  const last = {};
  let events = [];
  let started = false;

  const play = (kind, message) => {
    const problem = outgoing[kind]?.(message);
    if (problem) status.offSchema.push({ message, problem });
    deliver(message);
  };

  /** The interactions the capture shows, on the desktop's own list, for whoever watches. */
  const show = (message) => {
    const interaction = message?.data?.interaction ?? message?.data;
    if (typeof interaction?.interactionId !== 'string') return;
    if (message.event === 'markdone' || interaction.state === 'COMPLETED')
      interactions.delete(interaction.interactionId);
    else interactions.set(interaction.interactionId, interaction);
    render();
  };

  const startEvents = () => {
    started = true;
    status.state = events.length === 0 ? 'done' : 'playing';
    for (const { atMs, message } of events) {
      setTimeout(() => {
        play('event', message);
        show(message);
        status.played += 1;
        if (status.played === events.length) status.state = 'done';
        connection.textContent = `Replaying capture ${captureId}: ${status.played} of ${events.length} events played`;
      }, atMs);
    }
  };

  const nextAnswer = (name) => {
    const answer = (queues[name] ?? []).shift() ?? last[name];
    if (answer) last[name] = answer;
    return answer;
  };

  const answerRequest = async (message) => {
    const name = message.event === 'subscribe' ? 'subscribe' : message.request;
    const { referenceId } = message;
    const captured = nextAnswer(name);
    if (!captured) status.unmatched.push(name);
    await wait(captured?.delayMs ?? 0);
    if (name === 'auth.getJwtToken' && !(captured && 'errorMessage' in captured.message)) {
      // A redacted token signs nobody in: the simulated Genesys Auth's own, as the live desktop gives.
      try {
        play('answer', { referenceId, data: await jwtToken(), ...server });
      } catch (error) {
        play('failure', { referenceId, errorMessage: `auth.getJwtToken failed: ${error}`, ...server });
      }
    } else if (captured) {
      play(captureKind(captured.message), { ...captured.message, referenceId });
    } else if (name === 'subscribe') {
      play('subscribed', { referenceId, subscriptionId: 'replay-subscription', ...server });
    } else {
      play('failure', { referenceId, errorMessage: `Not in the capture: ${name}`, ...server });
    }
    status.answered += 1;
    if (name === 'subscribe' && !started) startEvents();
  };

  return {
    status,
    /** Sets the simulator up for the capture (records, UCS, its CometD side), then reads the script. */
    async load() {
      try {
        const gap = config.replayGapMs;
        await simulator('POST', `${path}/replay`, gap === undefined ? {} : { maxGapMs: gap });
        const script = await simulator('GET', `${path}/script${gap === undefined ? '' : `?maxGapMs=${gap}`}`);
        events = script.events;
        for (const [name, answers] of Object.entries(script.answers)) queues[name] = [...answers];
        Object.assign(status, {
          events: events.length,
          warnings: script.warnings,
          state: 'waiting-for-subscribe',
        });
        return true;
      } catch (error) {
        Object.assign(status, { state: 'failed', problem: String(error.message ?? error) });
        return false;
      }
    },
    onMessage(message) {
      const event = message?.event;
      if (event === 'unsubscribe') return;
      const problem = event === 'subscribe' ? incoming.subscribe(message) : incoming.request(message);
      if (problem)
        return refuse(message, `Invalid ${event === 'subscribe' ? 'subscribe' : 'request'}: ${problem}`);
      void answerRequest(message);
    },
  };
}

const replay = config.replay ? createReplay(config.replay) : null;

addEventListener('message', (event) => {
  // Only the widget's own frame, and only while it shows the widget's origin.
  if (!frame || event.source !== frame.contentWindow || event.origin !== widgetOrigin) {
    ignored.push({ origin: event.origin, data: event.data });
    return;
  }
  received.push(event.data);
  onMessage(event.data);
});

function loadWidget() {
  if (frame) return;
  frame = document.createElement('iframe');
  frame.title = 'Interaction history widget';
  frame.src = config.widgetUrl;
  document.getElementById('widget-slot').append(frame);
  document.getElementById('load-widget').hidden = true;
}

// ---- the page ----

const element = (tag, text, attributes = {}) => {
  const node = Object.assign(document.createElement(tag), attributes);
  if (text !== undefined) node.textContent = text;
  return node;
};

function callButton(label, action) {
  const button = element('button', label, { type: 'button' });
  button.addEventListener('click', action);
  return button;
}

function interactionItem(interaction) {
  const { interactionId, callUuid, state } = interaction;
  const headingId = `heading-${interactionId}`;
  const article = element('article', undefined);
  article.setAttribute('aria-labelledby', headingId);
  const callType = interaction.callType ?? 'VOICE';
  const type = callType.charAt(0) + callType.slice(1).toLowerCase();
  article.append(element('h3', `${type} call ${interaction.ani ?? ''}`.trim(), { id: headingId }));
  const details = element('dl');
  const row = (term, value) => details.append(element('dt', term), element('dd', value));
  row('State', state);
  row('Interaction', interactionId);
  row('Call', callUuid);
  if (interaction.parentInteractionId) row('Consultation of', interaction.parentInteractionId);
  article.append(details);
  const data = Object.entries(interaction.userData ?? {});
  article.append(element('h4', 'Attached data'));
  if (data.length === 0) article.append(element('p', 'None'));
  else {
    const list = element('dl');
    list.setAttribute('aria-label', `Attached data of ${interactionId}`);
    for (const [key, value] of data) list.append(element('dt', key), element('dd', String(value)));
    article.append(list);
  }
  const item = element('li');
  item.append(article);
  // A replayed interaction is the capture's: nothing here can answer or end it.
  if (replay) return item;
  const path = (action) => `/sim/calls/${encodeURIComponent(callUuid)}/${action}`;
  const act = (action) => () => simulator('POST', path(action), {}).catch(showError);
  if (state === 'RINGING') article.append(callButton('Answer', act('answer')));
  if (LIVE.has(state)) article.append(callButton('Hang up', act('release')));
  if (state === 'IDLE') article.append(callButton('Mark done', () => markDone(interactionId)));
  return item;
}

function render() {
  const list = document.getElementById('interactions');
  list.replaceChildren(...[...interactions.values()].map(interactionItem));
  document.getElementById('no-interactions').hidden = interactions.size > 0;
  document.getElementById('toasts').replaceChildren(
    ...toasts.map((toast) => {
      const item = element('li', undefined, { className: 'toast' });
      item.append(element('strong', toast.title), element('p', toast.message));
      if (toast.subject) item.prepend(element('p', toast.subject));
      return item;
    }),
  );
}

const showError = (error) => {
  document.getElementById('place-status').textContent = String(error.message ?? error);
};

document.getElementById('place-call').addEventListener('submit', (event) => {
  event.preventDefault();
  const form = new FormData(event.currentTarget);
  const status = document.getElementById('place-status');
  status.textContent = '';
  simulator('POST', '/sim/calls', { ani: form.get('ani'), callType: form.get('callType') })
    .then((call) => {
      status.textContent = `Placed call ${call.id}`;
    })
    .catch(showError);
});

const connection = document.getElementById('connection');
let connected = false;
const loadButton = document.getElementById('load-widget');
loadButton.addEventListener('click', loadWidget);
const showWidget = () => {
  if (config.late) loadButton.hidden = false;
  else loadWidget();
};

if (replay) {
  document.getElementById('place-call').hidden = true;
  connection.textContent = `Loading capture ${config.replay}…`;
  void replay.load().then((loaded) => {
    connected = loaded;
    connection.textContent = loaded
      ? `Replaying capture ${config.replay}`
      : `Replay of ${config.replay} failed: ${replay.status.problem}`;
    if (loaded) showWidget();
  });
} else {
  const calls = new EventSource('/sim/calls/events');
  calls.addEventListener('calls', (event) => {
    onCalls(JSON.parse(event.data).calls);
    connected = true;
    connection.textContent = 'Following the simulator’s calls';
  });
  calls.addEventListener('call', (event) => onCall(JSON.parse(event.data)));
  calls.addEventListener('error', () => {
    connected = false;
    connection.textContent = 'Reconnecting to the simulator…';
  });
  showWidget();
}
render();

window.desktop = {
  received,
  ignored,
  sent,
  invalidSent,
  violated,
  toasts,
  /** The replay's progress (?replay=), else null. */
  replay: replay?.status ?? null,
  get connected() {
    return connected;
  },
  interactions: () => [...interactions.values()],
  markDone,
  loadWidget,
};
