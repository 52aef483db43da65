// ?mode=diagnostics (standalone, or embedded with &host=wwe inside Workspace Web Edition): the agent's
// pipeline runs as in the panel, watched. The protocol clients' messages reach the diagnostics session
// through the wire tap (SCAPI), a CometD extension on the client handed to the runtime, and a wrapper
// of fetch for FindPhoneCall, all installed before the runtime starts and removed when the view goes.
import { useEffect, useState } from 'react';
import type { WidgetConfig } from '../../shared/widget-config';
import { DiagnosticsPanel } from '../features/diagnostics/components/diagnostics-panel';
import {
  createDiagnosticsSession,
  type DiagnosticsSession,
} from '../features/diagnostics/diagnostics-session';
import type { CometDClient } from '../features/notifications/cometd-connection';
import { ConnectionBadge } from '../features/notifications/components/connection-badge';
import { activeIntlLocale, t } from '../i18n/i18n';
import { originAllowed, parseOriginRules } from '../lib/origins';
import { setWireTap, type WireTap } from '../lib/wire-tap';
import type { Host } from './mode';
import { useAgentRuntime } from './use-agent-runtime';

const UCS_PATH = '/api/v2/ucs/interactions';

/** FindPhoneCall's request and answer, as the pop engine sends and reads them, told to the tap. */
function watchFindPhoneCall(tap: WireTap): () => void {
  const original = window.fetch;
  window.fetch = async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const watched = new URL(url, window.location.href).pathname === UCS_PATH && init?.method === 'POST';
    if (watched && typeof init?.body === 'string') tap('ucs', 'out', JSON.parse(init.body));
    const response = await original(input, init);
    if (watched) {
      void response
        .clone()
        .json()
        .then((body: unknown) => tap('ucs', 'in', body, { status: response.status }))
        .catch(() => undefined);
    }
    return response;
  };
  return () => {
    window.fetch = original;
  };
}

/** The library's client with one more extension: every Bayeux message in and out, to the tap. */
const watchedCometD = (tap: WireTap) => async (): Promise<CometDClient> => {
  const { CometD, AckExtension } = await import('cometd');
  const client = new CometD();
  client.registerExtension('ack', new AckExtension());
  client.registerExtension('uhw-diagnostics', {
    incoming: (message) => {
      tap('cometd', 'in', message, { channel: message.channel });
      return message;
    },
    outgoing: (message) => {
      tap('cometd', 'out', message, { channel: message.channel });
      return message;
    },
  });
  return client;
};

interface Watch {
  session: DiagnosticsSession;
  createCometD: () => Promise<CometDClient>;
  stop(): void;
}

function startWatching(): Watch {
  const session = createDiagnosticsSession();
  setWireTap(session.tap);
  const unwatch = watchFindPhoneCall(session.tap);
  return {
    session,
    createCometD: watchedCometD(session.tap),
    stop() {
      setWireTap(null);
      unwatch();
      session.dispose();
    },
  };
}

export default function DiagnosticsView({ config, host }: { config: WidgetConfig; host: Host }) {
  // Before the runtime's first effect: nothing it sends or receives is missed.
  const [watch] = useState(startWatching);
  useEffect(() => () => watch.stop(), [watch]);
  const { runtime } = useAgentRuntime(config, 'embedded', host, watch.createCometD);
  useEffect(() => runtime?.onSettled((report) => watch.session.pop(report)), [runtime, watch]);
  const [signedIn, setSignedIn] = useState(false);
  useEffect(() => {
    void runtime?.sessionKnown.then(() => setSignedIn(true));
  }, [runtime]);
  const [rules] = useState(() => parseOriginRules(config.frameAncestors, window.location.origin));
  const [allowedOrigin] = useState(() => (origin: string) => originAllowed(origin, rules));

  return (
    <div className="layout layout--embedded">
      <main className="widget diag-view" aria-label={t('diag.title')}>
        <header className="widget__bar">
          <ConnectionBadge />
        </header>
        <DiagnosticsPanel
          session={watch.session}
          host={host}
          framed={window.parent !== window}
          allowedOrigin={allowedOrigin}
          notificationsPath={config.notificationsPath}
          captureWidget={{ mode: 'embedded', host, lang: activeIntlLocale() }}
          signedIn={signedIn}
        />
      </main>
    </div>
  );
}
