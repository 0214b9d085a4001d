/**
 * Every email of a dossier's life, Vietnamese first then English, as data: one small function
 * per event returns the letter (its facts, paragraphs, what to do next, the link to the citizen's
 * page); layout.ts renders text and HTML, ics.ts the appointment. Forms follow Circular
 * 03/2025/TT-VPCP (01 receipt, 02 supplement, 03 refusal, 04 apology). Every citizen letter
 * names the centre (its address, opening hours, hotline: from the centre's profile) and links to
 * `<portalUrl>/c/<code>` — the code only: no letter ever carries the PIN.
 */
import type { RunningCentre } from '../centre';
import type { Text } from '../model';
import { collectionWindow, type IsWorkingDay } from './collection';
import { formatDong } from '../fees';
import { formatEn, formatVi } from './format';
import { appointmentIcs, ICS_CANCEL_CONTENT_TYPE, ICS_CONTENT_TYPE, icsFileName } from './ics';
import { type Block, type Letter, type Part, subjectOf, toHtml, toText } from './layout';

export const EMAIL_EVENTS = [
  'receipt', // form 01: received, appointment, how to follow it (.ics, SEQUENCE 0)
  'supplement-request', // form 02: what is missing and why, how and where to hand it in; the clock is paused
  'supplement-received', // the supplement arrived; processing resumes; the new appointment
  'refusal', // form 03: refused, the reason, the agency
  'apology', // form 04: late agency, reason, original and new appointment (.ics, SEQUENCE n)
  'result-ready', // decided; collect at the desk / chosen channel
  'returned', // result handed over (status 10); thanks
  'withdrawn', // withdrawn at the citizen's request; everything stopped
  'rating-invitation', // invite to rate the service 1–5 with a comment, once (links to the rating page)
  'agency-warning', // to an AGENCY: step X of dossier Y is due at T (in N working hours)
  'fees-due', // status 6: the fee lines and the total, how to pay (online or at the desk); the clock waits (docs/fees.md)
  'payment-receipt', // the electronic receipt of one payment (template, series, number, the lines)
  'payment-refund', // a fee refunded (a refused or withdrawn dossier, a payment not owed): the amount, how, the receipt it refunds
] as const;
export type EmailEvent = (typeof EMAIL_EVENTS)[number];

/**
 * What a letter needs of the centre's profile (`currentCentre()` satisfies it). For a dossier
 * received at a branch desk, `deskContact()` (../centre.ts) gives the branch's address, opening
 * hours and hotline, and its name as `desk`: where the citizen comes.
 */
export type CentreContact = Pick<RunningCentre, 'name' | 'address' | 'openingHours' | 'hotline' | 'portalUrl'> & {
  sender?: { address: string };
  desk?: Text;
};

/** The place the citizen comes to: the branch desk that received the dossier, or the centre. */
const placeOf = (c: CentreContact): Text => c.desk ?? c.name;

