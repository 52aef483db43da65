/** `/` the agent's own view, `?mode=embedded` the compact view in a host's side panel, `?mode=supervisor`. */
export type Mode = 'agent' | 'embedded' | 'supervisor';

export function readMode(search: string): Mode {
  const mode = new URLSearchParams(search).get('mode');
  return mode === 'embedded' || mode === 'supervisor' ? mode : 'agent';
}
