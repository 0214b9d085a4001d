import { useState } from 'preact/hooks';
import { Field } from '../ui';
import { formatDateTime } from '../../shared/dates';
import { useI18n } from '../../shared/i18n';
import { CT } from '../console/shared';
import { useApp } from '../context';
import { Link } from '../router';
import { Alert, StatusText } from '../ui';
import { useData } from '../use-data';

const T = {
  ...CT,
  intro: {
    vi: 'Hồ sơ đang mở mà quy trình không chạy: quy trình lỗi, hết thời gian, bị dừng hoặc chưa bắt đầu. Khắc phục nguyên nhân rồi bấm «Chạy tiếp».',
    en: 'Open dossiers whose workflow is not running: failed, timed out, aborted or never started. Fix the cause, then press “Resume”.',
  },
  overdue: { vi: 'Hồ sơ quá hạn, không có hoạt động từ {n} ngày', en: 'Overdue, no activity for {n} days' },
  quiet: { vi: 'Số ngày không có hoạt động', en: 'Days with no activity' },
  show: { vi: 'Xem', en: 'Show' },
  holding: { vi: 'Đang ở', en: 'Held by' },
  appointment: { vi: 'Hẹn trả', en: 'Appointment' },
  lastActivity: { vi: 'Hoạt động cuối', en: 'Last activity' },
  days: { vi: 'Số ngày', en: 'Days' },
  noneOverdue: { vi: 'Không có hồ sơ quá hạn nào im lặng lâu như vậy.', en: 'No overdue dossier has been quiet that long.' },
  dossier: { vi: 'Hồ sơ', en: 'Dossier' },
  status: { vi: 'Tình trạng hồ sơ', en: 'Dossier status' },
  execution: { vi: 'Quy trình', en: 'Workflow' },
  error: { vi: 'Lỗi', en: 'Error' },
  stoppedAt: { vi: 'Dừng lúc', en: 'Stopped at' },
  resume: { vi: 'Chạy tiếp', en: 'Resume' },
  resumeOf: { vi: 'Chạy tiếp hồ sơ {code}', en: 'Resume dossier {code}' },
  resumed: { vi: 'Hồ sơ {code} đã chạy tiếp.', en: 'Dossier {code} resumed.' },
  none: { vi: 'Mọi hồ sơ đang mở đều có quy trình đang chạy.', en: 'Every open dossier has a running workflow.' },
  FAILED: { vi: 'Lỗi', en: 'Failed' },
  TIMED_OUT: { vi: 'Hết thời gian', en: 'Timed out' },
  ABORTED: { vi: 'Bị dừng', en: 'Aborted' },
  NOT_STARTED: { vi: 'Chưa bắt đầu', en: 'Never started' },
};

/** Dossiers that need a hand (GET /ops/dossiers?state=failed), resumed from the page. */
export function ConsoleDossiers() {
  const { api } = useApp();
  const { t, lang } = useI18n(T);
  const list = useData(() => api.GET('/ops/dossiers', { params: { query: { state: 'failed' } } }), []);
  const [note, setNote] = useState<{ ok: boolean; text: string }>();
  const [busy, setBusy] = useState<string>();
  const resume = async (code: string) => {
    setBusy(code);
    const { error, response } = await api.POST('/ops/dossiers/{code}/resume', { params: { path: { code } } });
    setBusy(undefined);
    setNote(response.ok ? { ok: true, text: t('resumed', { code }) } : { ok: false, text: (error as { detail?: string; title?: string })?.detail ?? (error as { title?: string })?.title ?? String(response.status) });
    list.reload();
  };
  const word = (s: string) => (s in T ? t(s as keyof typeof T) : s);
  return (
      <section>
        <h1>{t('dossiers')}</h1>
        <p>{t('intro')}</p>
        {note && <Alert kind={note.ok ? 'ok' : 'error'}>{note.text}</Alert>}
        {list.loading && <p role="status">…</p>}
        {list.problem && list.status !== 200 && <Alert>{list.problem.detail ?? list.problem.title}</Alert>}
        {list.data && list.data.dossiers.length === 0 && <p>{t('none')}</p>}
        {list.data && list.data.dossiers.length > 0 && (
          <div class="table-wrap">
            <table data-table="stalled">
              <caption>{t('dossiers')}</caption>
              <thead><tr><th scope="col">{t('dossier')}</th><th scope="col">{t('status')}</th><th scope="col">{t('execution')}</th><th scope="col">{t('error')}</th><th scope="col">{t('stoppedAt')}</th><th scope="col"><span class="visually-hidden">{t('resume')}</span></th></tr></thead>
              <tbody>
                {list.data.dossiers.map((d) => (
                  <tr key={d.dossierCode} data-dossier={d.dossierCode}>
                    <td><Link href={`/dossier/${d.dossierCode}`}>{d.dossierCode}</Link></td>
                    <td>{typeof d.status === 'number' ? <StatusText status={d.status} /> : ''}</td>
                    <td>{word(d.executionStatus)}</td>
                    <td>{d.error ?? ''}</td>
                    <td>{formatDateTime(d.stoppedAt, lang)}</td>
                    <td><button type="button" class="primary" disabled={busy === d.dossierCode} aria-label={t('resumeOf', { code: d.dossierCode })} onClick={() => resume(d.dossierCode)}>{t('resume')}</button></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Overdue />
      </section>
  );
}

/** Overdue open dossiers with no activity for N days (GET /ops/overdue). */
function Overdue() {
  const { api } = useApp();
  const { t, lang } = useI18n(T);
  const [days, setDays] = useState(3);
  const [pick, setPick] = useState('3');
  const list = useData(() => api.GET('/ops/overdue', { params: { query: { quietDays: days } } }), [days]);
  return (
    <>
      <h2>{t('overdue', { n: days })}</h2>
      <form class="inline" onSubmit={(e) => { e.preventDefault(); setDays(Math.max(0, Math.floor(Number(pick) || 0))); }}>
        <Field id="quiet-days" label={t('quiet')}>
          {(aria) => <input {...aria} type="number" min="0" max="365" value={pick} onInput={(e) => setPick((e.target as HTMLInputElement).value)} />}
        </Field>
        <button type="submit" class="secondary">{t('show')}</button>
      </form>
      {list.problem && list.status !== 200 && <Alert>{list.problem.detail ?? list.problem.title}</Alert>}
      {list.data && list.data.dossiers.length === 0 && <p>{t('noneOverdue')}</p>}
      {list.data && list.data.dossiers.length > 0 && (
        <div class="table-wrap">
          <table data-table="overdue">
            <caption>{t('overdue', { n: days })}</caption>
            <thead><tr><th scope="col">{t('dossier')}</th><th scope="col">{t('status')}</th><th scope="col">{t('holding')}</th><th scope="col">{t('appointment')}</th><th scope="col">{t('lastActivity')}</th><th scope="col">{t('days')}</th></tr></thead>
            <tbody>
              {list.data.dossiers.map((d) => (
                <tr key={d.dossierCode} data-overdue={d.dossierCode}>
                  <td><Link href={`/dossier/${d.dossierCode}`}>{d.dossierCode}</Link></td>
                  <td><StatusText status={d.status} /></td>
                  <td>{d.holding.join(', ')}</td>
                  <td>{formatDateTime(d.appointmentAt, lang)}</td>
                  <td>{formatDateTime(d.lastActivityAt, lang)}</td>
                  <td>{d.quietDays}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
