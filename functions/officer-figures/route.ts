import * as z from 'zod';
import { now } from '../commons/clock';
import { evaluationFormIfAny } from '../commons/evaluation-store';
import { headOf, isOperator, listLimit, readFacts } from '../commons/figures-read';
import { forbidden } from '../commons/http';
import { checkPeriod, localDateParam } from '../commons/report-period';
import { defineRoute, reply, OFFICER_ERRORS } from '../commons/route';
import { reportSkipped } from '../commons/skipped';
import { handlers } from '../core/evaluation';
import { agencyFigures, officerFigures, type HolderFigures } from '../core/figures';
import { actedFor as actedIn, holderCounts, type HolderCounts } from '../core/aggregate-figures';
import { OfficerReport } from '../contracts/evaluation';

export const Query = z.object({
  from: localDateParam,
  to: localDateParam,
  /** One officer (their `sub`): oneself; a head, one of their agency's; an operator, anyone. */
  officer: z.string().min(1).max(128).optional(),
  agency: z.string().regex(/^[A-Z0-9]{2,12}$/, "an agency's code").optional(),
});

/**
 * GET /reports/officers?from&to[&officer][&agency]: per officer and per agency, the dossiers
 * handled in the period, the steps decided on time and late (a late one names the officer who held
 * it), and the citizens' evaluations per criterion (comments without who wrote them), each number
 * with its dossiers. Who sees what: an officer their own figures; the head of an agency (group
 * `head-<AGENCY>`) that agency's and its officers'; an operator everyone's. Anything else: 403.
 * Beyond `listLimit()` dossiers the numbers come from the aggregates and no dossier is listed.
 */
export const route = defineRoute({
  method: 'GET',
  path: '/reports/officers',
  summary: 'Officers and agencies by their figures (evaluations, on time, late)',
  operationId: 'getOfficerFigures',
  roles: ['desk', 'agency', 'operator'],
  // reads the day aggregates in batches; stores the days it had to recompute (conditional UpdateItem)
  access: { table: ['GetItem', 'Query', 'BatchGetItem', 'UpdateItem'] },
  timeoutSeconds: 29,
  query: Query,
  responses: { 200: OfficerReport },
  errors: OFFICER_ERRORS,
  handler: async ({ query: q, caller }) => {
    checkPeriod(q.from, q.to);
    const all = isOperator(caller);
    const heads = headOf(caller);
    if (q.agency && !all && !heads.includes(q.agency)) throw forbidden(`Chỉ lãnh đạo ${q.agency} xem được số liệu của ${q.agency} / Only the head of ${q.agency} sees its figures`);
    if (q.officer && q.officer !== caller.sub && !all && !heads.length) throw forbidden("Mỗi cán bộ chỉ xem số liệu của mình / An officer sees only their own figures");
    const limit = listLimit();
    const facts = await readFacts(q.from, q.to, undefined, { listUpTo: limit });
    const period = { ...facts, now: now() };
    const form = await evaluationFormIfAny();
    const listed = !('listed' in facts) || facts.listed;
    // the agencies each officer acted for in the period (a head sees the officers who acted for theirs)
    let actedFor = new Map<string, Set<string>>();
    if (listed) {
      for (const d of facts.dossiers.values()) {
        for (const h of handlers(d, facts.steps.filter((s) => s.code === d.code))) (actedFor.get(h.officer) ?? actedFor.set(h.officer, new Set()).get(h.officer)!).add(h.agency);
      }
    } else if ('counts' in facts) actedFor = actedIn(facts.counts.fig);
    const visibleAgencies = all ? undefined : heads;
    const agencyFilter = q.agency ? [q.agency] : visibleAgencies;
    const officerVisible = (o: string) =>
      o === caller.sub || all || [...(actedFor.get(o) ?? [])].some((a) => heads.includes(a) && (!q.agency || a === q.agency));
    if (q.officer && !officerVisible(q.officer)) throw forbidden("Cán bộ này không thuộc cơ quan bạn phụ trách / Not an officer of an agency you head");
    // a large period: the numbers from the aggregates, no dossier listed
    const unlisted = (r: HolderCounts): HolderFigures => ({
      key: r.key,
      handled: { count: r.handled, dossiers: [] },
      onTime: { count: r.onTime, dossiers: [] },
      late: { count: r.late, steps: [] },
      evaluations: { count: r.evaluations, dossiers: [], criteria: r.criteria, comments: [] },
    });
    const counted = !listed && 'counts' in facts ? facts.counts.fig : undefined;
    const officerRows = counted ? holderCounts(counted, 'O', q.from, period.now, form).map(unlisted) : officerFigures(facts.cal, period, form);
    const agencyRows = counted ? holderCounts(counted, 'A', q.from, period.now, form).map(unlisted) : agencyFigures(facts.cal, period, form);
    const officers = officerRows.filter(
      (r) => officerVisible(r.key) && (!q.officer || r.key === q.officer) && (!q.agency || [...(actedFor.get(r.key) ?? [])].includes(q.agency)),
    );
    const agencies = agencyRows.filter((r) => (agencyFilter ? agencyFilter.includes(r.key) : true));
    return reply(200, {
      from: q.from,
      to: q.to,
      scope: all ? ('all' as const) : heads.length ? ('agency' as const) : ('own' as const),
      officers,
      agencies: q.officer && !all && !heads.length ? [] : agencies,
      skipped: reportSkipped('officer-figures', facts.skipped),
      listed: { dossiers: listed, limit },
    });
  },
});
