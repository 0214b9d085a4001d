import type { Dossier, Step } from '../core/dossier';
import type { ContactField } from '../core/email/contact-letter';
import { toLocalIso } from '../core/local-time';

/** What the API shows of a step: never its task token. */
export function stepView(s: Step) {
  return {
    stepId: s.stepId,
    stage: s.stageIndex + 1,
    agency: s.agency,
    ...(s.branch ? { branch: s.branch } : {}),
    name: s.name,
    budgetHours: s.budgetHours,
    assignedAt: toLocalIso(s.assignedAt),
    dueAt: s.dueAt ? toLocalIso(s.dueAt) : null,
    state: s.state,
    extensions: s.extensions ?? 0,
    supplementRounds: s.supplementRounds ?? 0,
    ...(s.outcome ? { outcome: s.outcome, decidedAt: toLocalIso(s.decidedAt!) } : {}),
    history: (s.history ?? []).map((h) => ({ ...h, at: toLocalIso(h.at), ...(h.newDueAt ? { newDueAt: toLocalIso(h.newDueAt) } : {}) })),
  };
}

/** What the API shows of a dossier: never its PIN hash. */
export function dossierView(d: Dossier, steps: Step[], emails: { eventKey: string; event?: string; state: string; sentAt: string | null }[] = []) {
  return {
    code: d.code,
    status: d.status,
    procedure: { code: d.procedure.code, version: d.procedure.version, name: d.procedure.name },
    channel: d.channel,
    ...(d.branch ? { branch: d.branch } : {}),
    applicant: d.applicant,
    documents: d.documents,
    receivedAt: toLocalIso(d.receivedAt),
    appointmentAt: toLocalIso(d.appointmentAt),
    stage: Math.min(d.stageIndex + 1, d.procedure.stages.length),
    pauses: Object.entries(d.pauses ?? {}).map(([key, p]) => ({ key, ...p, from: toLocalIso(p.from), to: p.to ? toLocalIso(p.to) : null })),
    stop: d.stop ? { ...d.stop, at: toLocalIso(d.stop.at) } : undefined,
    rating: d.rating ? { ...d.rating, at: toLocalIso(d.rating.at) } : undefined,
    ...(d.fees
      ? { fees: { due: d.fees.due, lines: d.fees.lines, total: d.fees.total, since: toLocalIso(d.fees.since), ...(d.fees.paidAt ? { paidAt: toLocalIso(d.fees.paidAt), paymentId: d.fees.paymentId } : {}) } }
      : {}),
    emailFailures: Object.entries(d.emailFailures ?? {}).map(([eventKey, f]) => ({ eventKey, error: f.error, at: toLocalIso(f.at) })),
    contactCorrections: ((d as { contactCorrections?: { n: number; at: string; by: string; fields: ContactField[] }[] }).contactCorrections ?? []).map((c) => ({
      n: c.n,
      at: toLocalIso(c.at),
      by: c.by,
      fields: c.fields,
    })),
    emails: emails.map((e) => ({ ...e, sentAt: e.sentAt ? toLocalIso(e.sentAt) : null })),
    steps: steps.sort((a, b) => a.stageIndex - b.stageIndex || a.stepId.localeCompare(b.stepId)).map(stepView),
  };
}

export const routeAgencies = (d: Dossier) => d.procedure.stages.flatMap((s) => s.steps.map((st) => st.agency));
