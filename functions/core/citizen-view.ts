import type { Apology, Dossier } from './dossier';
import type { DossierStatusCode, Text } from './model';
import { formatEn, formatVi } from './email/format';

/** The national public-service portal's status codes, in the citizen's words. */
export const STATUS_TEXT: Record<DossierStatusCode, Text> = {
  1: { vi: 'Mới đăng ký', en: 'Submitted' },
  2: { vi: 'Đã tiếp nhận', en: 'Received' },
  3: { vi: 'Không được tiếp nhận', en: 'Not received' },
  4: { vi: 'Đang xử lý', en: 'Being processed' },
  5: { vi: 'Yêu cầu bổ sung hồ sơ', en: 'Supplement requested' },
  6: { vi: 'Yêu cầu thực hiện nghĩa vụ tài chính', en: 'Financial obligation' },
  7: { vi: 'Đã rút hồ sơ', en: 'Withdrawn' },
  8: { vi: 'Dừng xử lý', en: 'Processing stopped' },
  9: { vi: 'Đã có kết quả', en: 'Decided' },
  10: { vi: 'Đã trả kết quả', en: 'Result returned' },
};

export interface CitizenEvent {
  at: string;
  event: string;
  text: Text;
}

/** What the citizen is told of their dossier's life: no officer names, no internal notes. */
export function citizenHistory(d: Dossier, apologies: Apology[]): CitizenEvent[] {
  const events: CitizenEvent[] = [
    { at: d.receivedAt, event: 'received', text: { vi: 'Hồ sơ đã được tiếp nhận', en: 'Dossier received' } },
  ];
  for (const p of Object.values(d.pauses ?? {})) {
    if (p.kind === 'fee') {
      events.push({ at: p.from, event: 'fees-due', text: { vi: 'Chờ thực hiện nghĩa vụ tài chính (nộp phí, lệ phí)', en: 'Awaiting payment of fees' } });
      if (p.to) events.push({ at: p.to, event: 'fees-paid', text: { vi: 'Đã nộp phí, lệ phí', en: 'Fees paid' } });
      continue;
    }
    events.push({
      at: p.from,
      event: 'supplement-requested',
      text: { vi: `Yêu cầu bổ sung: ${p.missing.join('; ')}`, en: `Supplement requested: ${p.missing.join('; ')}` },
    });
    if (p.to) events.push({ at: p.to, event: 'supplement-received', text: { vi: 'Đã nhận hồ sơ bổ sung', en: 'Supplement received' } });
  }
  for (const a of apologies) {
    events.push({
      at: a.at,
      event: 'apology',
      text: {
        vi: `Xin lỗi vì chậm trễ; hẹn trả kết quả mới: ${formatVi(a.newAppointmentAt)}`,
        en: `Apology for the delay; new appointment: ${formatEn(a.newAppointmentAt)}`,
      },
    });
  }
  if (d.stop) {
    events.push(
      d.stop.kind === 'withdrawn'
        ? { at: d.stop.at, event: 'withdrawn', text: { vi: 'Hồ sơ đã được rút theo yêu cầu', en: 'Withdrawn at your request' } }
        : { at: d.stop.at, event: 'refused', text: { vi: `Từ chối giải quyết: ${d.stop.reason}`, en: `Refused: ${d.stop.reason}` } },
    );
  }
  if (d.returnedAt) events.push({ at: d.returnedAt, event: 'returned', text: STATUS_TEXT[10] });
  return events.sort((a, b) => a.at.localeCompare(b.at));
}
