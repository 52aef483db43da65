import { type FormEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Capture } from '../../../../shared/capture';
import type { DiagnosticsLookup } from '../../../../shared/diagnostics';
import { ATTRIBUTES, type Attribute } from '../../../../shared/lookup-constants';
import { attributeLabel } from '../../../i18n/attribute-labels';
import { formatTime, type MessageId, t } from '../../../i18n/i18n';
import { selectKey } from '../../../i18n/texts';
import { testLookup, useDiagnosticsQuery, useFramingCheck, useGwsRolesQuery } from '../api/get-diagnostics';
import type { DiagnosticsSession } from '../diagnostics-session';
import {
  type Check,
  type CheckArea,
  type CheckStatus,
  diagnosticsChecks,
  type Evidence,
} from '../model/checks';
import { diagnosticsReport } from '../model/report';
import '../diagnostics.css';
import '../../../ui/forms.css';

interface DiagnosticsPanelProps {
  session: DiagnosticsSession;
  host: 'wwe' | 'page';
  framed: boolean;
  allowedOrigin(origin: string): boolean;
  notificationsPath: string;
  /** What a capture says of the widget it was made with (mode, host, language). */
  captureWidget: Capture['widget'];
  /** The widget knows its session (GWS's cookie, or the desktop's token): the proxy can be asked. */
  signedIn: boolean;
}

const AREAS: Record<CheckArea, MessageId> = {
  wwe: 'diag.area.wwe',
  gws: 'diag.area.gws',
  proxy: 'diag.area.proxy',
};
const STATUSES: Record<CheckStatus, MessageId> = {
  pass: 'diag.status.pass',
  fail: 'diag.status.fail',
  unseen: 'diag.status.unseen',
  info: 'diag.status.info',
};
const evidenceText = (evidence: Evidence) => t(evidence.id, evidence.values);

/** Re-renders when the session saw something new. */
function useSessionVersion(session: DiagnosticsSession): number {
  const [version, setVersion] = useState(0);
  useEffect(() => session.onChange(() => setVersion((n) => n + 1)), [session]);
  return version;
}

