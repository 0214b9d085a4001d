import { workingCalendar } from './calendar';
import { now } from './clock';
import { citizenDocuments } from './citizen-documents';
import { getBranch, listAgencies, listDossierItems } from './store';
import { toLocalIso } from '../core/local-time';
import { citizenHistory, STATUS_TEXT } from '../core/citizen-view';
import { collectionWindow } from '../core/email/collection';
import type { Text } from '../core/model';
import { openPauses } from '../core/dossier';
import type { FeeObligation } from '../core/fees';
import { getPayment, type Payment } from './payments';

/** The fees as the citizen sees them: the lines, the total, whether paid, the receipt (docs/fees.md). */
const citizenFees = (f: FeeObligation, payment: Payment | undefined) => ({
  due: f.due,
  lines: f.lines,
  total: f.total,
  paid: Boolean(f.paidAt),
  ...(f.paidAt ? { paidAt: toLocalIso(f.paidAt) } : {}),
  // refunds made (docs/fees.md): the total refunded, in đồng
  ...(Object.keys(f.refunds ?? {}).length ? { refunded: Object.values(f.refunds!).reduce((t, r) => t + r.amount, 0) } : {}),
  ...(payment?.receipt ? { receipt: { paymentId: payment.id, ...payment.receipt, method: payment.method, total: payment.total } } : {}),
});

/**
 * What a citizen sees of their dossier: status, appointment and the history meant for them, and
 * what the page needs to say what to do next (the open supplement request, whether it can still be
 * withdrawn or rated). Every instant in local time. The same view whether the dossier was opened
 * with its code and PIN (GET /public/dossiers/{code}) or by its signed-in citizen
 * (GET /public/me/dossiers/{code}); the caller has checked who may read it.
 */
export async function citizenView(code: string) {
  const { dossier, apologies, steps, files } = await listDossierItems(code);
  const d = dossier!;
  // every open request (parallel steps may each ask): what is missing, from all of them
  const requests = openPauses(d).map(([, p]) => p);
  const open = requests[0] && { ...requests[0], missing: requests.flatMap((p) => p.missing), reason: requests.map((p) => p.reason).join(' ') };
  const agencyName = async (agency: string): Promise<Text> =>
    (await listAgencies()).find((a) => a.code === agency)?.name ?? { vi: agency, en: agency };
  const cal = await workingCalendar();
  // in progress: from the appointment; decided: from now (the result is waiting at the desk)
  const from = d.status === 9 ? now() : d.status === 2 || d.status === 4 ? d.appointmentAt : undefined;
  const collect = from ? collectionWindow(from, (date) => cal.isWorkingDay(date)) : undefined;
  const branch = d.branch ? await getBranch(d.branch) : undefined;
  const payment = d.fees?.paymentId ? await getPayment(d.fees.paymentId) : undefined;
  return {
    code,
    status: d.status,
    statusText: STATUS_TEXT[d.status],
    procedure: { code: d.procedure.code, name: d.procedure.name },
    receivedAt: toLocalIso(d.receivedAt),
    appointmentAt: toLocalIso(d.appointmentAt),
    /** When the result can be collected: from the appointment to the end of that working window. */
    collection: collect ? { from: toLocalIso(collect.start), until: toLocalIso(collect.end) } : null,
    history: citizenHistory(d, apologies).map((h) => ({ ...h, at: toLocalIso(h.at) })),
    supplement:
      d.status === 5 && open
        ? { requestedAt: toLocalIso(open.from), agency: await agencyName(open.agency), missing: open.missing, reason: open.reason }
        : null,
    stop: d.stop ? { kind: d.stop.kind, at: toLocalIso(d.stop.at), reason: d.stop.reason } : null,
    returnedAt: d.returnedAt ? toLocalIso(d.returnedAt) : null,
    canWithdraw: d.status === 2 || d.status === 4 || d.status === 5 || d.status === 6,
    canRate: d.status === 10 && !d.rating,
    rating: d.rating ? { score: d.rating.score, at: toLocalIso(d.rating.at) } : null,
    documents: citizenDocuments(d, steps, files),
    ...(branch ? { desk: { name: branch.name, address: branch.address, openingHours: branch.openingHours, hotline: branch.hotline } } : {}),
    ...(d.fees ? { fees: citizenFees(d.fees, payment) } : {}),
  };
}
