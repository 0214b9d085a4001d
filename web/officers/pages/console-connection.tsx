import { useState } from 'preact/hooks';
import { formatDateTime } from '../../shared/dates';
import { useI18n } from '../../shared/i18n';
import { CT } from '../console/shared';
import { useApp } from '../context';
import { Link } from '../router';
import { Alert } from '../ui';
import { useData } from '../use-data';

const T = {
  ...CT,
  intro: {
    vi: 'Đồng bộ hồ sơ với Cổng Dịch vụ công Quốc gia: sự kiện đang chờ gửi, sự kiện bị dừng sau nhiều lần thử (gửi lại khi đã khắc phục), lần cổng nhận gần nhất, và kết quả đối soát hằng ngày.',
    en: 'The sync of dossiers with the National Public Service Portal: events waiting to be sent, events parked after their retries (resend them once the cause is fixed), when the portal last accepted a call, and the daily reconciliation.',
  },
  connected: { vi: 'Đã kết nối', en: 'Connected' },
  notConnected: { vi: 'Trung tâm chưa kết nối với Cổng Dịch vụ công Quốc gia.', en: 'This centre is not connected to the national portal.' },
  pending: { vi: 'Đang chờ gửi', en: 'Waiting to be sent' },
  parkedCount: { vi: 'Bị dừng', en: 'Parked' },
  lastSent: { vi: 'Cổng nhận lần gần nhất', en: 'Last accepted call' },
  never: { vi: 'chưa có', en: 'none yet' },
  parked: { vi: 'Sự kiện bị dừng', en: 'Parked events' },
  noneParked: { vi: 'Không có sự kiện nào bị dừng.', en: 'No event is parked.' },
  dossier: { vi: 'Hồ sơ', en: 'Dossier' },
  event: { vi: 'Sự kiện', en: 'Event' },
  status: { vi: 'Trạng thái', en: 'Status' },
  attempts: { vi: 'Số lần thử', en: 'Attempts' },
  error: { vi: 'Lỗi cổng trả về', en: 'The portal’s answer' },
  resend: { vi: 'Gửi lại', en: 'Send again' },
  resendOf: { vi: 'Gửi lại sự kiện {id}', en: 'Send event {id} again' },
  resent: { vi: 'Đã đưa sự kiện {id} vào hàng đợi gửi lại.', en: 'Event {id} is queued to be sent again.' },
  reconciliation: { vi: 'Đối soát hằng ngày', en: 'Daily reconciliation' },
  runNow: { vi: 'Đối soát ngay', en: 'Reconcile now' },
  notRun: { vi: 'Chưa đối soát hôm nay và hôm qua.', en: 'Not reconciled today nor yesterday.' },
  checked: { vi: 'Ngày {date} (lúc {at}): đã đọc lại {checked} hồ sơ.', en: '{date} (at {at}): {checked} dossiers read back.' },
  matched: { vi: 'Cổng giữ đúng như hệ thống đã gửi.', en: 'The portal holds what was sent.' },
  differences: { vi: 'Chênh lệch', en: 'Differences' },
  kind: { vi: 'Loại', en: 'Kind' },
  ours: { vi: 'Hệ thống', en: 'Ours' },
  theirs: { vi: 'Cổng', en: 'The portal’s' },
  missing: { vi: 'Cổng không có hồ sơ', en: 'The portal has no such dossier' },
  'status-kind': { vi: 'Trạng thái khác', en: 'Another status' },
  appointment: { vi: 'Ngày hẹn trả khác', en: 'Another appointment' },
  unreachable: { vi: 'Không hỏi được cổng: {count} hồ sơ (đọc lại lần sau).', en: 'The portal could not be asked about {count} dossiers (read again next run).' },
};

