/**
 * Every email of a dossier's life, Vietnamese first then English, as data: one small function
 * per event returns the letter's paragraphs; layout.ts renders text and HTML, ics.ts the
 * appointment. Forms follow Circular 03/2025/TT-VPCP (01 receipt, 02 supplement, 03 refusal,
 * 04 apology).
 */
import type { Text } from '../model';
import { formatEn, formatVi } from './format';
import { appointmentIcs, ICS_CANCEL_CONTENT_TYPE, ICS_CONTENT_TYPE, icsFileName } from './ics';
import { type Block, type Letter, subjectOf, toHtml, toText } from './layout';

export const EMAIL_EVENTS = [
  'receipt', // form 01: received, appointment, how to look up (.ics, SEQUENCE 0)
  'supplement-request', // form 02: what is missing and why, the agency asking; the clock is paused
  'supplement-received', // the supplement arrived; processing resumes; the new appointment
  'refusal', // form 03: refused, the reason, the agency
  'apology', // form 04: late agency, reason, original and new appointment (.ics, SEQUENCE n)
  'result-ready', // decided; collect at the desk / chosen channel
  'returned', // result handed over (status 10); thanks
  'withdrawn', // withdrawn at the citizen's request; everything stopped
  'rating-invitation', // invite to rate the service 1–5 with a comment, once
  'agency-warning', // to an AGENCY: step X of dossier Y is due at T (in N working hours)
] as const;
export type EmailEvent = (typeof EMAIL_EVENTS)[number];

export interface EmailData {
  code: string;
  /** The citizen's name; for agency-warning, the agency's name in Vietnamese (greeting). */
  applicantName: string;
  procedureName: Text;
  /** ISO instants (UTC 'Z' strings). */
  receivedAt: string;
  appointmentAt: string;
  /** The agency concerned: asking for a supplement, refusing, late, warned. */
  agency?: Text;
  /** @deprecated use `agency` (kept while notify-citizen still sends it for apologies). */
  lateAgency?: Text;
  /** Apology, refusal or supplement reason; possibly the same officer-typed text in both languages. */
  reason?: Text;
  /** supplement-request: the documents missing (free text typed by an officer). */
  missing?: string[];
  /** apology */
  originalAppointmentAt?: string;
  /** apology, supplement-received */
  newAppointmentAt?: string;
  /** agency-warning */
  dueAt?: string;
  stepName?: Text;
  /** agency-warning: working hours left until dueAt (the caller computes them on the calendar). */
  workingHoursLeft?: number;
  /** .ics SEQUENCE: 0 at receipt, n for the n-th time the appointment moved (apology default 1). */
  appointmentSequence?: number;
  /** URL of the public lookup; without it the letter says "mã hồ sơ và mã PIN". */
  lookupUrl?: string;
  /** returned: the result file is online, on the citizen's page (never attached). */
  resultAvailable?: boolean;
  resultUrl?: string;
}

export interface EmailAttachment {
  fileName: string;
  contentType: string;
  /** The raw text (the .ics file itself, not base64). */
  content: string;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
  attachments?: EmailAttachment[];
}

// ---- small helpers ------------------------------------------------------------------------

/** Both renderings of an instant, or undefined when it is missing or not a date. */
function when(iso?: string): Text | undefined {
  if (!iso || Number.isNaN(new Date(iso).getTime())) return undefined;
  return { vi: formatVi(iso), en: formatEn(iso) };
}

/** An officer-typed clause without its final full stop, so the template can add one. */
const clause = (s?: string) => s?.trim().replace(/[.\s]+$/, '') || undefined;

const DESK: Text = { vi: 'Bộ phận Một cửa', en: 'The one-stop desk' };
const SIGN_OFF: Text = { vi: `Trân trọng.\n${DESK.vi}`, en: `Yours sincerely,\n${DESK.en}` };
const AUTOMATIC: Text = {
  vi: 'Đây là thư tự động, vui lòng không trả lời thư này.',
  en: 'This is an automatic message; please do not reply to it.',
};

