import * as z from 'zod';
import { evaluationFormIfAny } from '../commons/evaluation-store';
import { listLimit, readFacts } from '../commons/figures-read';
import { branchParam, checkPeriod, localDateParam } from '../commons/report-period';
import { defineRoute, reply, OFFICER_ERRORS } from '../commons/route';
import { reportSkipped } from '../commons/skipped';
import { panel766 } from '../core/figures';
import { panel766Counts } from '../core/aggregate-figures';
import { Panel766 } from '../contracts/evaluation';

export const Query = z.object({ from: localDateParam, to: localDateParam, branch: branchParam });

/**
 * GET /reports/index766?from&to[&branch] (operators): the components of Decision 766/QĐ-TTg's
 * service index (groups: transparency, progress, digitisation, online services, satisfaction)
 * that the platform computes from its facts, for the dossiers received in the period, each with
 * how it is computed and its dossiers; those it cannot compute, listed with why. Its numbers come
 * from the aggregates beyond `listLimit()` dossiers (then none is listed: `listed`). The decision's
 * articles, points and weights are not verified (docs/evaluation.md): no score is claimed.
 */
export const route = defineRoute({
  method: 'GET',
  path: '/reports/index766',
  summary: "Decision 766/QĐ-TTg's index: the components the platform computes",
  operationId: 'getPanel766',
  roles: ['operator'],
  // reads the day aggregates in batches; stores the days it had to recompute (conditional UpdateItem)
  access: { table: ['GetItem', 'Query', 'BatchGetItem', 'UpdateItem'] },
  timeoutSeconds: 29,
  query: Query,
  responses: { 200: Panel766 },
  errors: OFFICER_ERRORS,
  handler: async ({ query: q }) => {
    checkPeriod(q.from, q.to);
    const limit = listLimit();
    const facts = await readFacts(q.from, q.to, q.branch, { listUpTo: limit });
    const form = await evaluationFormIfAny();
    const panel = panel766(facts.cal, facts.received, form);
    const listed = !('listed' in facts) || facts.listed;
    if (!listed && 'counts' in facts) {
      // a large period: the numbers from the aggregates, no dossier listed
      const counts = panel766Counts(facts.counts.fig, form, q.branch);
      panel.components = panel.components.map((c) => ({ ...c, ...counts[c.id]!, dossiers: { numerator: [], denominator: [] } }));
    }
    return reply(200, {
      from: q.from,
      to: q.to,
      decision: 'Quyết định 766/QĐ-TTg ngày 23/6/2022 (Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ người dân, doanh nghiệp) — date and title unverified',
      ...panel,
      skipped: reportSkipped('panel-766', facts.skipped),
      listed: { dossiers: listed, limit },
    });
  },
});