export interface EmailData {
  code: string;
  /** The centre: named in every letter; its portalUrl makes the link to the citizen's page. */
  centre: CentreContact;
  /** The citizen's name; for agency-warning, the agency's name in Vietnamese (greeting). */
  applicantName: string;
  procedureName: Text;
  /** ISO instants (UTC 'Z' strings). */
  receivedAt: string;
  appointmentAt: string;
  /** The agency concerned: asking for a supplement, refusing, late, warned. */
  agency?: Text;
  /** apology: every late agency of the letter (one letter for lapses and delays at one instant). */
  agencies?: Text[];
  /** supplement-received: another request is still open, so no new appointment yet (no .ics). */
  appointmentPending?: boolean;
  /** @deprecated use `agency` (kept while notify-citizen still sends it for apologies). */
  lateAgency?: Text;
  /** Apology, refusal or supplement reason; possibly the same officer-typed text in both languages. */
  reason?: Text;
  /** apology: a lapse (the step's due time passed undecided) or a delay reported by the agency. */
  apologyKind?: 'lapse' | 'delay';
  /** supplement-request: the documents missing (free text typed by an officer). */
  missing?: string[];
  /** supplement-request: the date by which to supplement, when the procedure's rules give one. */
  supplementDueAt?: string;
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
  /** returned: the result file is online, on the citizen's page (never attached). */
  resultAvailable?: boolean;
  /**
   * Applied for online (issue 21): the citizen has no paper receipt and no PIN; they follow the
   * dossier on the portal signed in with their national identity (`<portalUrl>/dvc/`), and a
   * `fully` online result is downloaded there rather than collected at the desk.
   */
  online?: 'partly' | 'fully';
  /** fees-due, payment-receipt: the lines and the total in integer đồng (functions/core/fees.ts). */
  fees?: { due: 'submission' | 'before-return'; lines: { code: string; name: Text; amount: number }[]; total: number };
  /** payment-receipt: the electronic receipt (OpenCPS PaymentFileTerm's invoice fields). */
  receipt?: { invoiceTemplateNo: string; invoiceIssueNo: string; invoiceNo: string; method: 'online' | 'cash' | 'card'; paidAt: string; payerName: string };
  /** payment-refund: the amount refunded (integer đồng), how, when, and the officer's reason. */
  refund?: { amount: number; method: 'online' | 'cash' | 'card'; refundedAt: string; reason: string };
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

export interface RenderOptions {
  /** The working calendar (a local date → working or not): the .ics event is a time the desk is open. */
  isWorkingDay?: IsWorkingDay;
}

// ---- small helpers ------------------------------------------------------------------------

/** Both renderings of an instant, or undefined when it is missing or not a date. */
function when(iso?: string): Text | undefined {
  if (!iso || Number.isNaN(new Date(iso).getTime())) return undefined;
  return { vi: formatVi(iso), en: formatEn(iso) };
}

/** An officer-typed clause without its final full stop, so the template can add one. */
const clause = (s?: string) => s?.trim().replace(/[.\s]+$/, '') || undefined;

const AUTOMATIC: Text = {
  vi: 'Đây là thư tự động, vui lòng không trả lời thư này.',
  en: 'This is an automatic message; please do not reply to it.',
};

/** The citizen's page for this dossier: the code in the path, never the PIN. */
export function dossierUrl(d: Pick<EmailData, 'centre' | 'code'>, fragment = ''): string {
  return `${d.centre.portalUrl.replace(/\/+$/, '')}/c/${encodeURIComponent(d.code)}${fragment}`;
}

const OPEN_PAGE: Text = { vi: 'Xem hồ sơ của tôi', en: 'View my dossier' };
/** The portal's pages for a citizen who applied online (signed in, no PIN): `<portalUrl>/dvc/`. */
export function portalUrl(d: Pick<EmailData, 'centre'>): string {
  return `${d.centre.portalUrl.replace(/\/+$/, '')}/dvc/`;
}

const ON_PORTAL: Text = {
  vi: 'Đăng nhập Cổng dịch vụ công bằng tài khoản định danh điện tử quốc gia để xem hồ sơ (mục “Hồ sơ của tôi”); không cần mã PIN.',
  en: 'Sign in to the public service portal with your national electronic identity to follow the dossier (“My dossiers”); no PIN is needed.',
};
const OPEN_PORTAL: Text = { vi: 'Mở Cổng dịch vụ công', en: 'Open the public service portal' };

/** How the citizen opens the page: the code is in the link, the PIN is on the paper receipt. */
const WITH_PIN: Text = {
  vi: 'Trên trang hồ sơ, nhập mã PIN in trên Giấy tiếp nhận hồ sơ (mã PIN không bao giờ được gửi qua thư điện tử).',
  en: 'On the dossier page, type the PIN printed on your paper receipt (the PIN is never sent by email).',
};

function greeting(d: EmailData): Text {
  return { vi: `Kính gửi ông/bà ${d.applicantName},`, en: `Dear ${d.applicantName},` };
}

const dossier = (d: EmailData): Text => ({
  vi: `hồ sơ ${d.code} (${d.procedureName.vi})`,
  en: `dossier ${d.code} (${d.procedureName.en})`,
});

/** An agency's name; in English with its article ("the Department of …"). */
const withArticle = (a: Text): Text => ({ vi: a.vi, en: /^the\s/i.test(a.en) ? a.en : `the ${a.en}` });

/** The agency concerned. */
function agencyOf(d: EmailData): Text {
  return withArticle(d.agency ?? d.lateAgency ?? { vi: 'cơ quan giải quyết', en: 'competent agency' });
}

/** The late agencies of an apology, joined ("A, B và C" / "A, B and C"). */
function lateAgencies(d: EmailData): Text {
  const list = (d.agencies?.length ? d.agencies : [agencyOf(d)]).map(withArticle);
  const join = (names: string[], and: string) => (names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} ${and} ${names.at(-1)}`);
  return { vi: join(list.map((a) => a.vi), 'và'), en: join(list.map((a) => a.en), 'and') };
}

/**
 * The apology's reason in plain words. A lapse is stored with a technical phrase ("the step
 * passed its due time undecided"); the citizen reads what it means instead.
 */
function apologyReason(d: EmailData): Text | undefined {
  const lapse = d.apologyKind === 'lapse' || /passed its due time undecided|quá thời hạn giải quyết của bước/.test(`${d.reason?.en} ${d.reason?.vi}`);
  if (lapse) {
    return {
      vi: 'hồ sơ cần thêm thời gian để xem xét, xử lý và chưa hoàn thành trong thời hạn đã hẹn với ông/bà',
      en: 'the dossier needed more time to examine and could not be completed by the date you were given',
    };
  }
  const [vi, en] = [clause(d.reason?.vi), clause(d.reason?.en)];
  return vi || en ? { vi: vi ?? en!, en: en ?? vi! } : undefined;
}

/** Several agencies named in one sentence: "A, B và C" / "the A, the B and the C". */
function agenciesOf(list: Text[]): Text {
  const each = list.map((x) => agencyOf({ agency: x } as EmailData));
  const join = (xs: string[], and: string) => (xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(', ')} ${and} ${xs.at(-1)}`);
  return { vi: join(each.map((x) => x.vi), 'và'), en: join(each.map((x) => x.en), 'and') };
}

/** Upper-case first letter, for a name or phrase that opens a sentence. */
const cap = (s: string) => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);

/** Where and when to come: the centre's address and opening hours. */
const atCentre = (d: EmailData): Text => ({
  vi: `${placeOf(d.centre).vi}, ${d.centre.address.vi} (${d.centre.openingHours.vi})`,
  en: `${placeOf(d.centre).en}, ${d.centre.address.en} (${d.centre.openingHours.en})`,
});

