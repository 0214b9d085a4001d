/**
 * The `pin-reissued` letter: a new lookup PIN, sent when the desk reissues one or the citizen
 * asks for it ("I lost my PIN"). The PIN is in the letter (that is its point) and nowhere else:
 * never in a log, never in the email marker.
 */
import type { Text } from '../model';
import { subjectOf, toHtml, toText, type Letter } from './layout';
import type { RenderedEmail } from './templates';

export const PIN_EVENT = 'pin-reissued';

export interface PinLetterData {
  code: string;
  applicantName: string;
  procedureName: Text;
  pin: string;
  /** Who asked: the desk, or someone on the public page (the citizen, or anyone with the code). */
  cause: 'desk' | 'reminder';
  lookupUrl?: string;
}

export function renderPinLetter(d: PinLetterData): RenderedEmail {
  const at = d.lookupUrl ? { vi: ` tại ${d.lookupUrl}`, en: ` at ${d.lookupUrl}` } : { vi: '', en: '' };
  const why: Text =
    d.cause === 'desk'
      ? { vi: 'Theo đề nghị tại Bộ phận Một cửa, mã PIN tra cứu hồ sơ của ông/bà đã được cấp lại.', en: 'As requested at the one-stop desk, the lookup PIN of your dossier has been reissued.' }
      : {
          vi: 'Có yêu cầu cấp lại mã PIN tra cứu hồ sơ của ông/bà trên trang tra cứu. Nếu không phải ông/bà yêu cầu, ông/bà có thể bỏ qua thư này và dùng mã PIN dưới đây.',
          en: 'A new lookup PIN for your dossier was asked for on the lookup page. If it was not you, you may ignore this email and use the PIN below.',
        };
  const letter: Letter = {
    subject: { vi: `Mã PIN tra cứu mới cho hồ sơ ${d.code}`, en: `New lookup PIN for dossier ${d.code}` },
    vi: [
      `Kính gửi ông/bà ${d.applicantName},`,
      why.vi,
      `Mã PIN mới của hồ sơ ${d.code} (${d.procedureName.vi}): ${d.pin}`,
      'Mã PIN trước đây không còn dùng được. Vui lòng không chia sẻ mã PIN với người khác.',
      `Tra cứu tình trạng hồ sơ${at.vi} bằng mã hồ sơ ${d.code} và mã PIN mới.`,
      'Trân trọng.\nBộ phận Một cửa',
      'Đây là thư tự động, vui lòng không trả lời thư này.',
    ],
    en: [
      `Dear ${d.applicantName},`,
      why.en,
      `The new PIN of dossier ${d.code} (${d.procedureName.en}): ${d.pin}`,
      'The previous PIN no longer works. Please do not share your PIN with anyone.',
      `Look your dossier up${at.en} with its code ${d.code} and the new PIN.`,
      'Yours sincerely,\nThe one-stop desk',
      'This is an automatic message; please do not reply to it.',
    ],
  };
  return { subject: subjectOf(letter), text: toText(letter), html: toHtml(letter, d.lookupUrl) };
}
