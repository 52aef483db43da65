/** `/` the agent's own view, `?mode=embedded` the compact view in a host's side panel, `?mode=supervisor`. */
export type Mode = 'agent' | 'embedded' | 'supervisor';
/** Who embeds the widget: a page speaking our `uhw:*` contract, or Workspace Web Edition (`&host=wwe`). */
export type Host = 'page' | 'wwe';

export function readMode(search: string): Mode {
  const mode = new URLSearchParams(search).get('mode');
  return mode === 'embedded' || mode === 'supervisor' ? mode : 'agent';
}

export function readHost(search: string): Host {
  const params = new URLSearchParams(search);
  return params.get('mode') === 'embedded' && params.get('host') === 'wwe' ? 'wwe' : 'page';
}
