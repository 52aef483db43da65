import { useId } from 'react';
import { countText, durationShort, percentText } from '../../../i18n/figures';
import { t } from '../../../i18n/i18n';
import { setFilters, useDashboardStore } from '../model/dashboard-store';
import type { AgentStats } from '../model/team-stats';

const NONE = '–';

/**
 * Per agent over the window, the ones with failures first. An agent's name filters the feed to their
 * pops (pressed again, it shows everyone's).
 */
export function AgentTable({ agents }: { agents: readonly AgentStats[] }) {
  const id = useId();
  const filtered = useDashboardStore((s) => s.agent);
  return (
    <section className="agents" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('dashboard.agents')}</h3>
      {agents.length === 0 ? (
        <p className="agents__empty">{t('dashboard.agents.none')}</p>
      ) : (
        <div className="agents__scroll">
          <table className="agents__table" aria-labelledby={`${id}-h`}>
            <thead>
              <tr>
                <th scope="col">{t('dashboard.agents.agent')}</th>
                <th scope="col">{t('dashboard.kpi.pops')}</th>
                <th scope="col">{t('dashboard.kpi.found')}</th>
                <th scope="col">{t('dashboard.kpi.notFound')}</th>
                <th scope="col">{t('dashboard.kpi.failed')}</th>
                <th scope="col">{t('dashboard.agents.p95')}</th>
              </tr>
            </thead>
            <tbody>
              {agents.map((agent) => (
                <tr key={agent.id} data-failing={agent.failed > 0 || undefined}>
                  <th scope="row">
                    <button
                      type="button"
                      className="agents__name"
                      aria-pressed={filtered === agent.id}
                      onClick={() => setFilters({ agent: filtered === agent.id ? '' : agent.id })}
                    >
                      {agent.name}
                    </button>
                  </th>
                  <td>{countText(agent.pops)}</td>
                  <td>{agent.foundShare === null ? NONE : percentText(agent.foundShare)}</td>
                  <td>{countText(agent.notFound)}</td>
                  <td className="agents__failed">{countText(agent.failed)}</td>
                  <td>{agent.p95 === null ? NONE : durationShort(agent.p95)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
