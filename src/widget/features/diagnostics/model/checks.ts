// The diagnostics checklist: each documented assumption and integration point, holding, failing, or
// not seen yet, with its evidence. Evidence is made from the shapes Observations keep and from the
// proxy's answer (roles, origins, claim names, durations), never from a caller's data.
import type { DiagnosticsAnswer, DiagnosticsLookup } from '../../../../shared/diagnostics';
import type { MessageId, MessageValues } from '../../../i18n/i18n';
import type { Observations } from './observations';

export type CheckStatus = 'pass' | 'fail' | 'unseen' | 'info';
export type CheckArea = 'wwe' | 'gws' | 'proxy';

export interface Evidence {
  id: MessageId;
  values?: MessageValues;
}

export interface Check {
  id: string;
  area: CheckArea;
  title: MessageId;
  status: CheckStatus;
  evidence: Evidence[];
}

export interface CheckContext {
  host: 'wwe' | 'page';
  framed: boolean;
  /** FRAME_ANCESTORS (the widget's config): the origins the desktop may post from. */
  allowedOrigin(origin: string): boolean;
  /** GET /api/diagnostics: the answer, or the problem code it failed with. */
  proxy: { answer: DiagnosticsAnswer } | { error: string } | null;
  /** GET /api/v2/me: the roles, or null without a GWS session here. */
  gwsRoles: string[] | null | undefined;
  /** The history site's framing verdict for this widget (null: not asked, admin only). */
  frameable: boolean | null;
  lookup: DiagnosticsLookup | { error: string } | null;
  notificationsPath: string;
}

const list = (items: Iterable<string>) => [...items].join(', ') || '–';
const check = (
  id: string,
  area: CheckArea,
  title: MessageId,
  status: CheckStatus,
  ...evidence: Evidence[]
): Check => ({ id, area, title, status, evidence });

