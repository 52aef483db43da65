/**
 * `/` the agent's own view, `?mode=embedded` the compact view in a host's side panel, `?mode=supervisor`,
 * `?mode=diagnostics` the administrator's checks of a deployment (embedded or standalone).
 */
export type Mode = 'agent' | 'embedded' | 'supervisor' | 'diagnostics';
/** The faces that run the agent's pipeline (the diagnostics view runs it as `embedded`). */
export type AgentMode = Extract<Mode, 'agent' | 'embedded'>;
/** Who embeds the widget: a page speaking our `uhw:*` contract, or Workspace Web Edition (`&host=wwe`). */
export type Host = 'page' | 'wwe';

export function readMode(search: string): Mode {
  const mode = new URLSearchParams(search).get('mode');
  return mode === 'embedded' || mode === 'supervisor' || mode === 'diagnostics' ? mode : 'agent';
}

export function readHost(search: string): Host {
  const params = new URLSearchParams(search);
  const mode = params.get('mode');
  return (mode === 'embedded' || mode === 'diagnostics') && params.get('host') === 'wwe' ? 'wwe' : 'page';
}
