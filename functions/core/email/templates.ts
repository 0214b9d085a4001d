import type { Text } from '../model';
import { escapeHtml, formatEn, formatVi } from './format';

export type EmailEvent = 'receipt' | 'apology' | 'result-ready';

export interface EmailData {
  code: string;
  applicantName: string;
  procedureName: Text;
  receivedAt: string;
  appointmentAt: string;
  /** apology (form 04) */
  lateAgency?: Text;
  reason?: Text;
  originalAppointmentAt?: string;
  newAppointmentAt?: string;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

/** One paragraph per language: Vietnamese first, English after. */
type Lines = { vi: string[]; en: string[] };

function lookup(d: EmailData): Lines {
  return {
    vi: [`Tra cứu hồ sơ: dùng mã hồ sơ ${d.code} và mã PIN được cấp khi tiếp nhận.`],
    en: [`Look your dossier up with its code ${d.code} and the PIN you were given at receipt.`],
  };
}

const bodies: Record<EmailEvent, (d: EmailData) => { subject: Text; lines: Lines }> = {
  // Form 01: receipt and appointment
  receipt: (d) => ({
    subject: { vi: `Giấy tiếp nhận hồ sơ và hẹn trả kết quả ${d.code}`, en: `Receipt and appointment ${d.code}` },
    lines: {
      vi: [
        `Kính gửi ông/bà ${d.applicantName},`,
        `Hồ sơ ${d.code} (${d.procedureName.vi}) đã được tiếp nhận lúc ${formatVi(d.receivedAt)}.`,
        `Thời gian hẹn trả kết quả: ${formatVi(d.appointmentAt)}.`,
      ],
      en: [
        `Dear ${d.applicantName},`,
        `Dossier ${d.code} (${d.procedureName.en}) was received on ${formatEn(d.receivedAt)}.`,
        `Your result is due on ${formatEn(d.appointmentAt)}.`,
      ],
    },
  }),
  // Form 04: apology and new appointment
  apology: (d) => ({
    subject: { vi: `Phiếu xin lỗi và hẹn lại ngày trả kết quả ${d.code}`, en: `Apology and new appointment ${d.code}` },
    lines: {
      vi: [
        `Kính gửi ông/bà ${d.applicantName},`,
        `Hồ sơ ${d.code} (${d.procedureName.vi}) chưa được giải quyết đúng hạn tại ${d.lateAgency?.vi ?? ''}.`,
        `Lý do: ${d.reason?.vi ?? ''}.`,
        `Chúng tôi thành thật xin lỗi ông/bà vì sự chậm trễ này.`,
        `Ngày hẹn trước đây: ${formatVi(d.originalAppointmentAt!)}.`,
        `Ngày hẹn trả kết quả mới: ${formatVi(d.newAppointmentAt!)}.`,
      ],
      en: [
        `Dear ${d.applicantName},`,
        `Dossier ${d.code} (${d.procedureName.en}) was not decided on time at the ${d.lateAgency?.en ?? ''}.`,
        `Reason: ${d.reason?.en ?? ''}.`,
        `We sincerely apologise for the delay.`,
        `Previous appointment: ${formatEn(d.originalAppointmentAt!)}.`,
        `New appointment: ${formatEn(d.newAppointmentAt!)}.`,
      ],
    },
  }),
  'result-ready': (d) => ({
    subject: { vi: `Hồ sơ ${d.code} đã có kết quả`, en: `Dossier ${d.code}: your result is ready` },
    lines: {
      vi: [
        `Kính gửi ông/bà ${d.applicantName},`,
        `Hồ sơ ${d.code} (${d.procedureName.vi}) đã được giải quyết.`,
        `Mời ông/bà đến Bộ phận Một cửa hoặc theo kênh đã đăng ký để nhận kết quả.`,
      ],
      en: [
        `Dear ${d.applicantName},`,
        `Dossier ${d.code} (${d.procedureName.en}) has been decided.`,
        `Please collect your result at the one-stop desk or through the channel you chose.`,
      ],
    },
  }),
};

export function renderEmail(event: EmailEvent, data: EmailData): RenderedEmail {
  const { subject, lines } = bodies[event](data);
  const how = lookup(data);
  const vi = [...lines.vi, '', ...how.vi];
  const en = [...lines.en, '', ...how.en];
  const text = [...vi, '', '---', '', ...en].join('\n');
  const para = (ls: string[]) => ls.filter(Boolean).map((l) => `<p>${escapeHtml(l)}</p>`).join('\n');
  const html = `<!doctype html><html lang="vi"><meta charset="utf-8"><body>
<section lang="vi">${para(vi)}</section>
<hr>
<section lang="en">${para(en)}</section>
</body></html>`;
  return { subject: `${subject.vi} / ${subject.en}`, text, html };
}
