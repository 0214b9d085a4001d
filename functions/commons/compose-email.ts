import * as z from 'zod';
import { dossierCode, stepId } from './params';
import { dossierLetterData } from './letter-data';
import { listAgencies, listDossierItems } from './store';
import { resultLink } from './result-document';
import { getPayment } from './payments';
import { getRefund } from './refunds';
import type { EmailData, EmailEvent } from '../core/email/templates';
import type { Text } from '../core/model';
import { EVENT_KEY, NOTIFY_EVENTS } from '../core/workflow-contract';

/**
 * One email of the workflow, as the ASL asks for it (ids only), and what it says, composed from the
 * stored facts: read by the workflow when it records the email (functions/workflow/notify.ts), and by send-email when it sends it.
 */
export const Input = z.object({
  dossierCode,
  event: z.enum(NOTIFY_EVENTS),
  eventKey: z.string().regex(EVENT_KEY),
  stepId: stepId.optional(),
});
export type Input = z.infer<typeof Input>;

/**
 * A letter the stored facts cannot write (no address for the agency, no fact behind it): asking
 * again will not help, so the workflow records it as failed and goes on (functions/workflow/notify.ts).
 */
export class UnwritableLetter extends Error {
  override name = 'UnwritableLetter';
}

/** Everything an email needs, read from the facts; the event `stopped` becomes refusal or withdrawn. */
export async function compose(input: Input): Promise<{ event: EmailEvent; to: string; data: EmailData }> {
  const { dossier, steps, apologies } = await listDossierItems(input.dossierCode);
  if (!dossier) throw new Error(`Dossier ${input.dossierCode} not found`);
  const agencies = await listAgencies();
  const agencyName = (code?: string): Text => agencies.find((a) => a.code === code)?.name ?? { vi: code ?? '', en: code ?? '' };
  const closedPauses = Object.values(dossier.pauses ?? {}).filter((p) => p.to).length;
  const data: EmailData = {
    ...(await dossierLetterData(dossier)),
    appointmentSequence: dossier.appointmentSequence ?? apologies.length + closedPauses,
  };
  const to = dossier.applicant.email;
  const step = steps.find((s) => s.stepId === input.stepId);
  switch (input.event) {
    case 'stopped': {
      const stop = dossier.stop;
      if (stop?.kind === 'refused') {
        return { event: 'refusal', to, data: { ...data, agency: agencyName(stop.agency), reason: { vi: stop.reason, en: stop.reason } } };
      }
      return { event: 'withdrawn', to, data: { ...data, reason: stop ? { vi: stop.reason, en: stop.reason } : undefined } };
    }
    case 'apology': {
      // a letter at the dossier's level (apology-<n>): every late agency, the one new appointment
      const letter = dossier.letters?.[input.eventKey];
      if (letter) {
        const named = letter.agencies.map(agencyName);
        const reason = { vi: letter.reasons.map((r) => r.vi).join('; '), en: letter.reasons.map((r) => r.en).join('; ') };
        return {
          event: 'apology',
          to,
          data: {
            ...data,
            agency: named[0],
            agencies: named,
            reason,
            originalAppointmentAt: letter.originalAppointmentAt,
            newAppointmentAt: letter.newAppointmentAt,
            appointmentSequence: letter.sequence,
          },
        };
      }
      const [, sid, n] = /^apology-(.+)-(\d+)$/.exec(input.eventKey) ?? [];
      const fact = apologies.find((a) => a.stepId === sid && a.n === Number(n));
      if (!fact) throw new UnwritableLetter(`No apology fact for ${input.eventKey}`);
      const sequence = apologies.filter((a) => a.at <= fact.at).length + closedPauses;
      return {
        event: 'apology',
        to,
        data: {
          ...data,
          agency: agencyName(fact.agency),
          reason: fact.reason,
          apologyKind: fact.kind,
          originalAppointmentAt: fact.originalAppointmentAt,
          newAppointmentAt: fact.newAppointmentAt,
          appointmentSequence: sequence,
        },
      };
    }
    case 'supplement-received': {
      // one letter per supplement (supplement-received-<n>), whatever requests it answered
      const letter = dossier.letters?.[input.eventKey];
      if (letter) {
        const named = letter.agencies.map(agencyName);
        return {
          event: input.event,
          to,
          data: letter.newAppointmentAt
            ? { ...data, agency: named[0], agencies: named, newAppointmentAt: letter.newAppointmentAt, appointmentSequence: letter.sequence }
            : { ...data, agency: named[0], agencies: named, appointmentPending: true },
        };
      }
    }
    // falls through: a letter of a dossier paused before letters existed, keyed by its pause
    case 'supplement-request': {
      const key = input.eventKey.replace(/^supplement-(request|received)-/, '');
      const pause = dossier.pauses?.[key];
      if (!pause) throw new UnwritableLetter(`No pause ${key}`);
      return {
        event: input.event,
        to,
        data: { ...data, agency: agencyName(pause.agency), missing: pause.missing, reason: { vi: pause.reason, en: pause.reason }, newAppointmentAt: dossier.appointmentAt },
      };
    }
    case 'agency-warning': {
      const agency = agencies.find((a) => a.code === step?.agency);
      if (!step || !agency?.email) throw new UnwritableLetter(`No address for the agency of ${input.stepId}`);
      return {
        event: 'agency-warning',
        to: agency.email,
        data: { ...data, applicantName: agency.name.vi, agency: agency.name, stepName: step.name, dueAt: step.dueAt ?? dossier.appointmentAt },
      };
    }
    case 'returned':
      return { event: 'returned', to, data: { ...data, ...resultLink(dossier.code, steps) } };
    case 'fees-due': {
      if (!dossier.fees) throw new UnwritableLetter('No fees on the dossier');
      return { event: 'fees-due', to, data: { ...data, fees: dossier.fees } };
    }
    case 'payment-receipt': {
      // payment-receipt-<paymentId>: the payer's letter (the applicant's address)
      const payment = await getPayment(input.eventKey.replace(/^payment-receipt-/, '').toUpperCase());
      if (!payment?.receipt || payment.dossierCode !== dossier.code) throw new UnwritableLetter(`No receipt for ${input.eventKey}`);
      return {
        event: 'payment-receipt',
        to,
        data: { ...data, fees: { due: dossier.fees?.due ?? 'submission', lines: payment.lines, total: payment.total }, receipt: { ...payment.receipt, method: payment.method, paidAt: payment.paidAt!, payerName: payment.payerName } },
      };
    }
    case 'payment-refund': {
      // payment-refund-<refundId>: the refund told to the applicant
      const refund = await getRefund(input.eventKey.replace(/^payment-refund-/, '').toUpperCase());
      if (!refund || refund.state !== 'refunded' || refund.dossierCode !== dossier.code) throw new UnwritableLetter(`No refund for ${input.eventKey}`);
      const payment = await getPayment(refund.paymentId);
      return {
        event: 'payment-refund',
        to,
        data: {
          ...data,
          ...(payment?.receipt ? { receipt: { ...payment.receipt, method: payment.method, paidAt: payment.paidAt!, payerName: payment.payerName } } : {}),
          refund: { amount: refund.amount, method: refund.method, refundedAt: refund.refundedAt!, reason: refund.reason },
        },
      };
    }
    default:
      return { event: input.event, to, data };
  }
}