function greeting(d: EmailData): Text {
  return { vi: `Kính gửi ông/bà ${d.applicantName},`, en: `Dear ${d.applicantName},` };
}

function lookup(d: EmailData): Text {
  const at = d.lookupUrl ? { vi: ` tại ${d.lookupUrl}`, en: ` at ${d.lookupUrl}` } : { vi: '', en: '' };
  return {
    vi: `Tra cứu tình trạng hồ sơ${at.vi} bằng mã hồ sơ ${d.code} và mã PIN được cấp khi tiếp nhận.`,
    en: `Look your dossier up${at.en} with its code ${d.code} and the PIN you were given at receipt.`,
  };
}

const dossier = (d: EmailData): Text => ({
  vi: `hồ sơ ${d.code} (${d.procedureName.vi})`,
  en: `dossier ${d.code} (${d.procedureName.en})`,
});

/** The agency concerned; in English with its article ("the Department of …"), lower-case. */
function agencyOf(d: EmailData): Text {
  const a = d.agency ?? d.lateAgency ?? { vi: 'cơ quan giải quyết', en: 'competent agency' };
  return { vi: a.vi, en: /^the\s/i.test(a.en) ? a.en : `the ${a.en}` };
}

/** Upper-case first letter, for a name or phrase that opens a sentence. */
const cap = (s: string) => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);

/** A citizen letter: greeting, the event's paragraphs, how to look up, sign-off. */
function citizen(d: EmailData, subject: Text, vi: Block[], en: Block[]): Letter {
  const [g, how] = [greeting(d), lookup(d)];
  return {
    subject,
    vi: [g.vi, ...vi, how.vi, SIGN_OFF.vi, AUTOMATIC.vi],
    en: [g.en, ...en, how.en, SIGN_OFF.en, AUTOMATIC.en],
  };
}

// ---- the letters --------------------------------------------------------------------------