function wweChecks(seen: Observations, context: CheckContext): Check[] {
  const origins = [...seen.parentOrigins];
  const refusedOrigin = origins.find((origin) => !context.allowedOrigin(origin));
  const framed = !context.framed
    ? check('wwe.framed', 'wwe', 'diag.wwe.framed', 'fail', { id: 'diag.ev.notFramed' })
    : refusedOrigin
      ? check('wwe.framed', 'wwe', 'diag.wwe.framed', 'fail', {
          id: 'diag.ev.originRefused',
          values: { origin: refusedOrigin },
        })
      : origins.length > 0
        ? check('wwe.framed', 'wwe', 'diag.wwe.framed', 'pass', {
            id: 'diag.ev.origin',
            values: { origin: list(origins) },
          })
        : check('wwe.framed', 'wwe', 'diag.wwe.framed', 'unseen');

  const answers = [...seen.answers.values()];
  const withData = answers.reduce((sum, tally) => sum + tally.withData, 0);
  const without = [...seen.answers].flatMap(([name, tally]) =>
    tally.withoutData.map((keys) => ({ id: 'diag.ev.keys' as const, values: { name, keys: list(keys) } })),
  );
  const data =
    without.length > 0
      ? check('wwe.data', 'wwe', 'diag.wwe.data', 'fail', ...without)
      : withData > 0
        ? check('wwe.data', 'wwe', 'diag.wwe.data', 'pass', {
            id: 'diag.ev.withData',
            values: { count: withData },
          })
        : check('wwe.data', 'wwe', 'diag.wwe.data', 'unseen');

  const eventCheck = (name: 'interaction' | 'markdone', title: MessageId): Check => {
    const tally = seen.events.get(name);
    if (!tally) return check(`wwe.${name}`, 'wwe', title, 'unseen');
    if (tally.rejected.length > 0) {
      return check(
        `wwe.${name}`,
        'wwe',
        title,
        'fail',
        ...tally.rejected.map((keys) => ({
          id: 'diag.ev.keys' as const,
          values: { name, keys: list(keys) },
        })),
      );
    }
    return check(`wwe.${name}`, 'wwe', title, 'pass', {
      id: 'diag.ev.accepted',
      values: { count: tally.accepted },
    });
  };

  const { voice } = seen;
  const callUuid =
    voice.seen.size === 0
      ? check('wwe.callUuid', 'wwe', 'diag.wwe.callUuid', 'unseen')
      : check(
          'wwe.callUuid',
          'wwe',
          'diag.wwe.callUuid',
          voice.withCallUuid.size === voice.seen.size ? 'pass' : 'fail',
          { id: 'diag.ev.voice', values: { withCallUuid: voice.withCallUuid.size, seen: voice.seen.size } },
        );
  const byCallUuid = seen.ucsAnswers.filter((answer) => answer.byCallUuid);
  const ucs =
    byCallUuid.length === 0
      ? check('wwe.ucs', 'wwe', 'diag.wwe.ucs', 'unseen')
      : byCallUuid.every((answer) => answer.ok)
        ? check('wwe.ucs', 'wwe', 'diag.wwe.ucs', 'pass', {
            id: 'diag.ev.ucsByCallUuid',
            values: { count: byCallUuid.length },
          })
        : check('wwe.ucs', 'wwe', 'diag.wwe.ucs', 'fail', { id: 'diag.ev.ucsFailed' });

  const refused =
    seen.refused.size > 0
      ? check(
          'wwe.refused',
          'wwe',
          'diag.wwe.refused',
          'info',
          ...[...seen.refused].map(([name, text]) =>
            text
              ? { id: 'diag.ev.refused' as const, values: { name, text } }
              : { id: 'diag.ev.unanswered' as const, values: { name } },
          ),
        )
      : seen.answers.size > 0
        ? check('wwe.refused', 'wwe', 'diag.wwe.refused', 'pass', { id: 'diag.ev.refusedNone' })
        : check('wwe.refused', 'wwe', 'diag.wwe.refused', 'unseen');

  const caller = context.proxy && 'answer' in context.proxy ? context.proxy.answer.caller : null;
  const jwtEvidence: Evidence[] = seen.jwt
    ? [
        {
          id: 'diag.ev.jwt',
          values: { chars: seen.jwt.tokenChars, expiration: seen.jwt.expiration ? 'yes' : 'no' },
        },
      ]
    : [];
  if (caller?.jwt) {
    jwtEvidence.push({
      id: 'diag.ev.jwtProxy',
      values: { claims: list(caller.jwt.claims), claim: caller.jwt.rolesClaim, roles: list(caller.roles) },
    });
  }
  const jwtConfig = context.proxy && 'answer' in context.proxy ? context.proxy.answer.proxy?.jwt : undefined;
  if (jwtConfig) {
    jwtEvidence.push({
      id: 'diag.ev.jwtConfig',
      values: { issuer: jwtConfig.issuer, audience: list(jwtConfig.audience), jwks: jwtConfig.jwksOrigin },
    });
  }
  const jwt = seen.refused.has('auth.getJwtToken')
    ? check('wwe.jwt', 'wwe', 'diag.wwe.jwt', 'fail', {
        id: 'diag.ev.refused',
        values: { name: 'auth.getJwtToken', text: seen.refused.get('auth.getJwtToken') ?? '' },
      })
    : seen.jwt
      ? check(
          'wwe.jwt',
          'wwe',
          'diag.wwe.jwt',
          seen.jwt.answered && (caller === null || caller.auth !== 'jwt' || caller.jwt !== undefined)
            ? 'pass'
            : 'fail',
          ...jwtEvidence,
        )
      : check('wwe.jwt', 'wwe', 'diag.wwe.jwt', 'unseen');

  const visible =
    seen.visible === null
      ? check('wwe.visible', 'wwe', 'diag.wwe.visible', 'unseen')
      : check('wwe.visible', 'wwe', 'diag.wwe.visible', seen.visible === 'boolean' ? 'pass' : 'fail');

  return [
    framed,
    data,
    eventCheck('interaction', 'diag.wwe.event'),
    eventCheck('markdone', 'diag.wwe.markdone'),
    callUuid,
    ucs,
    refused,
    jwt,
    visible,
  ];
}

