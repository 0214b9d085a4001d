import { useEffect } from 'preact/hooks';
import { formatDateTime } from '../../shared/dates';
import { useI18n } from '../../shared/i18n';
import { QrCode } from '../../shared/qr';
import { freshPins, useApp } from '../context';
import { Link } from '../router';
import { Alert } from '../ui';
import { useData } from '../use-data';

const T = {
  title: { vi: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả', en: 'Receipt of the dossier and appointment for the result' },
  form: { vi: 'Mẫu số 01', en: 'Form 01' },
  code: { vi: 'Mã hồ sơ', en: 'Dossier code' },
  procedure: { vi: 'Thủ tục', en: 'Procedure' },
  applicant: { vi: 'Người nộp', en: 'Applicant' },
  receivedAt: { vi: 'Tiếp nhận lúc', en: 'Received at' },
  appointment: { vi: 'Hẹn trả kết quả', en: 'Appointment for the result' },
  documents: { vi: 'Giấy tờ đã nhận', en: 'Documents received' },
  noDocuments: { vi: 'Không có giấy tờ kèm theo.', en: 'No documents.' },
  pin: { vi: 'Mã tra cứu (PIN)', en: 'Lookup PIN' },
  pinOnce: { vi: 'Mã PIN chỉ hiện một lần, khi vừa tiếp nhận: hãy giao giấy này cho công dân. Công dân tra cứu bằng mã hồ sơ và mã PIN.', en: 'The PIN is shown only once, at intake: hand this receipt to the citizen, who looks the dossier up with its code and this PIN.' },
  pinGone: { vi: 'Mã PIN không còn hiển thị (chỉ hiện một lần khi tiếp nhận).', en: 'The PIN is no longer shown (only once, at intake).' },
  qr: { vi: 'Mã QR tra cứu hồ sơ {code}', en: 'QR code to look up dossier {code}' },
  lookup: { vi: 'Tra cứu tại', en: 'Look it up at' },
  hotline: { vi: 'Đường dây nóng', en: 'Hotline' },
  hours: { vi: 'Giờ làm việc', en: 'Opening hours' },
  print: { vi: 'In giấy biên nhận', en: 'Print the receipt' },
  open: { vi: 'Mở hồ sơ', en: 'Open the dossier' },
  another: { vi: 'Tiếp nhận hồ sơ khác', en: 'Receive another dossier' },
  missing: { vi: 'Không đọc được hồ sơ {code}.', en: 'Could not read dossier {code}.' },
  signApplicant: { vi: 'Người nộp hồ sơ', en: 'Applicant' },
  signOfficer: { vi: 'Người tiếp nhận hồ sơ', en: 'Officer receiving the dossier' },
  signHint: { vi: '(Ký và ghi rõ họ tên)', en: '(Signature and full name)' },
};

/** The receipt (form 01), laid out for A4: the centre's header (with the receiving branch's address, hours and hotline), the dossier, the PIN (once), the QR of the lookup link. */
export function Receipt({ code }: { code: string }) {
  const { api, config } = useApp();
  const { t, pick, lang } = useI18n(T);
  const { data, loading } = useData(() => api.GET('/dossiers/{code}', { params: { path: { code } } }), [code]);
  const pin = freshPins.get(code);
  // Shown once: leaving the receipt forgets the PIN.
  useEffect(() => () => void freshPins.delete(code), [code]);
  const link = `${config.centre.portalUrl}/c/${code}`;
  if (loading) return <p role="status">…</p>;
  if (!data) return <Alert>{t('missing', { code })}</Alert>;
  // the desk that received it: a branch's address, hours and hotline, or the centre's
  const branch = config.centre.branches?.find((b) => b.code === data.branch);
  const place = branch ?? config.centre;
  return (
    <>
      <div class="actions no-print">
        <button type="button" class="primary" onClick={() => window.print()}>{t('print')}</button>
        <Link href={`/dossier/${code}`}>{t('open')}</Link>
        <Link href="/desk/receive">{t('another')}</Link>
      </div>
      <article class="receipt a4">
        <header class="centre">
          <p class="centre-name">{pick(config.centre.name)}</p>
          {branch && <p class="branch-name" data-testid="receipt-branch">{pick(branch.name)}</p>}
          <p>{pick(place.address)}</p>
          <p>{t('hotline')}: {place.hotline} · {t('hours')}: {pick(place.openingHours)}</p>
        </header>
        <p class="form-no">{t('form')}</p>
        <h1>{t('title')}</h1>
        <div class="receipt-body">
          <dl>
            <dt>{t('code')}</dt>
            <dd class="code" data-testid="receipt-code">{data.code}</dd>
            <dt>{t('procedure')}</dt>
            <dd>{data.procedure.code} — {pick(data.procedure.name)}</dd>
            <dt>{t('applicant')}</dt>
            <dd>{data.applicant.name}</dd>
            <dt>{t('receivedAt')}</dt>
            <dd>{formatDateTime(data.receivedAt, lang)}</dd>
            <dt>{t('appointment')}</dt>
            <dd class="appointment" data-testid="receipt-appointment">{formatDateTime(data.appointmentAt, lang)}</dd>
            <dt>{t('pin')}</dt>
            <dd class="pin">{pin ? <strong data-testid="receipt-pin">{pin}</strong> : t('pinGone')}</dd>
          </dl>
          <figure>
            <QrCode text={link} label={t('qr', { code })} size={176} />
            <figcaption>{t('lookup')}: {link}</figcaption>
          </figure>
        </div>
        <h2>{t('documents')}</h2>
        {data.documents.length ? (
          <ol>{data.documents.map((d) => <li key={d.ref}>{d.name} <small>({d.ref})</small></li>)}</ol>
        ) : (
          <p>{t('noDocuments')}</p>
        )}
        {pin && <p class="note">{t('pinOnce')}</p>}
        <div class="signatures" data-testid="signatures">
          <div>
            <p class="signer">{t('signApplicant')}</p>
            <p class="sign-hint">{t('signHint')}</p>
            <p class="sign-name">{data.applicant.name}</p>
          </div>
          <div>
            <p class="signer">{t('signOfficer')}</p>
            <p class="sign-hint">{t('signHint')}</p>
            <p class="sign-name">&nbsp;</p>
          </div>
        </div>
      </article>
    </>
  );
}