function contact(d: EmailData): { vi: Block[]; en: Block[] } {
  const c = d.centre;
  return {
    vi: [placeOf(c).vi, `Địa chỉ: ${c.address.vi}`, `Giờ làm việc: ${c.openingHours.vi}`, `Đường dây nóng: ${c.hotline}`],
    en: [placeOf(c).en, `Address: ${c.address.en}`, `Opening hours: ${c.openingHours.en}`, `Hotline: ${c.hotline}`],
  };
}

export interface CitizenLetter {
  subject: Text;
  facts?: { label: Text; value: Text | string }[];
  vi: Block[];
  en: Block[];
  next: { vi: Block[]; en: Block[] };
  /** The page to open; defaults to the dossier's page. */
  action?: { url: string; label: Text };
}

const CODE_LABEL: Text = { vi: 'Mã hồ sơ', en: 'Dossier code' };

/** A citizen letter: the centre's header, the code set apart, greeting, the event, next steps, link, contact. */
export function citizen(d: EmailData, l: CitizenLetter): Letter {
  const [g, c] = [greeting(d), contact(d)];
  const signOff = (lang: 'vi' | 'en'): Block[] => [
    lang === 'vi' ? `Trân trọng.\n${d.centre.name.vi}` : `Yours sincerely,\n${d.centre.name.en}`,
    AUTOMATIC[lang],
  ];
  const howToOpen = d.online ? ON_PORTAL : WITH_PIN;
  const part = (lang: 'vi' | 'en'): Part => ({ body: [g[lang], ...l[lang]], next: [...l.next[lang], howToOpen[lang]], contact: c[lang], signOff: signOff(lang) });
  return {
    subject: l.subject,
    header: d.centre.name,
    facts: [{ label: CODE_LABEL, value: d.code }, ...(l.facts ?? []).filter((f) => f.value)],
    action: l.action ?? (d.online ? { url: portalUrl(d), label: OPEN_PORTAL } : { url: dossierUrl(d), label: OPEN_PAGE }),
    vi: part('vi'),
    en: part('en'),
  };
}

const fact = (label: Text, value?: Text) => (value ? [{ label, value }] : []);

/**
 * From when the citizen can collect a result due at `iso`: the start of its collection window
 * (collection.ts), as the page and the .ics say — an appointment at 12:00 opens at 13:00, never
 * "from 12:00" over the lunch break.
 */
function collectFrom(iso: string | undefined, o: RenderOptions): Text | undefined {
  if (!iso || Number.isNaN(new Date(iso).getTime())) return undefined;
  return when(collectionWindow(iso, o.isWorkingDay).start.toISOString());
}

/** Two instants the same to the minute a letter shows (a "new" date that is the old one). */
const sameMinute = (a?: string, b?: string) => !!a && !!b && Math.floor(Date.parse(a) / 60_000) === Math.floor(Date.parse(b) / 60_000);
const APPOINTMENT: Text = { vi: 'Hẹn trả kết quả', en: 'Result due' };

// ---- the letters --------------------------------------------------------------------------