function gwsChecks(seen: Observations, context: CheckContext): Check[] {
  const session =
    context.gwsRoles === undefined
      ? check('gws.session', 'gws', 'diag.gws.session', 'unseen')
      : context.gwsRoles === null
        ? check('gws.session', 'gws', 'diag.gws.session', 'info', { id: 'diag.ev.noSession' })
        : check('gws.session', 'gws', 'diag.gws.session', 'pass', {
            id: 'diag.ev.roles',
            values: { roles: list(context.gwsRoles) },
          });
  const handshake = !seen.handshake
    ? check('gws.handshake', 'gws', 'diag.gws.handshake', 'unseen')
    : seen.handshake.ok
      ? check('gws.handshake', 'gws', 'diag.gws.handshake', seen.connected ? 'pass' : 'unseen', {
          id: 'diag.ev.handshake',
          values: { path: context.notificationsPath },
        })
      : check('gws.handshake', 'gws', 'diag.gws.handshake', 'fail', {
          id: 'diag.ev.handshakeFailed',
          values: { error: seen.handshake.error ?? '' },
        });
  const subscribe = !seen.subscribe
    ? check('gws.subscribe', 'gws', 'diag.gws.subscribe', 'unseen')
    : check('gws.subscribe', 'gws', 'diag.gws.subscribe', seen.subscribe.ok ? 'pass' : 'fail', {
        id: 'diag.ev.ms',
        values: { ms: seen.subscribe.ms },
      });
  const answers = seen.ucsAnswers;
  const ucs =
    answers.length === 0
      ? check('gws.ucs', 'gws', 'diag.gws.ucs', 'unseen')
      : check(
          'gws.ucs',
          'gws',
          'diag.gws.ucs',
          answers.every((answer) => answer.ok) ? 'pass' : 'fail',
          ...[...new Set(answers.map((answer) => answer.channel))].map((channel) => {
            const times = answers.filter((a) => a.channel === channel && a.ms !== null).map((a) => a.ms ?? 0);
            return {
              id: 'diag.ev.ucsChannel' as const,
              values: { channel, ms: times.length ? Math.max(...times) : 0 },
            };
          }),
        );
  const { calls } = seen;
  const total = calls.ani + calls.noAni;
  const callShapes =
    total === 0
      ? check('gws.calls', 'gws', 'diag.gws.calls', 'unseen')
      : check('gws.calls', 'gws', 'diag.gws.calls', 'info', {
          id: 'diag.ev.calls',
          values: { shapes: list(calls.participants), ani: calls.ani, total, phoneNumber: calls.phoneNumber },
        });
  return [session, handshake, subscribe, ucs, callShapes];
}

function proxyChecks(context: CheckContext): Check[] {
  const { proxy } = context;
  if (!proxy) return [check('proxy.auth', 'proxy', 'diag.proxy.auth', 'unseen')];
  if ('error' in proxy) {
    return [
      check('proxy.auth', 'proxy', 'diag.proxy.auth', 'fail', {
        id: 'diag.ev.unauthenticated',
        values: { code: proxy.error },
      }),
    ];
  }
  const { caller, proxy: view } = proxy.answer;
  const checks = [
    check('proxy.auth', 'proxy', 'diag.proxy.auth', 'pass', {
      id: 'diag.ev.auth',
      values: { mode: caller.auth, roles: list(caller.roles) },
    }),
  ];
  if (!view) {
    checks.push(check('proxy.uniphore', 'proxy', 'diag.proxy.uniphore', 'info', { id: 'diag.ev.adminOnly' }));
    return checks;
  }
  checks.push(
    check(
      'proxy.uniphore',
      'proxy',
      'diag.proxy.uniphore',
      view.uniphoreReachable ? 'pass' : 'fail',
      view.uniphoreReachable
        ? { id: 'diag.ev.uniphore', values: { transport: view.transport, origin: view.uniphoreOrigin } }
        : { id: 'diag.ev.uniphoreDown', values: { origin: view.uniphoreOrigin } },
    ),
    context.frameable === null
      ? check('proxy.framing', 'proxy', 'diag.proxy.framing', 'unseen')
      : check(
          'proxy.framing',
          'proxy',
          'diag.proxy.framing',
          context.frameable ? 'pass' : 'fail',
          context.frameable
            ? { id: 'diag.ev.origin', values: { origin: view.history.origin } }
            : { id: 'diag.ev.framingRefused' },
        ),
  );
  const { lookup } = context;
  if (lookup) {
    checks.push(
      'error' in lookup
        ? check('proxy.lookup', 'proxy', 'diag.proxy.lookup', 'fail', {
            id: 'diag.ev.unauthenticated',
            values: { code: lookup.error },
          })
        : check(
            'proxy.lookup',
            'proxy',
            'diag.proxy.lookup',
            lookup.outcome === 'found' || lookup.outcome === 'not_found' ? 'pass' : 'fail',
            {
              id: 'diag.ev.lookupResult',
              values: {
                outcome: lookup.outcome,
                status: lookup.upstreamStatus ?? 0,
                ms: Math.round(lookup.ms),
                transport: lookup.transport,
              },
            },
          ),
    );
  }
  return checks;
}

export function diagnosticsChecks(seen: Observations, context: CheckContext): Check[] {
  return [
    ...(context.host === 'wwe' ? wweChecks(seen, context) : []),
    ...gwsChecks(seen, context),
    ...proxyChecks(context),
  ];
}
