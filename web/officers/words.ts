/**
 * What officers read instead of the platform's internal codes: the letters (email events) and
 * the outcomes of a hand-over (form 06), Vietnamese first. A code without a word is shown as it
 * is (a new event still reads), and web/officers/words.test.ts keeps the lists complete.
 */
import type { Lang, Text } from '../shared/i18n';

export const LETTER_WORDS: Record<string, Text> = {
  receipt: { vi: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả (mẫu 01)', en: 'Receipt and appointment (form 01)' },
  'supplement-request': { vi: 'Phiếu yêu cầu bổ sung hồ sơ (mẫu 02)', en: 'Supplement request (form 02)' },
  'supplement-received': { vi: 'Thông báo đã nhận hồ sơ bổ sung', en: 'Supplement received' },
  refusal: { vi: 'Phiếu từ chối giải quyết hồ sơ (mẫu 03)', en: 'Refusal (form 03)' },
  apology: { vi: 'Phiếu xin lỗi và hẹn lại ngày trả kết quả (mẫu 04)', en: 'Apology and new appointment (form 04)' },
  'result-ready': { vi: 'Thông báo hồ sơ đã có kết quả', en: 'Result ready' },
  returned: { vi: 'Thông báo đã trả kết quả', en: 'Result handed back' },
  withdrawn: { vi: 'Xác nhận rút hồ sơ', en: 'Withdrawal confirmed' },
  'rating-invitation': { vi: 'Thư mời đánh giá', en: 'Rating invitation' },
  'agency-warning': { vi: 'Cảnh báo sắp đến hạn (gửi cơ quan)', en: 'Due-time warning (to the agency)' },
  'pin-reminder': { vi: 'Thư cấp mã PIN tra cứu mới', en: 'New lookup PIN' },
  'pin-reissued': { vi: 'Thư cấp mã PIN tra cứu mới', en: 'New lookup PIN' },
  'online-completion': { vi: 'Đề nghị bổ sung, hoàn thiện hồ sơ trực tuyến', en: 'Online application: completion asked' },
  'online-not-received': { vi: 'Phiếu từ chối tiếp nhận hồ sơ (mẫu 03)', en: 'Refusal to receive (form 03)' },
  'check-lapse': { vi: 'Cảnh báo quá hạn kiểm tra hồ sơ trực tuyến (gửi Bộ phận Một cửa)', en: 'Online check lapsed (to the desk)' },
  'contact-changed': { vi: 'Thông báo đã sửa thông tin liên hệ (gửi địa chỉ cũ)', en: 'Contact details corrected (to the old address)' },
  'fees-due': { vi: 'Thông báo nộp phí, lệ phí', en: 'Fees due' },
  'payment-receipt': { vi: 'Biên lai thu phí, lệ phí', en: 'Receipt of fees' },
  'payment-refund': { vi: 'Thông báo hoàn trả phí, lệ phí', en: 'Fees refunded' },
  'feedback-received': { vi: 'Giấy biên nhận phản ánh, kiến nghị', en: 'Feedback receipt' },
  'feedback-answered': { vi: 'Trả lời phản ánh, kiến nghị', en: 'Answer to feedback' },
};

/** Citizens' feedback (docs/feedback.md): its kinds and channels (named in functions/core/feedback.ts), its states. */
export { KIND_NAMES as FEEDBACK_KIND_WORDS, CHANNEL_NAMES as FEEDBACK_CHANNEL_WORDS } from '../../functions/core/feedback';
export const FEEDBACK_STATUS_WORDS: Record<'received' | 'assigned' | 'answered' | 'merged', Text> = {
  received: { vi: 'Chờ phân công', en: 'Not yet assigned' },
  assigned: { vi: 'Đang xử lý', en: 'Being handled' },
  answered: { vi: 'Đã trả lời', en: 'Answered' },
  merged: { vi: 'Đã gộp', en: 'Merged' },
};
/** Event keys by their prefix (functions/core/workflow-contract.ts eventKeys): `warning-s1-stp-0`. */
const KEY_PREFIX: Record<string, string> = { warning: 'agency-warning' };

export const OUTCOME_WORDS: Record<string, Text> = {
  approve: { vi: 'Duyệt', en: 'Approved' },
  'request-supplement': { vi: 'Yêu cầu bổ sung', en: 'Supplement requested' },
  supplemented: { vi: 'Đã bổ sung', en: 'Supplemented' },
  refuse: { vi: 'Từ chối', en: 'Refused' },
  refused: { vi: 'Từ chối', en: 'Refused' },
  delay: { vi: 'Báo chậm trễ', en: 'Delay reported' },
  returned: { vi: 'Đã trả kết quả', en: 'Returned' },
  withdrawn: { vi: 'Rút hồ sơ', en: 'Withdrawn' },
};

/** A letter's name from its event (`apology`) or its key (`apology-2`, `supplement-request~s1-stp-0`). */
export function letterWord(event: string | null | undefined, eventKey: string | null | undefined, lang: Lang): string {
  // a letter recorded without an event key (the PIN letter's marker) still reads
  if (!eventKey) return (event && LETTER_WORDS[event]?.[lang]) || event || '—';
  const prefixed = Object.keys(KEY_PREFIX).find((k) => eventKey.startsWith(`${k}-`));
  const key = event ?? (prefixed ? KEY_PREFIX[prefixed] : Object.keys(LETTER_WORDS).sort((a, b) => b.length - a.length).find((k) => eventKey === k || eventKey.startsWith(k)));
  return (key && LETTER_WORDS[key]?.[lang]) || event || eventKey;
}

export function outcomeWord(outcome: string | null | undefined, lang: Lang): string {
  if (!outcome) return '';
  return OUTCOME_WORDS[outcome]?.[lang] ?? outcome;
}
