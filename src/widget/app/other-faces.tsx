// The faces besides the agent's, in one chunk the agent never loads: the supervisor's dashboard and
// the administrator's diagnostics (one chunk, not two: they share most of their code).
import { useEffect } from 'react';
import type { WidgetConfig } from '../../shared/widget-config';
import { t } from '../i18n/i18n';
import DiagnosticsView from './diagnostics-view';
import type { Host } from './mode';
import SupervisorView from './supervisor-view';

export default function OtherFace({
  face,
  config,
  host,
}: {
  face: 'supervisor' | 'diagnostics';
  config: WidgetConfig;
  host: Host;
}) {
  useEffect(() => {
    document.title = t(face === 'supervisor' ? 'supervisor.title' : 'diag.title');
  }, [face]);
  return face === 'supervisor' ? (
    <SupervisorView config={config} />
  ) : (
    <DiagnosticsView config={config} host={host} />
  );
}