const letters: Record<EmailEvent, (d: EmailData) => Letter> = {
  receipt: (d) => {
    const [received, due, h] = [when(d.receivedAt), when(d.appointmentAt), dossier(d)];
    return citizen(
      d,
      { vi: `Giấy tiếp nhận hồ sơ và hẹn trả kết quả ${d.code}`, en: `Receipt and appointment ${d.code}` },
      [
        `${DESK.vi} đã tiếp nhận ${h.vi}${received ? ` lúc ${received.vi}` : ''}.`,
        due && `Thời gian hẹn trả kết quả: ${due.vi}. Lịch hẹn được đính kèm thư này (tệp .ics).`,
        'Nếu hồ sơ cần bổ sung hoặc việc giải quyết bị chậm, ông/bà sẽ được thông báo qua thư điện tử.',
      ],
      [
        `${DESK.en} received ${h.en}${received ? ` on ${received.en}` : ''}.`,
        due && `Your result is due on ${due.en}. The appointment is attached to this email (.ics file).`,
        'If the dossier needs a supplement or its processing is late, you will be told by email.',
      ],
    );
  },

  'supplement-request': (d) => {
    const [a, h, reason] = [agencyOf(d), dossier(d), d.reason];
    const missing = (d.missing ?? []).map((m) => m.trim()).filter(Boolean);
    const list = missing.length > 0 && { list: missing };
    return citizen(
      d,
      { vi: `Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ ${d.code}`, en: `Request to supplement dossier ${d.code}` },
      [
        `${cap(a.vi)} đề nghị ông/bà bổ sung, hoàn thiện ${h.vi}${list ? ' với các nội dung sau:' : '.'}`,
        list,
        clause(reason?.vi) && `Lý do: ${clause(reason?.vi)}.`,
        'Thời gian giải quyết hồ sơ tạm dừng từ khi có yêu cầu này và được tính tiếp khi ông/bà nộp đủ phần bổ sung; ngày hẹn trả kết quả mới sẽ được thông báo khi đó.',
        'Nếu có vướng mắc, ông/bà vui lòng liên hệ Bộ phận Một cửa để được hướng dẫn.',
      ],
      [
        `${cap(a.en)} asks you to supplement ${h.en}${list ? ' with the following:' : '.'}`,
        list,
        clause(reason?.en) && `Reason: ${clause(reason?.en)}.`,
        'The processing time is paused from this request and resumes when your supplement is complete; you will then be told the new appointment.',
        'If anything is unclear, please contact the one-stop desk for guidance.',
      ],
    );
  },

  'supplement-received': (d) => {
    const [due, h] = [when(d.newAppointmentAt) ?? when(d.appointmentAt), dossier(d)];
    return citizen(
      d,
      { vi: `Đã nhận hồ sơ bổ sung ${d.code}`, en: `Supplement received for dossier ${d.code}` },
      [
        `Phần bổ sung của ${h.vi} đã được tiếp nhận; việc giải quyết hồ sơ được tiếp tục.`,
        due && `Ngày hẹn trả kết quả mới: ${due.vi}. Lịch hẹn mới được đính kèm thư này (tệp .ics) và thay thế lịch hẹn trước.`,
      ],
      [
        `The supplement to ${h.en} was received; processing resumes.`,
        due && `New appointment: ${due.en}. The new appointment is attached (.ics file) and replaces the previous one.`,
      ],
    );
  },

  refusal: (d) => {
    const [a, h, reason] = [agencyOf(d), dossier(d), d.reason];
    return citizen(
      d,
      { vi: `Phiếu từ chối tiếp nhận, giải quyết hồ sơ ${d.code}`, en: `Refusal to receive or process dossier ${d.code}` },
      [
        `${cap(a.vi)} từ chối tiếp nhận, giải quyết ${h.vi} của ông/bà.`,
        clause(reason?.vi) && `Lý do: ${clause(reason?.vi)}.`,
        'Xin thông báo để ông/bà được biết và thực hiện.',
      ],
      [
        `${cap(a.en)} refuses to receive or process your ${h.en}.`,
        clause(reason?.en) && `Reason: ${clause(reason?.en)}.`,
        'Please take note of this decision.',
      ],
    );
  },

  apology: (d) => {
    const [a, h, reason] = [agencyOf(d), dossier(d), d.reason];
    const [received, before] = [when(d.receivedAt), when(d.originalAppointmentAt)];
    const after = when(d.newAppointmentAt) ?? when(d.appointmentAt);
    return citizen(
      d,
      { vi: `Phiếu xin lỗi và hẹn lại ngày trả kết quả ${d.code}`, en: `Apology and new appointment ${d.code}` },
      [
        `${cap(h.vi)} của ông/bà${received ? ` được tiếp nhận lúc ${received.vi}` : ''}${before ? `, hẹn trả kết quả vào ${before.vi}` : ''}.`,
        `Tuy nhiên, ${a.vi} chưa giải quyết xong hồ sơ đúng hạn.${clause(reason?.vi) ? ` Lý do: ${clause(reason?.vi)}.` : ''}`,
        `Sự chậm trễ này đã gây phiền hà cho ông/bà. ${cap(a.vi)} thành thật xin lỗi ông/bà.`,
        after && `Ngày hẹn trả kết quả mới: ${after.vi}. Lịch hẹn mới được đính kèm thư này (tệp .ics) và thay thế lịch hẹn trước.`,
      ],
      [
        `Your ${h.en} was received${received ? ` on ${received.en}` : ''}${before ? `, and was due on ${before.en}` : ''}.`,
        `However, ${a.en} did not decide it on time.${clause(reason?.en) ? ` Reason: ${clause(reason?.en)}.` : ''}`,
        `We are sorry for the inconvenience this delay causes you; ${a.en} sincerely apologises.`,
        after && `New appointment: ${after.en}. The new appointment is attached (.ics file) and replaces the previous one.`,
      ],
    );
  },

  'result-ready': (d) => {
    const h = dossier(d);
    return citizen(
      d,
      { vi: `Hồ sơ ${d.code} đã có kết quả`, en: `Dossier ${d.code}: your result is ready` },
      [
        `${cap(h.vi)} đã được giải quyết.`,
        'Mời ông/bà đến Bộ phận Một cửa hoặc theo kênh đã đăng ký để nhận kết quả; khi đến nhận, vui lòng mang theo giấy tờ tùy thân và mã hồ sơ.',
      ],
      [
        `Your ${h.en} has been decided.`,
        'Please collect your result at the one-stop desk or through the channel you chose; bring an identity document and the dossier code.',
      ],
    );
  },

  returned: (d) => {
    const h = dossier(d);
    return citizen(
      d,
      { vi: `Đã trả kết quả hồ sơ ${d.code}`, en: `Result handed over for dossier ${d.code}` },
      [
        `Kết quả giải quyết ${h.vi} đã được trao cho ông/bà; hồ sơ đã hoàn thành.`,
        ...(d.resultAvailable ? [`Bản điện tử của kết quả có trên trang hồ sơ${d.resultUrl ? ` ${d.resultUrl}` : ''}: tải về bằng mã hồ sơ và mã PIN.`] : []),
        'Cảm ơn ông/bà đã sử dụng dịch vụ của Bộ phận Một cửa.',
      ],
      [
        `The result of your ${h.en} has been handed over to you; the dossier is complete.`,
        ...(d.resultAvailable ? [`The electronic copy of the result is on your dossier's page${d.resultUrl ? ` ${d.resultUrl}` : ''}: download it with the dossier code and PIN.`] : []),
        'Thank you for using the one-stop desk.',
      ],
    );
  },

  withdrawn: (d) => {
    const [h, due] = [dossier(d), when(d.appointmentAt)];
    return citizen(
      d,
      { vi: `Hồ sơ ${d.code} đã được rút theo đề nghị`, en: `Dossier ${d.code} withdrawn at your request` },
      [
        `Theo đề nghị của ông/bà, ${h.vi} đã được rút. Mọi bước giải quyết hồ sơ đã dừng lại${due ? ` và lịch hẹn trả kết quả ngày ${due.vi} không còn hiệu lực` : ''}.`,
        'Khi có nhu cầu, ông/bà có thể nộp hồ sơ mới.',
      ],
      [
        `At your request, ${h.en} has been withdrawn. All processing has stopped${due ? ` and the appointment on ${due.en} is cancelled` : ''}.`,
        'You may submit a new dossier whenever you need to.',
      ],
    );
  },

  'rating-invitation': (d) => {
    const h = dossier(d);
    const where = d.lookupUrl ? { vi: ` trên trang ${d.lookupUrl}`, en: ` on ${d.lookupUrl}` } : { vi: '', en: '' };
    const api = `POST /public/dossiers/${d.code}/rating`;
    return citizen(
      d,
      { vi: `Mời đánh giá mức độ hài lòng, hồ sơ ${d.code}`, en: `Please rate our service, dossier ${d.code}` },
      [
        `Mời ông/bà đánh giá mức độ hài lòng về việc giải quyết ${h.vi}, từ 1 (rất không hài lòng) đến 5 (rất hài lòng), kèm ý kiến góp ý nếu có.`,
        `Ông/bà đánh giá${where.vi} bằng mã hồ sơ và mã PIN (hoặc gửi yêu cầu ${api} kèm mã hồ sơ và mã PIN). Mỗi hồ sơ được đánh giá một lần.`,
        'Ý kiến của ông/bà giúp chúng tôi phục vụ tốt hơn.',
      ],
      [
        `Please rate how ${h.en} was handled, from 1 (very dissatisfied) to 5 (very satisfied), with a comment if you wish.`,
        `Rate it${where.en} with the dossier code and PIN (or send ${api} with the code and PIN). Each dossier can be rated once.`,
        'Your opinion helps us serve you better.',
      ],
    );
  },

  'agency-warning': (d) => {
    const [due, step] = [when(d.dueAt), d.stepName ?? { vi: 'xử lý', en: 'processing' }];
    const n = d.workingHoursLeft;
    const left =
      typeof n === 'number' && Number.isFinite(n) && n > 0
        ? { vi: ` (còn ${String(n).replace('.', ',')} giờ làm việc)`, en: ` (in ${n} working hour${n === 1 ? '' : 's'})` }
        : { vi: '', en: '' };
    return {
      subject: {
        vi: `Cảnh báo sắp đến hạn: bước ${step.vi}, hồ sơ ${d.code}`,
        en: `Due soon: step ${step.en}, dossier ${d.code}`,
      },
      vi: [
        `Kính gửi: ${d.applicantName},`,
        `Bước “${step.vi}” của hồ sơ ${d.code} (${d.procedureName.vi}) ${due ? `đến hạn vào ${due.vi}${left.vi}` : 'sắp đến hạn'}.`,
        'Đề nghị quý cơ quan hoàn thành bước xử lý, hoặc báo cáo chậm (lý do và ngày hẹn mới) trước thời hạn. Quá hạn, công dân sẽ nhận phiếu xin lỗi và cơ quan chậm được ghi trên phiếu kiểm soát quá trình giải quyết hồ sơ.',
        'Trân trọng.\nHệ thống một cửa điện tử',
        AUTOMATIC.vi,
      ],
      en: [
        `To: ${d.agency?.en ?? d.applicantName},`,
        `Step “${step.en}” of dossier ${d.code} (${d.procedureName.en}) ${due ? `is due on ${due.en}${left.en}` : 'is due soon'}.`,
        'Please decide the step, or report a delay (reason and new date) before it is due. Once it is late, the citizen receives an apology and the late agency is named on the control sheet.',
        'Yours sincerely,\nThe one-stop electronic system',
        AUTOMATIC.en,
      ],
    };
  },
};

