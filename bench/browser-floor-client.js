// The browser floor: the pop protocol with nothing but fetch, in a bare page on the proxy's origin.
// A minimal Bayeux long-polling client (no cometd library, no React, no schema checks): the call
// event, FindPhoneCall with the CSRF pair, createInteractionResponse by referenceId, the lookups
// through the proxy, then an iframe src, marked `floor:shown` with the call id as the widget marks
// `uhw:history-src-set`. Evaluated in the page; the benchmark awaits `window.floorReady`.
(() => {
  const base = '/api/v2/notifications';
  let clientId = '';
  let nextId = 0;
  let csrf = {};
  const waiters = new Map();
  const early = new Map();
  let frame = null;

  const bayeux = async (path, message) => {
    const response = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json;charset=UTF-8' },
      body: JSON.stringify([{ id: String(++nextId), ...message }]),
    });
    return response.json();
  };

  const lookup = async (attribute, value) => {
    const response = await fetch(`/api/uniphore/unique-id/${attribute}/${encodeURIComponent(value)}`);
    return response.status === 200 ? (await response.json()).historyUrl : null;
  };

  const interactionFor = (referenceId) =>
    early.has(referenceId)
      ? Promise.resolve(early.get(referenceId))
      : new Promise((resolve) => waiters.set(referenceId, resolve));

  const pop = async (call) => {
    const byNumber = lookup('callReturn', call.ani);
    const ack = await fetch('/api/v2/ucs/interactions', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...csrf },
      body: JSON.stringify({
        operationName: 'FindPhoneCall',
        callId: call.id,
        status: 'New',
        phoneNumber: call.ani,
        type: 'Inbound',
      }),
    }).then((response) => response.json());
    const interactionId = await interactionFor(ack.referenceId);
    const url = (await lookup('historySearchId', interactionId)) ?? (await byNumber);
    if (!url) return;
    frame?.remove();
    frame = document.createElement('iframe');
    frame.src = url;
    document.body.append(frame);
    performance.mark('floor:shown', { detail: { callId: call.id } });
  };

  const receive = (messages) => {
    for (const message of messages) {
      const data = message.data;
      if (!data || !message.channel.startsWith('/v2/me/')) continue;
      if (data.messageType === 'CallStateChangeMessage' && data.call?.state === 'Ringing') {
        void pop(data.call);
      } else if (data.messageType === 'createInteractionResponse') {
        const resolve = waiters.get(data.referenceId);
        if (resolve) resolve(data.interactionId);
        else early.set(data.referenceId, data.interactionId);
      }
    }
  };

  const connectLoop = async () => {
    for (;;) {
      const messages = await bayeux('/connect', {
        channel: '/meta/connect',
        clientId,
        connectionType: 'long-polling',
      });
      receive(messages);
    }
  };

  window.floorReady = (async () => {
    const me = await fetch('/api/v2/me');
    csrf = { [me.headers.get('x-csrf-header') ?? 'X-CSRF-TOKEN']: me.headers.get('x-csrf-token') ?? '' };
    const [handshake] = await bayeux('/handshake', {
      channel: '/meta/handshake',
      version: '1.0',
      supportedConnectionTypes: ['long-polling'],
    });
    clientId = handshake.clientId;
    receive(
      await bayeux('/connect', {
        channel: '/meta/connect',
        clientId,
        connectionType: 'long-polling',
        advice: { timeout: 0 },
      }),
    );
    const [subscribed] = await bayeux('/subscribe', {
      channel: '/meta/subscribe',
      clientId,
      subscription: '/v2/me/*',
    });
    if (!subscribed.successful) throw new Error('floor: subscribe failed');
    void connectLoop();
  })();
})();
