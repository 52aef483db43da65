// Which origins may embed the widget and talk to it: FRAME_ANCESTORS, in CSP source syntax
// (`'self'`, `https://desktop.example.com`, `https://*.example.com`, optional port).

export type OriginRule =
  | { kind: 'exact'; origin: string }
  | { kind: 'wildcard'; scheme: string; suffix: string; port: string };

export function parseOriginRules(frameAncestors: readonly string[], selfOrigin: string): OriginRule[] {
  const rules: OriginRule[] = [];
  for (const source of frameAncestors) {
    if (source === "'self'") {
      rules.push({ kind: 'exact', origin: selfOrigin });
      continue;
    }
    const wildcard = /^(https?):\/\/\*\.([a-z0-9.-]+)(?::(\d+))?$/i.exec(source);
    if (wildcard) {
      rules.push({
        kind: 'wildcard',
        scheme: `${wildcard[1]?.toLowerCase()}:`,
        suffix: `.${wildcard[2]?.toLowerCase()}`,
        port: wildcard[3] ?? '',
      });
      continue;
    }
    try {
      const url = new URL(source);
      if (url.protocol === 'https:' || url.protocol === 'http:')
        rules.push({ kind: 'exact', origin: url.origin });
    } catch {
      // 'none' and anything unparsable allow nothing.
    }
  }
  return rules;
}

export function originAllowed(origin: string, rules: readonly OriginRule[]): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.origin !== origin) return false;
  return rules.some((rule) =>
    rule.kind === 'exact'
      ? rule.origin === origin
      : url.protocol === rule.scheme && url.hostname.endsWith(rule.suffix) && url.port === rule.port,
  );
}

/** Origins a message may be posted to before the host has said anything (no wildcards: exact only). */
export const exactOrigins = (rules: readonly OriginRule[]): string[] =>
  rules.flatMap((rule) => (rule.kind === 'exact' ? [rule.origin] : []));
