import { useEffect, useLayoutEffect, useState } from 'react';
import { t } from '../../../i18n/i18n';
import { useFramingQuery } from '../api/get-framing';
import { trustedHistoryUrl } from '../history-url';
import { HistoryLink } from './history-link';

interface HistoryFrameProps {
  callId: string;
  /** Who the history is of, as shown to the agent (a formatted number, a search label). */
  caller: string | undefined;
  historyUrl: string;
  historyOrigin: string;
  /** The "Open in new tab" link above the frame; off where the view shows it elsewhere. */
  withLink?: boolean;
}

// The history page is a cross-origin Uniphore page: it needs scripts, its own origin (cookies,
// storage), forms and popups for its links; it gets no top navigation, so it cannot take over the
// agent desktop, and no downloads, modals or pointer lock.
export const HISTORY_SANDBOX =
  'allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox';

/** A page that has not loaded by then is reported slow; the link stays the way out. */
const LOAD_TIMEOUT_MS = 15_000;

export function HistoryFrame({
  callId,
  caller,
  historyUrl,
  historyOrigin,
  withLink = true,
}: HistoryFrameProps) {
  const src = trustedHistoryUrl(historyUrl, historyOrigin);
  const framing = useFramingQuery(src);
  const [loaded, setLoaded] = useState(false);
  const [slow, setSlow] = useState(false);
  const refused = framing.data === false;
  const title = caller === undefined ? t('history.frameTitleUnknown') : t('history.frameTitle', { caller });

  useLayoutEffect(() => {
    if (src) performance.mark('uhw:history-src-set', { detail: { callId, src } });
  }, [callId, src]);

  useEffect(() => {
    if (!src || loaded || refused) return;
    const timer = setTimeout(() => setSlow(true), LOAD_TIMEOUT_MS);
    return () => clearTimeout(timer);
  }, [src, loaded, refused]);

  if (!src) return <p role="alert">{t('history.untrusted')}</p>;
  return (
    <section className="history" aria-label={title}>
      {withLink ? <HistoryLink historyUrl={src} historyOrigin={historyOrigin} /> : null}
      {refused ? (
        <p className="history__note" role="status">
          {t('history.frameRefused')}
        </p>
      ) : (
        <>
          {slow && !loaded ? (
            <p className="history__note" role="status">
              {t('history.slow')}
            </p>
          ) : null}
          {/* A new element per page: changing an iframe's src would add an entry to the tab's history
              and break the supervisor's back/forward. */}
          <iframe
            key={src}
            className="history__frame"
            title={title}
            src={src}
            sandbox={HISTORY_SANDBOX}
            referrerPolicy="no-referrer"
            onLoad={() => {
              performance.mark('uhw:history-loaded', { detail: { callId, src } });
              setLoaded(true);
            }}
          />
        </>
      )}
    </section>
  );
}