function CheckList({ checks, area }: { checks: Check[]; area: CheckArea }) {
  const id = useId();
  const items = checks.filter((check) => check.area === area);
  if (items.length === 0) return null;
  return (
    <section className="diag__area" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t(AREAS[area])}</h2>
      <ul className="diag__checks">
        {items.map((check) => (
          <li key={check.id} className="diag__check" data-status={check.status} data-check={check.id}>
            <span className="diag__status">{t(STATUSES[check.status])}</span>
            <span className="diag__title">{t(check.title)}</span>
            {check.evidence.map((evidence, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: evidence lines have no identity of their own.
              <span key={index} className="diag__evidence">
                {evidenceText(evidence)}
              </span>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}

function LookupTest({ onResult }: { onResult(result: DiagnosticsLookup | { error: string }): void }) {
  const id = useId();
  const [attribute, setAttribute] = useState<Attribute>('callReturn');
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!value.trim()) return;
    setBusy(true);
    onResult(await testLookup(attribute, value.trim()));
    setBusy(false);
  };
  return (
    <form className="diag__lookup" aria-labelledby={`${id}-h`} onSubmit={(event) => void submit(event)}>
      <h2 id={`${id}-h`}>{t('diag.lookup.heading')}</h2>
      <label htmlFor={`${id}-a`}>{t('search.attribute')}</label>
      <select id={`${id}-a`} value={attribute} onChange={(e) => setAttribute(e.target.value as Attribute)}>
        {ATTRIBUTES.map((name) => (
          <option key={name} value={name}>
            {attributeLabel(name)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-v`}>{t('search.value')}</label>
      <input id={`${id}-v`} value={value} maxLength={128} onChange={(e) => setValue(e.target.value)} />
      <button type="submit" disabled={busy}>
        {t('diag.lookup.run')}
      </button>
    </form>
  );
}

/** The administrator's view of a deployment: the checklist, a test lookup, capture, the report. */
export function DiagnosticsPanel(props: DiagnosticsPanelProps) {
  const { session, host } = props;
  const id = useId();
  const version = useSessionVersion(session);
  const proxy = useDiagnosticsQuery(props.signedIn);
  const gwsRoles = useGwsRolesQuery(props.signedIn);
  const view = proxy.data && 'answer' in proxy.data ? proxy.data.answer.proxy : undefined;
  const framing = useFramingCheck(view?.history.sampleUrl);
  const [lookup, setLookup] = useState<DiagnosticsLookup | { error: string } | null>(null);
  const [copied, setCopied] = useState<'copied' | 'fallback' | null>(null);
  const [capture, setCapture] = useState<{ url: string; entries: number } | null>(null);
  const reportBox = useRef<HTMLTextAreaElement>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` says the session's observations changed.
  const checks = useMemo(
    () =>
      diagnosticsChecks(session.observations, {
        host,
        framed: props.framed,
        allowedOrigin: props.allowedOrigin,
        proxy: proxy.data ?? null,
        gwsRoles: gwsRoles.isPending ? undefined : (gwsRoles.data ?? null),
        frameable: framing.data ?? null,
        lookup,
        notificationsPath: props.notificationsPath,
      }),
    [
      version,
      session,
      host,
      props.framed,
      props.allowedOrigin,
      proxy.data,
      gwsRoles.data,
      gwsRoles.isPending,
      framing.data,
      lookup,
      props.notificationsPath,
    ],
  );
  const report = diagnosticsReport(
    checks,
    [t('diag.reportHeader', { mode: 'diagnostics', host, time: formatTime(Date.now()) })],
    {
      title: t('diag.title'),
      area: (check) => t(AREAS[check.area]),
      status: (status) => t(STATUSES[status]),
      heading: (check) => t(check.title),
      evidence: evidenceText,
    },
  );

  useEffect(
    () => () => {
      if (capture) URL.revokeObjectURL(capture.url);
    },
    [capture],
  );

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(report);
      setCopied('copied');
    } catch {
      // A desktop may not let its panels write to the clipboard: the report is selected to copy by hand.
      reportBox.current?.select();
      setCopied('fallback');
    }
  };
  const stop = async () => {
    const finished = await session.stopCapture({ widget: props.captureWidget });
    if (!finished) return;
    const blob = new Blob([JSON.stringify(finished, null, 2)], { type: 'application/json' });
    setCapture({ url: URL.createObjectURL(blob), entries: finished.entries.length });
  };

  return (
    <section className="diag" aria-labelledby={`${id}-h`}>
      <h1 id={`${id}-h`}>{t('diag.title')}</h1>
      <p className="diag__intro">{t('diag.intro')}</p>
      <div className="diag__actions">
        <button type="button" onClick={() => void copy()}>
          {t('diag.copy')}
        </button>
        {session.capturing === null ? (
          <button type="button" onClick={() => session.startCapture()}>
            {t('diag.capture.start')}
          </button>
        ) : (
          <button type="button" onClick={() => void stop()}>
            {t('diag.capture.stop')}
          </button>
        )}
        {capture ? (
          <a href={capture.url} download="uhw-capture.json">
            {t('diag.capture.download')}
          </a>
        ) : null}
      </div>
      <p className="diag__note" role="status">
        {session.capturing !== null
          ? t('diag.capture.recording', { count: session.capturing })
          : capture
            ? t('diag.capture.ready', { count: capture.entries })
            : copied === 'copied'
              ? t('diag.copied')
              : copied === 'fallback'
                ? t('diag.copyFallback')
                : ''}
      </p>
      {(['wwe', 'gws', 'proxy'] as const).map((area) => (
        <CheckList key={area} checks={checks} area={area} />
      ))}
      {view ? <LookupTest onResult={setLookup} /> : <p className="diag__note">{t('diag.adminNote')}</p>}
      {session.pops.length > 0 ? (
        <section className="diag__area" aria-labelledby={`${id}-pops`}>
          <h2 id={`${id}-pops`}>{t('diag.pops')}</h2>
          <ul className="diag__pops">
            {session.pops.map((pop, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the list shows the newest pops, in order.
              <li key={index}>
                {t('diag.pop', {
                  outcome: selectKey(pop.outcome),
                  attribute: pop.attribute ? attributeLabel(pop.attribute) : '',
                  ms: Math.round(pop.timings.totalMs),
                })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <label className="diag__report-label" htmlFor={`${id}-report`}>
        {t('diag.report')}
      </label>
      <textarea
        id={`${id}-report`}
        ref={reportBox}
        className="diag__report"
        readOnly
        value={report}
        rows={8}
      />
    </section>
  );
}
