import type { Apology, Dossier, Step } from './dossier';
import type { DossierStatusCode } from './model';

/**
 * The outside world's events, DERIVED from a dossier's stored facts (its item, its step items, its
 * apology items): pure and deterministic, so deriving again after a crash, a retry or a duplicate
 * trigger yields the same events with the same ids — the outbox (functions/commons/outbox.ts)
 * records each id once, and nothing has to be written beside a fact for its event to exist.
 * docs/outbox.md explains why this is exactly-once enough.
 *
 * An event carries no personal data: codes, statuses, instants, step ids, agencies.
 */
export type EventKind =
  | 'submitted'
  | 'received'
  | 'not-received'
  | 'step-assigned'
  | 'step-decided'
  | 'supplement-asked'
  | 'supplement-answered'
  | 'apology'
  | 'result-ready'
  | 'refused'
  | 'withdrawn'
  | 'returned'
  | 'rating'
  /** Reserved for issue 23 (fees): `fee-asked`/`fee-paid` come from the fee facts' own helper. */
  | 'fee-asked'
  | 'fee-paid'
  /** A fee refunded (a refused or withdrawn dossier, money not owed): from `fees.refunds` (docs/fees.md). */
  | 'fee-refunded';

export interface DossierEvent {
  /** `<code>/<kind>[/<fact id>]`: the same fact always gives the same id. */
  id: string;
  code: string;
  kind: EventKind;
  at: string;
  /** The national status code (1–10) after this event. */
  status: DossierStatusCode;
  stepId?: string;
  agency?: string;
  stageIndex?: number;
  /** step-decided: approve / refuse; supplement: the round; apology: the appointments. */
  outcome?: 'approve' | 'refuse';
  round?: number;
  /** The appointment before and after (apology, supplement answered when known). */
  originalAppointmentAt?: string;
  newAppointmentAt?: string;
}

/**
 * Order within one minute (facts are recorded to the minute; the local clock may stand still): by the stage the fact belongs to, and within a stage the hand-over, the
 * supplement asked and answered, the apology, the decision; the result ready with the desk's
 * return stage; the end (refusal, withdrawal, return) and the rating last.
 */
const SUB: Partial<Record<EventKind, number>> = {
  'step-assigned': 0,
  'supplement-asked': 1,
  'supplement-answered': 2,
  apology: 3,
  'fee-asked': 3,
  'fee-paid': 3,
  'result-ready': 3.5,
  'step-decided': 4,
};
const phase = (d: Draft, deskStage: number | undefined): [number, number] => {
  switch (d.kind) {
    case 'submitted': return [-3, 0];
    case 'not-received': return [-2, 0];
    case 'received': return [-1, 0];
    case 'result-ready': return [deskStage ?? 998, SUB['result-ready']!];
    case 'refused': case 'withdrawn': return [999, 0];
    case 'returned': return [999, 1];
    case 'fee-refunded': return [999, 1.5];
    case 'rating': return [999, 2];
    default: return [d.stageIndex ?? 998, SUB[d.kind] ?? 0];
  }
};

type Draft = Omit<DossierEvent, 'status' | 'code'>;