const letters: Record<EmailEvent, (d: EmailData, o: RenderOptions) => Letter> = {
  receipt: (d, o) => {
    const [received, due, h, where] = [when(d.receivedAt), when(d.appointmentAt), dossier(d), atCentre(d)];
    const from = collectFrom(d.appointmentAt, o);
    return citizen(d, {
      subject: { vi: `Giấy tiếp nhận hồ sơ và hẹn trả kết quả ${d.code}`, en: `Receipt and appointment ${d.code}` },
      facts: [...fact({ vi: 'Ngày tiếp nhận', en: 'Received' }, received), ...fact(APPOINTMENT, due)],
      vi: [
        `${d.centre.name.vi} đã tiếp nhận ${h.vi}${received ? ` lúc ${received.vi}` : ''}.`,
        due && `Thời gian hẹn trả kết quả: ${due.vi}. Lịch hẹn được đính kèm thư này (tệp .ics).`,
        'Nếu hồ sơ cần bổ sung hoặc việc giải quyết bị chậm, ông/bà sẽ được thông báo qua thư điện tử.',
      ],
      en: [
        `${d.centre.name.en} received ${h.en}${received ? ` on ${received.en}` : ''}.`,
        due && `Your result is due on ${due.en}. The appointment is attached to this email (.ics file).`,
        'If the dossier needs a supplement or its processing is late, you will be told by email.',
      ],
      next: {
        vi: [
          `Ông/bà không cần làm gì thêm lúc này. Theo dõi hồ sơ bất cứ lúc nào bằng nút “${d.online ? OPEN_PORTAL.vi : OPEN_PAGE.vi}” dưới đây.`,
          d.online === 'fully'
            ? 'Kết quả được trả trực tuyến: khi có kết quả, ông/bà nhận thư báo và tải kết quả trên Cổng dịch vụ công.'
            : d.online
              ? `Nhận kết quả${from ? ` từ ${from.vi}` : ''} tại ${where.vi}; mang theo giấy tờ tùy thân và mã hồ sơ.`
              : `Nhận kết quả${from ? ` từ ${from.vi}` : ''} tại ${where.vi}; mang theo Giấy tiếp nhận hồ sơ và giấy tờ tùy thân.`,
        ],
        en: [
          `There is nothing you need to do now. Follow your dossier at any time with the “${d.online ? OPEN_PORTAL.en : OPEN_PAGE.en}” button below.`,
          d.online === 'fully'
            ? 'The result is returned online: when it is ready you will get an email and download it on the public service portal.'
            : d.online
              ? `Collect your result${from ? ` from ${from.en}` : ''} at ${where.en}; bring an identity document and the dossier code.`
              : `Collect your result${from ? ` from ${from.en}` : ''} at ${where.en}; bring the paper receipt and an identity document.`,
        ],
      },
    });
  },

  'supplement-request': (d) => {
    const [a, h, where, by] = [agencyOf(d), dossier(d), atCentre(d), when(d.supplementDueAt)];
    const reason = { vi: clause(d.reason?.vi), en: clause(d.reason?.en) };
    const missing = (d.missing ?? []).map((m) => m.trim()).filter(Boolean);
    const list = missing.length > 0 && { list: missing };
    return citizen(d, {
      subject: { vi: `Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ ${d.code}`, en: `Request to supplement dossier ${d.code}` },
      facts: fact({ vi: 'Hạn bổ sung', en: 'Supplement by' }, by),
      vi: [
        `${cap(a.vi)} đề nghị ông/bà bổ sung, hoàn thiện ${h.vi}${list ? ' với các nội dung sau:' : '.'}`,
        list,
        reason.vi && `Lý do: ${reason.vi}.`,
        'Thời gian giải quyết hồ sơ tạm dừng từ khi có yêu cầu này và được tính tiếp khi ông/bà nộp đủ phần bổ sung; ngày hẹn trả kết quả mới sẽ được thông báo khi đó.',
      ],
      en: [
        `${cap(a.en)} asks you to supplement ${h.en}${list ? ' with the following:' : '.'}`,
        list,
        reason.en && `Reason: ${reason.en}.`,
        'The processing time is paused from this request and resumes when your supplement is complete; you will then be told the new appointment.',
      ],
      next: {
        vi: [
          `Gửi ${missing.length ? 'các giấy tờ trên' : 'phần bổ sung'} ngay trên trang hồ sơ (nút “Gửi bổ sung” dưới đây), hoặc nộp trực tiếp tại ${where.vi}.`,
          by
            ? `Hạn bổ sung: ${by.vi}.`
            : 'Hãy bổ sung càng sớm càng tốt: hồ sơ chỉ được giải quyết tiếp khi đã nhận đủ phần bổ sung.',
          `Nếu có vướng mắc, gọi đường dây nóng ${d.centre.hotline}.`,
        ],
        en: [
          `Send ${missing.length ? 'the documents above' : 'the supplement'} on the dossier page (the “Send the supplement” button below), or hand ${missing.length ? 'them' : 'it'} in at ${where.en}.`,
          by ? `Supplement by: ${by.en}.` : 'Please supplement as soon as you can: the dossier is processed further only once the supplement is complete.',
          `If anything is unclear, call the hotline ${d.centre.hotline}.`,
        ],
      },
      action: { url: dossierUrl(d, '#supplement'), label: { vi: 'Gửi bổ sung', en: 'Send the supplement' } },
    });
  },

  'supplement-received': (d, o) => {
    const [due, h, where] = [d.appointmentPending ? undefined : (when(d.newAppointmentAt) ?? when(d.appointmentAt)), dossier(d), atCentre(d)];
    const from = d.appointmentPending ? undefined : collectFrom(d.newAppointmentAt ?? d.appointmentAt, o);
    return citizen(d, {
      subject: { vi: `Đã nhận hồ sơ bổ sung ${d.code}`, en: `Supplement received for dossier ${d.code}` },
      facts: fact({ vi: 'Hẹn trả kết quả mới', en: 'New result date' }, due),
      vi: [
        `Phần bổ sung của ${h.vi} đã được tiếp nhận; việc giải quyết hồ sơ được tiếp tục.`,
        due && `Ngày hẹn trả kết quả mới: ${due.vi}. Lịch hẹn mới được đính kèm thư này (tệp .ics) và thay thế lịch hẹn trước.`,
        d.appointmentPending && 'Hồ sơ còn chờ phần bổ sung theo yêu cầu khác; ngày hẹn trả kết quả mới sẽ được thông báo khi nhận đủ.',
      ],
      en: [
        `The supplement to ${h.en} was received; processing resumes.`,
        due && `New appointment: ${due.en}. The new appointment is attached (.ics file) and replaces the previous one.`,
        d.appointmentPending && 'Another request for a supplement is still open; you will be told the new appointment once everything is in.',
      ],
      next: {
        vi: [`Ông/bà không cần làm gì thêm. Nhận kết quả${from ? ` từ ${from.vi}` : ''} tại ${where.vi}.`],
        en: [`There is nothing more you need to do. Collect your result${from ? ` from ${from.en}` : ''} at ${where.en}.`],
      },
    });
  },

  refusal: (d) => {
    const [a, h, reason, where] = [agencyOf(d), dossier(d), d.reason, atCentre(d)];
    return citizen(d, {
      subject: { vi: `Phiếu từ chối tiếp nhận, giải quyết hồ sơ ${d.code}`, en: `Refusal to receive or process dossier ${d.code}` },
      vi: [
        `${cap(a.vi)} từ chối tiếp nhận, giải quyết ${h.vi} của ông/bà.`,
        clause(reason?.vi) && `Lý do: ${clause(reason?.vi)}.`,
        'Mọi bước giải quyết hồ sơ đã dừng lại; lịch hẹn trả kết quả không còn hiệu lực.',
      ],
      en: [
        `${cap(a.en)} refuses to receive or process your ${h.en}.`,
        clause(reason?.en) && `Reason: ${clause(reason?.en)}.`,
        'All processing has stopped; the appointment is cancelled.',
      ],
      next: {
        vi: [
          `Nếu cần được giải thích thêm, gọi đường dây nóng ${d.centre.hotline} hoặc đến ${where.vi}.`,
          'Khi đã đủ điều kiện, ông/bà có thể nộp hồ sơ mới.',
        ],
        en: [`If you would like this explained, call the hotline ${d.centre.hotline} or come to ${where.en}.`, 'Once you meet the conditions, you may submit a new dossier.'],
      },
    });
  },

  apology: (d, o) => {
    const [a, h, reason, where] = [lateAgencies(d), dossier(d), apologyReason(d), atCentre(d)];
    const [received, before] = [when(d.receivedAt), when(d.originalAppointmentAt)];
    const afterAt = d.newAppointmentAt ?? d.appointmentAt;
    // a later apology whose facts did not move the appointment (another step lapsed within it):
    // the date stands, the letter says so instead of announcing the same date as "new"
    const unchanged = sameMinute(d.originalAppointmentAt, afterAt);
    const after = when(afterAt);
    const from = collectFrom(afterAt, o);
    return citizen(d, {
      subject: unchanged
        ? { vi: `Phiếu xin lỗi về việc giải quyết chậm ${d.code}`, en: `Apology for the delay ${d.code}` }
        : { vi: `Phiếu xin lỗi và hẹn lại ngày trả kết quả ${d.code}`, en: `Apology and new appointment ${d.code}` },
      facts: unchanged
        ? fact({ vi: 'Ngày hẹn trả kết quả (không đổi)', en: 'Result due (unchanged)' }, after)
        : [...fact({ vi: 'Ngày hẹn cũ', en: 'Original date' }, before), ...fact({ vi: 'Ngày hẹn mới', en: 'New date' }, after)],
      vi: [
        `${cap(h.vi)} của ông/bà${received ? ` được tiếp nhận lúc ${received.vi}` : ''}${before ? `, hẹn trả kết quả vào ${before.vi}` : ''}.`,
        `Tuy nhiên, ${a.vi} chưa giải quyết xong hồ sơ đúng hạn.${reason ? ` Lý do: ${reason.vi}.` : ''}`,
        `Sự chậm trễ này đã gây phiền hà cho ông/bà. ${cap(a.vi)} thành thật xin lỗi ông/bà.`,
        after &&
          (unchanged
            ? `Ngày hẹn trả kết quả không thay đổi: ${after.vi}. Lịch hẹn đính kèm thư này (tệp .ics) giữ nguyên thời gian.`
            : `Ngày hẹn trả kết quả mới: ${after.vi}. Lịch hẹn mới được đính kèm thư này (tệp .ics) và thay thế lịch hẹn trước.`),
      ],
      en: [
        `Your ${h.en} was received${received ? ` on ${received.en}` : ''}${before ? `, and was due on ${before.en}` : ''}.`,
        `However, ${a.en} did not decide it on time.${reason ? ` Reason: ${reason.en}.` : ''}`,
        `We are sorry for the inconvenience this delay causes you; ${a.en} sincerely ${(d.agencies?.length ?? 0) > 1 ? 'apologise' : 'apologises'}.`,
        after &&
          (unchanged
            ? `Your result is still due on ${after.en}. The appointment attached (.ics file) keeps the same time.`
            : `New appointment: ${after.en}. The new appointment is attached (.ics file) and replaces the previous one.`),
      ],
      next: {
        vi: [`Ông/bà không cần làm gì thêm. Nhận kết quả${from ? ` từ ${from.vi}` : ''} tại ${where.vi}.`],
        en: [`There is nothing you need to do. Collect your result${from ? ` from ${from.en}` : ''} at ${where.en}.`],
      },
    });
  },

  'fees-due': (d) => {
    const [h, where] = [dossier(d), atCentre(d)];
    const f = d.fees ?? { due: 'submission' as const, lines: [], total: 0 };
    const list = (lang: 'vi' | 'en') => ({ list: f.lines.map((l) => `${l.name[lang]} (${l.code}): ${formatDong(l.amount)}`) });
    const total = formatDong(f.total);
    const after = f.due === 'before-return';
    return citizen(d, {
      subject: { vi: `Thông báo nộp phí, lệ phí hồ sơ ${d.code}`, en: `Fees to pay for dossier ${d.code}` },
      facts: [{ label: { vi: 'Tổng số tiền', en: 'Total' }, value: total }],
      vi: [
        after ? `${cap(h.vi)} đã được giải quyết; để nhận kết quả, ông/bà cần nộp các khoản phí, lệ phí sau:` : `Để ${h.vi} được giải quyết, ông/bà cần nộp các khoản phí, lệ phí sau:`,
        list('vi'),
        `Tổng cộng: ${total}.`,
        'Thời gian chờ nộp phí, lệ phí không tính vào thời gian giải quyết; ngày hẹn được tính tiếp khi đã nộp.',
      ],
      en: [
        after ? `Your ${h.en} has been decided; before the result is handed over, the following fees are due:` : `Before your ${h.en} is processed, the following fees are due:`,
        list('en'),
        `Total: ${total}.`,
        'The time until the fees are paid is not counted in the processing time; the appointment moves on once they are paid.',
      ],
      next: {
        vi: [`Nộp trực tuyến trên trang hồ sơ (nút bên dưới, chọn “Thanh toán trực tuyến”), hoặc nộp tiền mặt, thẻ tại ${where.vi}. Biên lai điện tử được gửi qua thư điện tử.`],
        en: [`Pay online on your dossier's page (the button below, then “Pay online”), or in cash or by card at ${where.en}. The electronic receipt is sent by email.`],
      },
    });
  },

  'payment-receipt': (d) => {
    const r = d.receipt;
    const f = d.fees ?? { due: 'submission' as const, lines: [], total: 0 };
    const method = { online: { vi: 'trực tuyến', en: 'online' }, cash: { vi: 'tiền mặt', en: 'cash' }, card: { vi: 'thẻ', en: 'card' } }[r?.method ?? 'online'];
    const paid = when(r?.paidAt);
    const list = (lang: 'vi' | 'en') => ({ list: f.lines.map((l) => `${l.name[lang]} (${l.code}): ${formatDong(l.amount)}`) });
    return citizen(d, {
      subject: { vi: `Biên lai thu phí, lệ phí ${r?.invoiceIssueNo ?? ''} số ${r?.invoiceNo ?? ''} — hồ sơ ${d.code}`, en: `Receipt ${r?.invoiceIssueNo ?? ''} no. ${r?.invoiceNo ?? ''} for dossier ${d.code}` },
      facts: [
        { label: { vi: 'Mẫu số', en: 'Template' }, value: r?.invoiceTemplateNo ?? '' },
        { label: { vi: 'Ký hiệu', en: 'Series' }, value: r?.invoiceIssueNo ?? '' },
        { label: { vi: 'Số biên lai', en: 'Receipt number' }, value: r?.invoiceNo ?? '' },
        { label: { vi: 'Số tiền', en: 'Amount' }, value: formatDong(f.total) },
        ...fact({ vi: 'Ngày thu', en: 'Paid' }, paid),
      ],
      vi: [`${d.centre.name.vi} đã nhận khoản nộp ${method.vi} của ông/bà ${r?.payerName ?? ''}:`, list('vi'), `Tổng cộng: ${formatDong(f.total)}.`],
      en: [`${d.centre.name.en} received your ${method.en} payment (payer: ${r?.payerName ?? ''}):`, list('en'), `Total: ${formatDong(f.total)}.`],
      next: {
        vi: ['Đây là biên lai điện tử; ông/bà có thể xem và tải lại trên trang hồ sơ.'],
        en: ['This is your electronic receipt; you can see and download it again on your dossier\'s page.'],
      },
    });
  },

  'payment-refund': (d) => {
    const r = d.receipt;
    const f = d.refund ?? { amount: 0, method: 'online' as const, refundedAt: '', reason: '' };
    const amount = formatDong(f.amount);
    const how =
      f.method === 'online'
        ? { vi: 'được hoàn về tài khoản, thẻ mà ông/bà đã dùng để thanh toán', en: 'returned to the account or card you paid with' }
        : { vi: 'đã được hoàn trả bằng tiền mặt tại quầy', en: 'handed back in cash at the desk' };
    return citizen(d, {
      subject: { vi: `Thông báo hoàn trả phí, lệ phí — hồ sơ ${d.code}`, en: `Fees refunded for dossier ${d.code}` },
      facts: [
        { label: { vi: 'Số tiền hoàn trả', en: 'Amount refunded' }, value: amount },
        { label: { vi: 'Biên lai', en: 'Receipt' }, value: `${r?.invoiceIssueNo ?? ''} số ${r?.invoiceNo ?? ''}` },
        ...fact({ vi: 'Ngày hoàn trả', en: 'Refunded' }, when(f.refundedAt)),
      ],
      vi: [`${d.centre.name.vi} hoàn trả ông/bà ${amount} đã nộp cho hồ sơ ${d.code}; số tiền ${how.vi}.`, `Lý do: ${f.reason}`],
      en: [`${d.centre.name.en} has refunded the ${amount} you paid for dossier ${d.code}; the money is ${how.en}.`, `Reason: ${f.reason}`],
      next: {
        vi: [f.method === 'online' ? 'Thời gian tiền về tài khoản tùy ngân hàng, tổ chức thanh toán của ông/bà.' : 'Ông/bà không cần làm gì thêm.'],
        en: [f.method === 'online' ? 'When the money reaches your account depends on your bank or payment provider.' : 'There is nothing you need to do.'],
      },
    });
  },

  'result-ready': (d) => {
    const [h, where] = [dossier(d), atCentre(d)];
    return citizen(d, {
      subject: { vi: `Hồ sơ ${d.code} đã có kết quả`, en: `Dossier ${d.code}: your result is ready` },
      vi: [`${cap(h.vi)} đã được giải quyết.`],
      en: [`Your ${h.en} has been decided.`],
      next:
        d.online === 'fully'
          ? {
              // returned online (docs/online.md): the download hands the result back
              vi: ['Đăng nhập Cổng dịch vụ công, mở hồ sơ trong mục “Hồ sơ của tôi” và tải kết quả về; khi ông/bà tải về, hồ sơ được ghi nhận là đã trả kết quả.'],
              en: ['Sign in to the public service portal, open the dossier under “My dossiers” and download the result; once you download it, the result counts as handed over.'],
            }
          : d.online
            ? {
                vi: [`Mời ông/bà đến nhận kết quả tại ${where.vi}; khi đến, vui lòng mang theo giấy tờ tùy thân và mã hồ sơ.`],
                en: [`Please collect your result at ${where.en}; bring an identity document and the dossier code.`],
              }
            : {
                vi: [`Mời ông/bà đến nhận kết quả tại ${where.vi}, hoặc theo kênh đã đăng ký; khi đến, vui lòng mang theo Giấy tiếp nhận hồ sơ và giấy tờ tùy thân.`],
                en: [`Please collect your result at ${where.en}, or through the channel you chose; bring the paper receipt and an identity document.`],
              },
    });
  },

  returned: (d) => {
    const h = dossier(d);
    return citizen(d, {
      subject: { vi: `Đã trả kết quả hồ sơ ${d.code}`, en: `Result handed over for dossier ${d.code}` },
      vi: [
        `Kết quả giải quyết ${h.vi} đã được trao cho ông/bà; hồ sơ đã hoàn thành.`,
        ...(d.resultAvailable ? [d.online ? 'Bản điện tử của kết quả có trên Cổng dịch vụ công (mục “Hồ sơ của tôi”, đăng nhập bằng tài khoản định danh điện tử).' : `Bản điện tử của kết quả có trên trang hồ sơ: tải về bằng mã hồ sơ và mã PIN (nút bên dưới).`] : []),
        `Cảm ơn ông/bà đã sử dụng dịch vụ của ${d.centre.name.vi}.`,
      ],
      en: [
        `The result of your ${h.en} has been handed over to you; the dossier is complete.`,
        ...(d.resultAvailable ? [d.online ? 'The electronic copy of the result is on the public service portal (“My dossiers”, signed in with your national electronic identity).' : `The electronic copy of the result is on your dossier's page: download it with the dossier code and PIN (the button below).`] : []),
        `Thank you for using the services of ${d.centre.name.en}.`,
      ],
      next: {
        vi: [`Ông/bà không cần làm gì thêm. Nếu kết quả có sai sót, gọi đường dây nóng ${d.centre.hotline}.`],
        en: [`There is nothing more you need to do. If the result contains a mistake, call the hotline ${d.centre.hotline}.`],
      },
    });
  },

  withdrawn: (d) => {
    const [h, due] = [dossier(d), when(d.appointmentAt)];
    return citizen(d, {
      subject: { vi: `Hồ sơ ${d.code} đã được rút theo đề nghị`, en: `Dossier ${d.code} withdrawn at your request` },
      vi: [
        `Theo đề nghị của ông/bà, ${h.vi} đã được rút. Mọi bước giải quyết hồ sơ đã dừng lại${due ? ` và lịch hẹn trả kết quả ngày ${due.vi} không còn hiệu lực` : ''}.`,
      ],
      en: [`At your request, ${h.en} has been withdrawn. All processing has stopped${due ? ` and the appointment on ${due.en} is cancelled` : ''}.`],
      next: {
        vi: [
          `Ông/bà không cần làm gì thêm; khi có nhu cầu, ông/bà có thể nộp hồ sơ mới.`,
          `Nếu ông/bà không đề nghị rút hồ sơ này, hãy gọi ngay đường dây nóng ${d.centre.hotline}.`,
        ],
        en: ['There is nothing more you need to do; you may submit a new dossier whenever you need to.', `If you did not ask to withdraw this dossier, call the hotline ${d.centre.hotline} at once.`],
      },
    });
  },

  'rating-invitation': (d) => {
    const h = dossier(d);
    return citizen(d, {
      subject: { vi: `Mời đánh giá mức độ hài lòng, hồ sơ ${d.code}`, en: `Please rate our service, dossier ${d.code}` },
      vi: [
        `Mời ông/bà đánh giá mức độ hài lòng về việc giải quyết ${h.vi}, từ 1 (rất không hài lòng) đến 5 (rất hài lòng), kèm ý kiến góp ý nếu có.`,
        'Ý kiến của ông/bà giúp chúng tôi phục vụ tốt hơn.',
        'Trên cùng trang, ông/bà có thể đánh giá theo từng tiêu chí của phiếu đánh giá (thái độ, hướng dẫn, đúng hẹn, số lần đi lại…); đánh giá được tính cho các cán bộ đã giải quyết hồ sơ.',
      ],
      en: [
        `Please rate how ${h.en} was handled, from 1 (very dissatisfied) to 5 (very satisfied), with a comment if you wish.`,
        'Your opinion helps us serve you better.',
        "On the same page you can evaluate each criterion of the centre's form (attitude, guidance, timeliness, visits needed…); it counts towards the officers who handled the dossier.",
      ],
      next: {
        vi: ['Bấm nút “Đánh giá” dưới đây, chọn mức từ 1 đến 5 và viết góp ý nếu muốn. Mỗi hồ sơ được đánh giá một lần.'],
        en: ['Press the “Rate the service” button below, choose from 1 to 5 and add a comment if you wish. Each dossier can be rated once.'],
      },
      action: { url: dossierUrl(d, '#rating'), label: { vi: 'Đánh giá', en: 'Rate the service' } },
    });
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
      header: d.centre.name,
      facts: [{ label: CODE_LABEL, value: d.code }, ...fact({ vi: 'Đến hạn', en: 'Due' }, due)],
      vi: {
        body: [
          `Kính gửi: ${d.applicantName},`,
          `Bước “${step.vi}” của hồ sơ ${d.code} (${d.procedureName.vi}) ${due ? `đến hạn vào ${due.vi}${left.vi}` : 'sắp đến hạn'}.`,
        ],
        next: ['Đề nghị quý cơ quan hoàn thành bước xử lý, hoặc báo cáo chậm (lý do và ngày hẹn mới) trước thời hạn. Quá hạn, công dân sẽ nhận phiếu xin lỗi và cơ quan chậm được ghi trên phiếu kiểm soát quá trình giải quyết hồ sơ.'],
        signOff: [`Trân trọng.\nHệ thống một cửa điện tử, ${d.centre.name.vi}`, AUTOMATIC.vi],
      },
      en: {
        body: [
          `To: ${d.agency?.en ?? d.applicantName},`,
          `Step “${step.en}” of dossier ${d.code} (${d.procedureName.en}) ${due ? `is due on ${due.en}${left.en}` : 'is due soon'}.`,
        ],
        next: ['Please decide the step, or report a delay (reason and new date) before it is due. Once it is late, the citizen receives an apology and the late agency is named on the control sheet.'],
        signOff: [`Yours sincerely,\nThe one-stop electronic system, ${d.centre.name.en}`, AUTOMATIC.en],
      },
    };
  },
};