/** The national portal connection (GET /ops/sync/status, GET /ops/sync?state=parked, POST …/retry, POST /ops/sync/reconciliation): docs/national-portal.md. */
export function ConsoleConnection() {
  const { api } = useApp();
  const { t, lang } = useI18n(T);
  const status = useData(() => api.GET('/ops/sync/status'), []);
  const parked = useData(() => api.GET('/ops/sync', { params: { query: { state: 'parked' } } }), []);
  const [note, setNote] = useState<{ ok: boolean; text: string }>();
  const [busy, setBusy] = useState<string>();
  const problemText = (error: unknown, response: Response) => (error as { detail?: string })?.detail ?? (error as { title?: string })?.title ?? String(response.status);
  const resend = async (id: string) => {
    setBusy(id);
    const { error, response } = await api.POST('/ops/sync/{id}/retry', { params: { path: { id }, header: { 'Idempotency-Key': `console-retry-${id}-${Date.now()}` } } });
    setBusy(undefined);
    setNote(response.ok ? { ok: true, text: t('resent', { id }) } : { ok: false, text: problemText(error, response) });
    parked.reload();
    status.reload();
  };
  const runNow = async () => {
    setBusy('reconcile');
    const { error, response } = await api.POST('/ops/sync/reconciliation', { params: { header: { 'Idempotency-Key': `console-reconcile-${Date.now()}` } } });
    setBusy(undefined);
    if (!response.ok) setNote({ ok: false, text: problemText(error, response) });
    status.reload();
  };
  const s = status.data;
  const r = s?.reconciliation;
  const kindWord = (k: string) => t(k === 'status' ? 'status-kind' : (k as 'missing' | 'appointment'));
  return (
    <section>
      <h1>{t('connection')}</h1>
      <p>{t('intro')}</p>
      {note && <Alert kind={note.ok ? 'ok' : 'error'}>{note.text}</Alert>}
      {status.problem && status.status !== 200 && <Alert>{status.problem.detail ?? status.problem.title}</Alert>}
      {s && !s.connected && <Alert>{t('notConnected')}</Alert>}
      {s && (
        <dl class="facts" data-testid="sync-status">
          <dt>{t('pending')}</dt><dd data-testid="sync-pending">{s.pending}</dd>
          <dt>{t('parkedCount')}</dt><dd data-testid="sync-parked">{s.parked}</dd>
          <dt>{t('lastSent')}</dt><dd data-testid="sync-last">{s.lastSentAt ? formatDateTime(s.lastSentAt, lang) : t('never')}</dd>
        </dl>
      )}
      <h2>{t('parked')}</h2>
      {parked.data && (parked.data.events.length === 0 ? (
        <p>{t('noneParked')}</p>
      ) : (
        <div class="table-wrap">
          <table data-table="parked">
            <caption>{t('parked')}</caption>
            <thead><tr><th scope="col">{t('dossier')}</th><th scope="col">{t('event')}</th><th scope="col">{t('status')}</th><th scope="col">{t('attempts')}</th><th scope="col">{t('error')}</th><th scope="col"><span class="visually-hidden">{t('resend')}</span></th></tr></thead>
            <tbody>
              {parked.data.events.map((e) => (
                <tr key={e.id}>
                  <td><Link href={`/dossier/${e.code}`}>{e.code}</Link></td>
                  <td>{e.kind} · {formatDateTime(e.at, lang)}</td>
                  <td>{e.status}</td>
                  <td>{e.attempts}</td>
                  <td>{e.error ?? ''}</td>
                  <td><button type="button" class="secondary" disabled={busy === e.id} aria-label={t('resendOf', { id: e.id })} onClick={() => resend(e.id)}>{t('resend')}</button></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
      <h2>{t('reconciliation')}</h2>
      <button type="button" class="secondary" disabled={busy === 'reconcile' || (s && !s.connected)} onClick={runNow}>{t('runNow')}</button>
      {s && !r && <p>{t('notRun')}</p>}
      {r && (
        <div data-testid="reconciliation">
          <p>{t('checked', { date: r.date, at: formatDateTime(r.at, lang), checked: r.checked })}</p>
          {r.errors.length > 0 && <Alert>{t('unreachable', { count: r.errors.length })}</Alert>}
          {r.differences.length === 0 ? (
            <Alert kind="ok">{t('matched')}</Alert>
          ) : (
            <div class="table-wrap">
              <table data-table="differences">
                <caption>{t('differences')}</caption>
                <thead><tr><th scope="col">{t('dossier')}</th><th scope="col">{t('kind')}</th><th scope="col">{t('ours')}</th><th scope="col">{t('theirs')}</th></tr></thead>
                <tbody>
                  {r.differences.map((d) => (
                    <tr key={d.code + d.kind}>
                      <td><Link href={`/dossier/${d.code}`}>{d.code}</Link>{d.maHoSo !== d.code ? ` (${d.maHoSo})` : ''}</td>
                      <td>{kindWord(d.kind)}</td>
                      <td>{d.ours ?? ''}</td>
                      <td>{d.theirs ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      )}
    </section>
  );
}
