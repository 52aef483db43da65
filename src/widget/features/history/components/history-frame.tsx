import { useLayoutEffect } from 'react';
import { texts } from '../../../ui/texts';
import { trustedHistoryUrl } from '../history-url';

interface HistoryFrameProps {
  callId: string;
  caller: string | undefined;
  historyUrl: string;
  historyOrigin: string;
}

// The history page is a cross-origin Uniphore page: scripts and its own origin are needed for it to
// work; top navigation is not granted, so it cannot take over the agent desktop.
const SANDBOX = 'allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox';

export function HistoryFrame({ callId, caller, historyUrl, historyOrigin }: HistoryFrameProps) {
  const src = trustedHistoryUrl(historyUrl, historyOrigin);

  useLayoutEffect(() => {
    if (src) performance.mark('uhw:history-src-set', { detail: { callId, src } });
  }, [callId, src]);

  if (!src) return <p role="alert">{texts.history.frameRefused}</p>;
  return (
    <section className="history" aria-label={texts.history.frameTitle(caller)}>
      <a className="history__link" href={src} target="_blank" rel="noopener noreferrer">
        {texts.history.openInNewTab}
      </a>
      <iframe
        className="history__frame"
        title={texts.history.frameTitle(caller)}
        src={src}
        sandbox={SANDBOX}
        referrerPolicy="no-referrer"
      />
    </section>
  );
}