/** The appointment each event carries as an .ics, if any. */
const calendar: Partial<Record<EmailEvent, (d: EmailData) => { at: string; sequence: number; cancel?: boolean } | undefined>> = {
  receipt: (d) => ({ at: d.appointmentAt, sequence: d.appointmentSequence ?? 0 }),
  apology: (d) => ({ at: d.newAppointmentAt ?? d.appointmentAt, sequence: d.appointmentSequence ?? 1 }),
  // the appointment moved by the paused time: the same event, a higher SEQUENCE
  'supplement-received': (d) => (d.appointmentPending ? undefined : { at: d.newAppointmentAt ?? d.appointmentAt, sequence: d.appointmentSequence ?? 1 }),
  // the appointment no longer holds: cancel it, above every SEQUENCE sent before
  withdrawn: (d) => ({ at: d.appointmentAt, sequence: (d.appointmentSequence ?? 0) + 1, cancel: true }),
  refusal: (d) => ({ at: d.appointmentAt, sequence: (d.appointmentSequence ?? 0) + 1, cancel: true }),
};

/**
 * The appointment as an event: the time the citizen can collect (from the appointment to the
 * end of that working window, or the next window when it falls at a window's end), at the
 * centre's address, organised by the centre.
 */
export function appointmentAttachment(d: EmailData, at: string, sequence: number, cancel = false, options: RenderOptions = {}): EmailAttachment {
  const window = collectionWindow(at, options.isWorkingDay);
  const c = d.centre;
  const content = appointmentIcs({
    code: d.code,
    appointmentAt: window.start.toISOString(),
    endAt: window.end.toISOString(),
    sequence,
    cancel,
    summary: `Nhận kết quả hồ sơ ${d.code} — ${c.name.vi}`,
    location: c.address.vi,
    organizer: c.sender ? { name: c.name.vi, email: c.sender.address } : undefined,
    description: [
      `${d.procedureName.vi}: nhận kết quả tại ${placeOf(c).vi}, ${c.address.vi} (${c.openingHours.vi}). Đường dây nóng: ${c.hotline}. Trang hồ sơ: ${dossierUrl(d)}`,
      `${d.procedureName.en}: collect your result at ${placeOf(c).en}, ${c.address.en} (${c.openingHours.en}). Hotline: ${c.hotline}. Dossier page: ${dossierUrl(d)}`,
    ].join('\n'),
  });
  return { fileName: icsFileName(d.code), contentType: cancel ? ICS_CANCEL_CONTENT_TYPE : ICS_CONTENT_TYPE, content };
}

export function renderEmail(event: EmailEvent, data: EmailData, options: RenderOptions = {}): RenderedEmail {
  const letter = letters[event](data, options);
  const rendered: RenderedEmail = { subject: subjectOf(letter), text: toText(letter), html: toHtml(letter) };
  const ics = calendar[event]?.(data);
  if (ics) rendered.attachments = [appointmentAttachment(data, ics.at, ics.sequence, ics.cancel, options)];
  return rendered;
}
