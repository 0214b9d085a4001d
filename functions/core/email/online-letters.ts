/**
 * The letters of the desk's check of an online dossier (issue 21 item 4; docs/online.md):
 *  - `online-completion`: the desk asks the citizen to complete the application — what is
 *    missing and why, completed on the portal (`<portalUrl>/dvc/`);
 *  - `online-not-received`: form 03 (Phiếu từ chối tiếp nhận hồ sơ, Circular 01/2018/TT-VPCP as
 *    replaced by Circular 03/2025/TT-VPCP) — the desk refuses to receive it, with the reason;
 *  - `check-lapse`: to the DESK's agency address — the check time of an online dossier lapsed.
 * Vietnamese first, then English, through the same layout as every other letter.
 */
import type { Text } from '../model';
import { formatEn, formatVi } from './format';
import { subjectOf, toHtml, toText } from './layout';
import { citizen, portalUrl, type EmailData, type RenderedEmail } from './templates';

export const COMPLETION_EVENT = 'online-completion';
export const NOT_RECEIVED_EVENT = 'online-not-received';
export const LAPSE_EVENT = 'check-lapse';
export const ONLINE_CHECK_EVENTS = [COMPLETION_EVENT, NOT_RECEIVED_EVENT, LAPSE_EVENT] as const;
export type OnlineCheckEvent = (typeof ONLINE_CHECK_EVENTS)[number];

export interface OnlineCheckLetterData extends EmailData {
  /** When the desk checked or asked (ISO instant); when submitted, for a lapse. */
  at: string;
  /** check-lapse: the check's due time; the desk's name (greeting). */
  checkDueAt?: string;
  deskName?: Text;
}

const clause = (s?: string) => s?.trim().replace(/[.\s]+$/, '') || undefined;
const AUTOMATIC: Text = { vi: 'Đây là thư tự động, vui lòng không trả lời thư này.', en: 'This is an automatic message; please do not reply to it.' };
const CODE: Text = { vi: 'Mã hồ sơ', en: 'Dossier code' };

function completion(d: OnlineCheckLetterData) {
  const missing = (d.missing ?? []).map((m) => m.trim()).filter(Boolean);
  const list = missing.length > 0 && { list: missing };
  const reason = { vi: clause(d.reason?.vi), en: clause(d.reason?.en) };
  return citizen(d, {
    subject: { vi: `Đề nghị bổ sung, hoàn thiện hồ sơ trực tuyến ${d.code}`, en: `Please complete your online application ${d.code}` },
    facts: [{ label: { vi: 'Ngày nộp', en: 'Submitted' }, value: { vi: formatVi(d.receivedAt), en: formatEn(d.receivedAt) } }],
    vi: [
      `Bộ phận Một cửa đã kiểm tra hồ sơ ${d.code} (${d.procedureName.vi}) ông/bà nộp trực tuyến; hồ sơ chưa đủ để tiếp nhận${list ? '. Đề nghị ông/bà bổ sung, hoàn thiện:' : '.'}`,
      list,
      reason.vi && `Lý do: ${reason.vi}.`,
      'Hồ sơ chưa được tiếp nhận chính thức; thời gian giải quyết chỉ bắt đầu được tính khi hồ sơ đầy đủ và được tiếp nhận.',
    ],
    en: [
      `The one-stop desk checked dossier ${d.code} (${d.procedureName.en}) that you applied for online; it is not complete enough to be received${list ? '. Please complete it with:' : '.'}`,
      list,
      reason.en && `Reason: ${reason.en}.`,
      'The dossier is not received yet; the processing time starts only once it is complete and received.',
    ],
    next: {
      vi: ['Đăng nhập Cổng dịch vụ công, mở hồ sơ trong mục “Hồ sơ của tôi”, bổ sung các nội dung trên và gửi lại.', `Nếu có vướng mắc, gọi đường dây nóng ${d.centre.hotline}.`],
      en: ['Sign in to the public service portal, open the dossier under “My dossiers”, complete it as above and send it again.', `If anything is unclear, call the hotline ${d.centre.hotline}.`],
    },
    action: { url: portalUrl(d), label: { vi: 'Bổ sung trên Cổng dịch vụ công', en: 'Complete it on the portal' } },
  });
}

