import { t } from '../../../i18n/i18n';
import { trustedHistoryUrl } from '../history-url';

/** "Open in new tab" for a history page, only when it is on the configured history site. */
export function HistoryLink({ historyUrl, historyOrigin }: { historyUrl: string; historyOrigin: string }) {
  const href = trustedHistoryUrl(historyUrl, historyOrigin);
  if (!href) return null;
  return (
    <a className="history__link" href={href} target="_blank" rel="noopener noreferrer">
      {t('history.openInNewTab')}
    </a>
  );
}