/** The appointment each event carries as an .ics, if any. */
const calendar: Partial<Record<EmailEvent, (d: EmailData) => { at: string; sequence: number; cancel?: boolean }>> = {
  receipt: (d) => ({ at: d.appointmentAt, sequence: d.appointmentSequence ?? 0 }),
  apology: (d) => ({ at: d.newAppointmentAt ?? d.appointmentAt, sequence: d.appointmentSequence ?? 1 }),
  // the appointment moved by the paused time: the same event, a higher SEQUENCE
  'supplement-received': (d) => ({ at: d.newAppointmentAt ?? d.appointmentAt, sequence: d.appointmentSequence ?? 1 }),
  // the appointment no longer holds: cancel it, above every SEQUENCE sent before
  withdrawn: (d) => ({ at: d.appointmentAt, sequence: (d.appointmentSequence ?? 0) + 1, cancel: true }),
  refusal: (d) => ({ at: d.appointmentAt, sequence: (d.appointmentSequence ?? 0) + 1, cancel: true }),
};

function appointmentAttachment(d: EmailData, at: string, sequence: number, cancel = false): EmailAttachment {
  const content = appointmentIcs({
    code: d.code,
    appointmentAt: at,
    sequence,
    cancel,
    summary: `Hẹn trả kết quả hồ sơ ${d.code}`,
    description: [
      `${d.procedureName.vi}: hẹn trả kết quả tại Bộ phận Một cửa. Tra cứu bằng mã hồ sơ ${d.code} và mã PIN.`,
      `${d.procedureName.en}: appointment to collect your result at the one-stop desk. Look it up with code ${d.code} and your PIN.`,
    ].join('\n'),
  });
  return { fileName: icsFileName(d.code), contentType: cancel ? ICS_CANCEL_CONTENT_TYPE : ICS_CONTENT_TYPE, content };
}

export function renderEmail(event: EmailEvent, data: EmailData): RenderedEmail {
  const letter = letters[event](data);
  const rendered: RenderedEmail = {
    subject: subjectOf(letter),
    text: toText(letter),
    html: toHtml(letter, data.lookupUrl),
  };
  const ics = calendar[event]?.(data);
  if (ics) rendered.attachments = [appointmentAttachment(data, ics.at, ics.sequence, ics.cancel)];
  return rendered;
}
