/**
 * The `pin-reissued` letter: a new lookup PIN, sent when the desk reissues one or the citizen
 * asks for it ("I lost my PIN"). The PIN (and a reminder's one-time code) are in the letter — that
 * is its point — and nowhere else: never in a log, a queue message or the email marker; they are
 * drawn when the letter is sent (functions/commons/pin-issue.ts). A reminder's PIN works only once
 * the one-time code is entered on the lookup page (by hand, or from the link's fragment, which no
 * server sees); until then the PIN the citizen holds keeps working.
 */
import { subjectOf, toHtml, toText } from './layout';
import { citizen, dossierUrl, type EmailData, type RenderedEmail } from './templates';
import { showConfirmation } from '../pin-budget';

export const PIN_EVENT = 'pin-reissued';

export interface PinLetterData extends EmailData {
  pin: string;
  /** Who asked: the desk, or someone on the public page (the citizen, or anyone with the code). */
  cause: 'desk' | 'reminder';
  /** A reminder's one-time code, which makes the new PIN the dossier's PIN. */
  confirmation?: string;
}

export function renderPinLetter(d: PinLetterData): RenderedEmail {
  if (d.cause === 'reminder' && d.confirmation) return renderReminder(d, d.confirmation);
  const letter = citizen(d, {
    subject: { vi: `Mã PIN tra cứu mới cho hồ sơ ${d.code}`, en: `New lookup PIN for dossier ${d.code}` },
    facts: [{ label: { vi: 'Mã PIN mới', en: 'New PIN' }, value: d.pin }],
    vi: [
      'Theo đề nghị tại Bộ phận Một cửa, mã PIN tra cứu hồ sơ của ông/bà đã được cấp lại.',
      `Mã PIN mới của hồ sơ ${d.code} (${d.procedureName.vi}): ${d.pin}`,
      'Mã PIN trước đây không còn dùng được. Vui lòng không chia sẻ mã PIN với người khác.',
    ],
    en: [
      'As requested at the one-stop desk, the lookup PIN of your dossier has been reissued.',
      `The new PIN of dossier ${d.code} (${d.procedureName.en}): ${d.pin}`,
      'The previous PIN no longer works. Please do not share your PIN with anyone.',
    ],
    next: {
      vi: [`Mở trang hồ sơ bằng nút dưới đây và nhập mã PIN mới.`],
      en: [`Open your dossier's page with the button below and type the new PIN.`],
    },
  });
  return { subject: subjectOf(letter), text: toText(letter), html: toHtml(letter) };
}

function renderReminder(d: PinLetterData, confirmation: string): RenderedEmail {
  const shown = showConfirmation(confirmation);
  const letter = citizen(d, {
    subject: { vi: `Mã PIN tra cứu mới cho hồ sơ ${d.code}`, en: `New lookup PIN for dossier ${d.code}` },
    facts: [
      { label: { vi: 'Mã xác nhận', en: 'Confirmation code' }, value: shown },
      { label: { vi: 'Mã PIN mới', en: 'New PIN' }, value: d.pin },
    ],
    // the code travels in the fragment (#…), which the browser never sends to a server or a log
    action: { url: dossierUrl(d, `#confirm-pin=${shown}`), label: { vi: 'Xác nhận mã PIN mới', en: 'Confirm the new PIN' } },
    vi: [
      'Có yêu cầu cấp lại mã PIN tra cứu hồ sơ của ông/bà trên trang tra cứu.',
      `Mã xác nhận: ${shown}`,
      `Mã PIN mới của hồ sơ ${d.code} (${d.procedureName.vi}): ${d.pin}`,
      'Mã PIN mới chỉ có hiệu lực sau khi ông/bà nhập mã xác nhận (trong vòng 24 giờ). Đến lúc đó, mã PIN cũ vẫn dùng được. Nếu không phải ông/bà yêu cầu, hãy bỏ qua thư này: mã PIN cũ không thay đổi.',
    ],
    en: [
      'A new lookup PIN for your dossier was asked for on the lookup page.',
      `Confirmation code: ${shown}`,
      `The new PIN of dossier ${d.code} (${d.procedureName.en}): ${d.pin}`,
      'The new PIN works only once you enter the confirmation code (within 24 hours). Until then your old PIN keeps working. If it was not you, ignore this letter: your PIN does not change.',
    ],
    next: {
      vi: ['Bấm nút dưới đây (hoặc chọn “Tôi mất mã PIN” trên trang tra cứu và nhập mã xác nhận), rồi tra cứu bằng mã PIN mới.'],
      en: ['Press the button below (or choose “I lost my PIN” on the lookup page and type the confirmation code), then look up with the new PIN.'],
    },
  });
  return { subject: subjectOf(letter), text: toText(letter), html: toHtml(letter) };
}