function notReceived(d: OnlineCheckLetterData) {
  const reason = { vi: clause(d.reason?.vi), en: clause(d.reason?.en) };
  return citizen(d, {
    subject: { vi: `Phiếu từ chối tiếp nhận hồ sơ ${d.code}`, en: `Refusal to receive dossier ${d.code}` },
    facts: [{ label: { vi: 'Ngày nộp', en: 'Submitted' }, value: { vi: formatVi(d.receivedAt), en: formatEn(d.receivedAt) } }],
    vi: [
      `Bộ phận Một cửa từ chối tiếp nhận hồ sơ ${d.code} (${d.procedureName.vi}) ông/bà nộp trực tuyến.`,
      reason.vi && `Lý do: ${reason.vi}.`,
      'Hồ sơ không được tiếp nhận nên không được giải quyết.',
    ],
    en: [
      `The one-stop desk refuses to receive dossier ${d.code} (${d.procedureName.en}) that you applied for online.`,
      reason.en && `Reason: ${reason.en}.`,
      'As it is not received, it will not be processed.',
    ],
    next: {
      vi: [`Nếu cần được giải thích thêm, gọi đường dây nóng ${d.centre.hotline}.`, 'Khi đã đủ điều kiện, ông/bà có thể nộp hồ sơ mới trên Cổng dịch vụ công.'],
      en: [`If you would like this explained, call the hotline ${d.centre.hotline}.`, 'Once you meet the conditions, you may apply again on the public service portal.'],
    },
  });
}

function lapse(d: OnlineCheckLetterData) {
  const due = d.checkDueAt ? { vi: formatVi(d.checkDueAt), en: formatEn(d.checkDueAt) } : undefined;
  const desk = d.deskName ?? d.centre.name;
  return {
    subject: { vi: `Quá hạn kiểm tra hồ sơ trực tuyến ${d.code}`, en: `Online dossier ${d.code}: the check time lapsed` },
    header: d.centre.name,
    facts: [{ label: CODE, value: d.code }, ...(due ? [{ label: { vi: 'Hạn kiểm tra', en: 'Check due' }, value: due }] : [])],
    vi: {
      body: [
        `Kính gửi: ${desk.vi},`,
        `Hồ sơ trực tuyến ${d.code} (${d.procedureName.vi}), nộp lúc ${formatVi(d.receivedAt)}, chưa được kiểm tra${due ? ` trong thời hạn (đến ${due.vi})` : ''}.`,
      ],
      next: ['Đề nghị Bộ phận Một cửa kiểm tra ngay: tiếp nhận, đề nghị bổ sung hoặc từ chối tiếp nhận (mục “Hồ sơ trực tuyến chờ kiểm tra”).'],
      signOff: [`Trân trọng.\nHệ thống một cửa điện tử, ${d.centre.name.vi}`, AUTOMATIC.vi],
    },
    en: {
      body: [`To: ${desk.en},`, `Online dossier ${d.code} (${d.procedureName.en}), submitted on ${formatEn(d.receivedAt)}, was not checked${due ? ` in time (due ${due.en})` : ''}.`],
      next: ['Please check it now: receive it, ask for completion, or refuse to receive it (“Online dossiers to check”).'],
      signOff: [`Yours sincerely,\nThe one-stop electronic system, ${d.centre.name.en}`, AUTOMATIC.en],
    },
  };
}

export function renderOnlineCheckLetter(event: OnlineCheckEvent, d: OnlineCheckLetterData): RenderedEmail {
  const letter = event === COMPLETION_EVENT ? completion(d) : event === NOT_RECEIVED_EVENT ? notReceived(d) : lapse(d);
  return { subject: subjectOf(letter), text: toText(letter), html: toHtml(letter) };
}