/** Events of a dossier's facts, in order, each with the status after it. */
export function deriveEvents(dossier: Dossier, steps: readonly Step[] = [], apologies: readonly Apology[] = []): DossierEvent[] {
  const code = dossier.code;
  const drafts: Draft[] = [];
  const push = (kind: EventKind, at: string | undefined, rest: Omit<Draft, 'id' | 'kind' | 'at'> = {}, factId?: string) => {
    if (at) drafts.push({ id: `${code}/${kind}${factId ? `/${factId}` : ''}`, kind, at, ...rest });
  };
  if (dossier.online) push('submitted', dossier.online.submittedAt);
  if (dossier.online?.check?.outcome === 'refuse') push('not-received', dossier.online.check.at);
  if (dossier.receivedAt && (!dossier.online || dossier.online.check?.outcome === 'receive' || (dossier.status !== 1 && dossier.status !== 3))) {
    push('received', dossier.receivedAt);
  }
  for (const s of steps) {
    const base = { stepId: s.stepId, agency: s.agency, stageIndex: s.stageIndex };
    push('step-assigned', s.assignedAt, base, s.stepId);
    s.history.forEach((h, i) => {
      if (h.outcome === 'approve' || h.outcome === 'refuse') push('step-decided', h.at, { ...base, outcome: h.outcome }, `${s.stepId}/${i}`);
    });
  }
  const letters = Object.values(dossier.letters ?? {});
  for (const [key, p] of Object.entries(dossier.pauses ?? {})) {
    // a fee's wait (issue 23: status 6, the clock paused from the obligation to the payment)
    if (p.kind === 'fee') {
      push('fee-asked', p.from, {}, key);
      if (p.to) push('fee-paid', p.to, {}, key);
      continue;
    }
    const step = steps.find((s) => s.stepId === p.stepId);
    const base = { stepId: p.stepId, agency: p.agency, round: p.round, ...(step ? { stageIndex: step.stageIndex } : {}) };
    push('supplement-asked', p.from, base, key);
    if (p.to) {
      const letter = letters.find((l) => l.event === 'supplement-received' && l.at === p.to);
      push('supplement-answered', p.to, {
        ...base,
        ...(letter ? { originalAppointmentAt: letter.originalAppointmentAt, ...(letter.newAppointmentAt ? { newAppointmentAt: letter.newAppointmentAt } : {}) } : {}),
      }, key);
    }
  }
  for (const a of apologies) {
    const step = steps.find((s) => s.stepId === a.stepId);
    push('apology', a.at, { stepId: a.stepId, agency: a.agency, ...(step ? { stageIndex: step.stageIndex } : {}), originalAppointmentAt: a.originalAppointmentAt, newAppointmentAt: a.newAppointmentAt }, `${a.stepId}/${a.n}`);
  }
  push('result-ready', dossier.resultReadyAt);
  if (dossier.stop) push(dossier.stop.kind, dossier.stop.at, dossier.stop.stepId ? { stepId: dossier.stop.stepId, ...(dossier.stop.agency ? { agency: dossier.stop.agency } : {}) } : {});
  push('returned', dossier.returnedAt);
  // refunds (issue 23): after the end that made them due; the status does not change
  for (const [id, r] of Object.entries(dossier.fees?.refunds ?? {})) push('fee-refunded', r.at, {}, id);
  if (dossier.rating) push('rating', dossier.rating.at);
  // the citizen's evaluation per criterion (issue 25, ./evaluation.ts): a rating event of its own
  if (dossier.evaluation) push('rating', dossier.evaluation.at, {}, 'evaluation');

  const deskStage = steps.find((s) => s.atDesk)?.stageIndex;
  drafts.sort((a, b) => {
    // facts are recorded to the minute (commons/clock.ts factTime) beside some to the millisecond:
    // within one minute the workflow's own order decides, not the digits
    const [ta, tb] = [Date.parse(a.at), Date.parse(b.at)];
    const minute = Math.floor(ta / 60_000) - Math.floor(tb / 60_000);
    if (minute) return minute;
    const [pa, sa] = phase(a, deskStage);
    const [pb, sb] = phase(b, deskStage);
    return pa - pb || sa - sb || ta - tb || a.id.localeCompare(b.id);
  });
  return withStatus(code, drafts);
}

/** Fold the national status through the events: supplements open and close, stops and returns end. */
function withStatus(code: string, drafts: Draft[]): DossierEvent[] {
  let status: DossierStatusCode = 1;
  let open = 0;
  let ended = false;
  let ready = false;
  return drafts.map((d) => {
    switch (d.kind) {
      case 'submitted': status = 1; break;
      case 'not-received': status = 3; ended = true; break;
      case 'received': status = 2; break;
      case 'step-assigned': case 'step-decided': case 'apology':
        if (!ended && status !== 9 && open === 0) status = 4;
        break;
      // paid: back to processing, or to the result ready when the fee was due before the return
      case 'fee-paid': if (!ended && open === 0) status = ready ? 9 : 4; break;
      case 'fee-asked': if (!ended) status = 6; break;
      case 'supplement-asked': open++; if (!ended) status = 5; break;
      case 'supplement-answered': open = Math.max(0, open - 1); if (!ended && open === 0) status = 4; break;
      case 'result-ready': ready = true; if (!ended) status = 9; break;
      case 'refused': status = 8; ended = true; break;
      case 'withdrawn': status = 7; ended = true; break;
      case 'returned': status = 10; ended = true; break;
      case 'rating': case 'fee-refunded': break;
    }
    return { ...d, code, status };
  });
}

/** What an agency's own system may be told of an event: codes, statuses, instants, ids — no personal data. */
export function webhookView(e: DossierEvent) {
  const { id, code, kind, at, status, stepId, agency, stageIndex, outcome, round } = e;
  return { id, code, kind, at, status, ...(stepId ? { stepId } : {}), ...(agency ? { agency } : {}), ...(stageIndex !== undefined ? { stageIndex } : {}), ...(outcome ? { outcome } : {}), ...(round !== undefined ? { round } : {}) };
}
