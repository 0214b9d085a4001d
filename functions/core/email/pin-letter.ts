/**
 * The `pin-reissued` letter: a new lookup PIN, sent when the desk reissues one or the citizen
 * asks for it ("I lost my PIN"). The PIN is in the letter (that is its point) and nowhere else:
 * never in a log, never in the email marker. It has the layout of every citizen letter: the
 * centre's header, the code set apart, the link to the citizen's page, the centre's contact.
 */
import { subjectOf, toHtml, toText } from './layout';
import { citizen, type EmailData, type RenderedEmail } from './templates';

export const PIN_EVENT = 'pin-reissued';

export interface PinLetterData extends EmailData {
  pin: string;
  /** Who asked: the desk, or someone on the public page (the citizen, or anyone with the code). */
  cause: 'desk' | 'reminder';
}

export function renderPinLetter(d: PinLetterData): RenderedEmail {
  const why =
    d.cause === 'desk'
      ? { vi: 'Theo đề nghị tại Bộ phận Một cửa, mã PIN tra cứu hồ sơ của ông/bà đã được cấp lại.', en: 'As requested at the one-stop desk, the lookup PIN of your dossier has been reissued.' }
      : {
          vi: 'Có yêu cầu cấp lại mã PIN tra cứu hồ sơ của ông/bà trên trang tra cứu. Nếu không phải ông/bà yêu cầu, hãy dùng mã PIN mới dưới đây: mã cũ không còn dùng được.',
          en: 'A new lookup PIN for your dossier was asked for on the lookup page. If it was not you, use the new PIN below: the old one no longer works.',
        };
  const letter = citizen(d, {
    subject: { vi: `Mã PIN tra cứu mới cho hồ sơ ${d.code}`, en: `New lookup PIN for dossier ${d.code}` },
    facts: [{ label: { vi: 'Mã PIN mới', en: 'New PIN' }, value: d.pin }],
    vi: [why.vi, `Mã PIN mới của hồ sơ ${d.code} (${d.procedureName.vi}): ${d.pin}`, 'Mã PIN trước đây không còn dùng được. Vui lòng không chia sẻ mã PIN với người khác.'],
    en: [why.en, `The new PIN of dossier ${d.code} (${d.procedureName.en}): ${d.pin}`, 'The previous PIN no longer works. Please do not share your PIN with anyone.'],
    next: {
      vi: [`Mở trang hồ sơ bằng nút dưới đây và nhập mã PIN mới.`],
      en: [`Open your dossier's page with the button below and type the new PIN.`],
    },
  });
  return { subject: subjectOf(letter), text: toText(letter), html: toHtml(letter) };
}
