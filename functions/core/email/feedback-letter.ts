/**
 * The letters of citizens' feedback (docs/feedback.md): the receipt (`feedback-received`: its
 * code and when it will be answered) and the answer (`feedback-answered`: the agency's answer).
 * Vietnamese first, then English, in the layout every citizen letter has (layout.ts).
 */
import type { Text } from '../model';
import { KIND_NAMES, type FeedbackKind } from '../feedback';
import { formatEn, formatVi } from './format';
import { subjectOf, toHtml, toText, type Block, type Letter } from './layout';
import type { CentreContact, RenderedEmail } from './templates';

export const FEEDBACK_RECEIVED = 'feedback-received';
export const FEEDBACK_ANSWERED = 'feedback-answered';
export const FEEDBACK_EVENTS: readonly string[] = [FEEDBACK_RECEIVED, FEEDBACK_ANSWERED];

export interface FeedbackLetterData {
  code: string;
  centre: CentreContact;
  /** The name the citizen gave, if any. */
  name?: string;
  kind: FeedbackKind;
  receivedAt: string;
  dueAt: string;
  /** feedback-answered */
  answer?: string;
  answeredAt?: string;
  agency?: Text;
}

const AUTOMATIC: Text = {
  vi: 'Đây là thư tự động, vui lòng không trả lời thư này.',
  en: 'This is an automatic message; please do not reply to it.',
};

/** The public page of feedback and published answers (web/citizen, `/c/#feedback`). */
export const feedbackPageUrl = (c: Pick<CentreContact, 'portalUrl'>) => `${c.portalUrl.replace(/\/+$/, '')}/c/#feedback`;

function letter(d: FeedbackLetterData, subject: Text, facts: Letter['facts'], vi: Block[], en: Block[]): Letter {
  const c = d.centre;
  return {
    subject,
    header: c.name,
    facts: [{ label: { vi: 'Mã phản ánh', en: 'Feedback code' }, value: d.code }, ...(facts ?? [])],
    action: { url: feedbackPageUrl(c), label: { vi: 'Xem các câu trả lời đã công khai', en: 'See the published answers' } },
    vi: {
      body: [d.name ? `Kính gửi ông/bà ${d.name},` : 'Kính gửi ông/bà,', ...vi],
      contact: [c.name.vi, `Địa chỉ: ${c.address.vi}`, `Giờ làm việc: ${c.openingHours.vi}`, `Đường dây nóng: ${c.hotline}`],
      signOff: [`Trân trọng.\n${c.name.vi}`, AUTOMATIC.vi],
    },
    en: {
      body: [d.name ? `Dear ${d.name},` : 'Dear Sir or Madam,', ...en],
      contact: [c.name.en, `Address: ${c.address.en}`, `Opening hours: ${c.openingHours.en}`, `Hotline: ${c.hotline}`],
      signOff: [`Yours sincerely,\n${c.name.en}`, AUTOMATIC.en],
    },
  };
}

const render = (l: Letter): RenderedEmail => ({ subject: subjectOf(l), text: toText(l), html: toHtml(l) });

export function renderFeedbackReceived(d: FeedbackLetterData): RenderedEmail {
  const kind = KIND_NAMES[d.kind];
  return render(
    letter(
      d,
      { vi: `Đã tiếp nhận phản ánh, kiến nghị ${d.code}`, en: `Your feedback ${d.code} was received` },
      [
        { label: { vi: 'Loại', en: 'Kind' }, value: kind },
        { label: { vi: 'Tiếp nhận lúc', en: 'Received' }, value: { vi: formatVi(d.receivedAt), en: formatEn(d.receivedAt) } },
        { label: { vi: 'Hạn trả lời', en: 'Answer due by' }, value: { vi: formatVi(d.dueAt), en: formatEn(d.dueAt) } },
      ],
      [
        `${d.centre.name.vi} đã tiếp nhận phản ánh, kiến nghị của ông/bà lúc ${formatVi(d.receivedAt)}, mã số ${d.code}.`,
        `Phản ánh, kiến nghị sẽ được chuyển tới cơ quan có thẩm quyền và được trả lời qua thư điện tử chậm nhất vào ${formatVi(d.dueAt)}.`,
        'Khi liên hệ về phản ánh, kiến nghị này, vui lòng nêu mã số trên.',
      ],
      [
        `The ${d.centre.name.en} received your feedback at ${formatEn(d.receivedAt)}, under the code ${d.code}.`,
        `It goes to the agency competent to answer it, and you will be answered by email by ${formatEn(d.dueAt)} at the latest.`,
        'Please give this code whenever you contact us about it.',
      ],
    ),
  );
}

export function renderFeedbackAnswered(d: FeedbackLetterData): RenderedEmail {
  const at = d.answeredAt ?? d.receivedAt;
  const agency = d.agency ?? d.centre.name;
  return render(
    letter(
      d,
      { vi: `Trả lời phản ánh, kiến nghị ${d.code}`, en: `Answer to your feedback ${d.code}` },
      [
        { label: { vi: 'Cơ quan trả lời', en: 'Answered by' }, value: agency },
        { label: { vi: 'Trả lời lúc', en: 'Answered' }, value: { vi: formatVi(at), en: formatEn(at) } },
      ],
      [`${agency.vi} trả lời phản ánh, kiến nghị ${d.code} của ông/bà như sau:`, d.answer ?? ''],
      [`${agency.en} answers your feedback ${d.code} as follows:`, d.answer ?? ''],
    ),
  );
}
