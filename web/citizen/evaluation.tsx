import { EvaluationSection } from '../shared/evaluation';
import { api } from './api';
import type { Ctx } from './context';

/**
 * The evaluation on the citizen's page (GET/POST /public/dossiers/{code}/evaluation, the PIN in
 * its header), once the result has been handed back; the rating letter's link opens this page.
 * Beside it the 1–5 rating stays (docs/evaluation.md).
 */
export function Evaluation({ ctx }: { ctx: Ctx }) {
  return (
    <EvaluationSection
      lang={ctx.lang}
      dossier={ctx.code}
      load={async () => {
        const r = await api.evaluationForm(ctx.code, ctx.pin);
        return r.status === 200 ? r.body : undefined;
      }}
      send={async (body) => (await api.evaluate(ctx.code, ctx.pin, body)).status}
    />
  );
}
