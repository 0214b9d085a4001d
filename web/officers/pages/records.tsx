import { useState } from 'preact/hooks';
import { fieldErrors } from '../../shared/api';
import { platformNow } from '../../shared/clock';
import { formatCompact, formatDateTime, localDay } from '../../shared/dates';
import { useI18n } from '../../shared/i18n';
import { useApp } from '../context';
import { Link, navigate } from '../router';
import { Alert, Field, StatusText } from '../ui';
import { useDossierSearch } from '../search-dossiers';
import { useData } from '../use-data';
import { outcomeWord } from '../words';

const T = {
  sheet: { vi: 'Phiếu kiểm soát quá trình giải quyết hồ sơ', en: 'Control sheet of the handling of the dossier' },
  sheetForm: { vi: 'Mẫu số 06', en: 'Form 06' },
  logbook: { vi: 'Sổ theo dõi hồ sơ — {agency}', en: 'Logbook — {agency}' },
  logbookForm: { vi: 'Mẫu số 07', en: 'Form 07' },
  date: { vi: 'Ngày', en: 'Date' },
  show: { vi: 'Xem', en: 'Show' },
  print: { vi: 'In', en: 'Print' },
  code: { vi: 'Mã hồ sơ', en: 'Dossier' },
  procedure: { vi: 'Thủ tục', en: 'Procedure' },
  n: { vi: 'STT', en: 'No.' },
  from: { vi: 'Bên giao', en: 'From' },
  to: { vi: 'Bên nhận', en: 'To' },
  received: { vi: 'Nhận lúc', en: 'Received' },
  due: { vi: 'Hạn', en: 'Due' },
  finalDue: { vi: 'Hạn sau gia hạn', en: 'Due with extensions' },
  decided: { vi: 'Xử lý xong', en: 'Done' },
  outcome: { vi: 'Kết quả', en: 'Outcome' },
  timeliness: { vi: 'Đánh giá', en: 'Timeliness' },
  applicant: { vi: 'Người nộp', en: 'Applicant' },
  status: { vi: 'Tình trạng', en: 'Status' },
  appointment: { vi: 'Hẹn trả', en: 'Appointment' },
  pausedAppointment: { vi: 'Tạm dừng chờ bổ sung; tính lại khi nhận đủ hồ sơ bổ sung', en: 'Paused for a supplement; computed again once it has arrived' },
  none: { vi: 'Không có mục nào.', en: 'No entries.' },
  denied: { vi: 'Không xem được: {m}', en: 'Not available: {m}' },
  search: { vi: 'Tra cứu hồ sơ', en: 'Search dossiers' },
  q: { vi: 'Mã hồ sơ, tên người nộp hoặc số điện thoại', en: 'Dossier code, applicant name or phone' },
  found: { vi: 'Tìm thấy {n} hồ sơ (trong {m} hồ sơ đang xử lý).', en: '{n} found (among {m} open dossiers).' },
  foundSoFar: { vi: 'Đang hiện {n} hồ sơ tìm thấy; còn nữa.', en: 'Showing {n} dossiers found; there are more.' },
  more: { vi: 'Xem thêm', en: 'More' },
  qHint: {
    vi: 'Mã hồ sơ đầy đủ (ví dụ TTHCC-261201-0003) tìm được mọi hồ sơ, kể cả hồ sơ đã xong; tên, số điện thoại hoặc phần cuối của mã (0003) chỉ tìm trong hồ sơ đang xử lý.',
    en: 'A full dossier code (e.g. TTHCC-261201-0003) finds any dossier, closed ones too; a name, a phone number or the end of a code (0003) searches the open dossiers only.',
  },
  closedHint: {
    vi: 'Hồ sơ đã trả kết quả, đã rút hoặc bị từ chối chỉ tìm được bằng mã hồ sơ đầy đủ.',
    en: 'A dossier returned, withdrawn or refused is found by its full code only.',
  },
  citizen: { vi: 'Công dân', en: 'Citizen' },
  early: { vi: 'Trước hạn', en: 'Early' },
  'on-time': { vi: 'Đúng hạn', en: 'On time' },
  late: { vi: 'Quá hạn', en: 'Late' },
  pending: { vi: 'Đang xử lý', en: 'Pending' },
  stopped: { vi: 'Dừng', en: 'Stopped' },
};

function PrintButton() {
  const { t } = useI18n(T);
  return <button type="button" class="secondary no-print" onClick={() => window.print()}>{t('print')}</button>;
}

const party = (c: string, citizen: string) => (c === 'CITIZEN' || c === 'citizen' ? citizen : c);

/** Form 06: every hand-over of the dossier, its due times and early / on time / late. */
export function ControlSheetPage({ code }: { code: string }) {
  const { api, config } = useApp();
  const { t, pick, lang } = useI18n(T);
  const { data, problem, loading } = useData(() => api.GET('/dossiers/{code}/control-sheet', { params: { path: { code } } }), [code]);
  if (loading) return <p role="status">…</p>;
  if (!data) return <Alert>{t('denied', { m: problem?.detail ?? problem?.title ?? '' })}</Alert>;
  const tl = (x: string | null) => (x ? t(x as keyof typeof T) : '');
  return (
    <article class="a4 record">
      <PrintButton />
      <header class="centre"><p class="centre-name">{pick(config.centre.name)}</p></header>
      <p class="form-no">{t('sheetForm')}</p>
      <h1>{t('sheet')}</h1>
      <dl class="summary">
        <dt>{t('code')}</dt><dd><Link href={`/dossier/${data.dossierCode}`}>{data.dossierCode}</Link></dd>
        <dt>{t('procedure')}</dt><dd>{pick(data.procedure.name)}</dd>
        <dt>{t('status')}</dt><dd><StatusText status={data.status} /></dd>
        <dt>{t('appointment')}</dt><dd>{data.appointment.original ? `${formatDateTime(data.appointment.original, lang)} → ${formatDateTime(data.appointment.final, lang)}` : t('pausedAppointment')}</dd>
      </dl>
      <table class="sheet">
        <caption>{t('sheet')}</caption>
        <thead><tr>{(['n', 'from', 'to', 'received', 'due', 'finalDue', 'decided', 'outcome', 'timeliness'] as const).map((k) => <th scope="col" key={k}>{t(k)}</th>)}</tr></thead>
        <tbody>
          {data.handOvers.map((h) => (
            <tr key={h.n}>
              <td>{h.n}</td><td>{party(h.from, t('citizen'))}</td><td>{party(h.to, t('citizen'))}</td>
              <td>{formatCompact(h.receivedAt)}</td><td>{formatCompact(h.dueAt)}</td><td>{formatCompact(h.finalDueAt)}</td>
              <td>{formatCompact(h.decidedAt)}</td><td>{outcomeWord(h.outcome, lang)}</td><td>{tl(h.timeliness)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </article>
  );
}

/** Form 07: what the agency received on a local day. */
export function LogbookPage({ agency, search }: { agency: string; search: string }) {
  const { api, config } = useApp();
  const { t, pick, lang } = useI18n(T);
  const date = new URLSearchParams(search).get('date') ?? localDay(platformNow());
  const [pickDate, setPickDate] = useState(date);
  const { data, problem, loading } = useData(() => api.GET('/agencies/{agencyCode}/logbook', { params: { path: { agencyCode: agency }, query: { date } } }), [agency, date]);
  const name = pick(config.agencies.find((a) => a.code === agency)?.name) || agency;
  return (
    <article class="a4 record">
      <header class="centre"><p class="centre-name">{pick(config.centre.name)}</p></header>
      <p class="form-no">{t('logbookForm')}</p>
      <h1>{t('logbook', { agency: name })}</h1>
      <form class="inline no-print" onSubmit={(e) => { e.preventDefault(); navigate(`/records/logbook/${agency}?date=${pickDate}`); }}>
        <Field id="logbook-date" label={t('date')}>
          {(aria) => <input {...aria} type="date" value={pickDate} onInput={(e) => setPickDate((e.target as HTMLInputElement).value)} />}
        </Field>
        <button type="submit" class="secondary">{t('show')}</button>
        <PrintButton />
      </form>
      {loading && <p role="status">…</p>}
      {!loading && !data && <Alert>{t('denied', { m: problem?.detail ?? problem?.title ?? '' })}</Alert>}
      {data && data.entries.length === 0 && <p>{t('none')}</p>}
      {data && data.entries.length > 0 && (
        <table>
          <caption>{t('logbook', { agency: name })} — {date}</caption>
          <thead><tr>{(['n', 'code', 'procedure', 'applicant', 'received', 'due', 'decided', 'timeliness'] as const).map((k) => <th scope="col" key={k}>{t(k)}</th>)}</tr></thead>
          <tbody>
            {data.entries.map((e, i) => (
              <tr key={`${e.dossierCode}-${e.stepId ?? ''}`}>
                <td>{i + 1}</td><td><Link href={`/dossier/${e.dossierCode}`}>{e.dossierCode}</Link></td><td>{pick(e.procedure.name)}</td>
                <td>{e.applicantName ?? ''}</td><td>{formatCompact(e.receivedAt)}</td><td>{formatCompact(e.finalDueAt ?? e.dueAt)}</td>
                <td>{formatCompact(e.decidedAt ?? e.returnedAt ?? null)}</td><td>{t(e.timeliness)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </article>
  );
}

/** The desk's and operators' search: by code, applicant name (diacritics ignored) or phone. */
export function SearchPage({ search }: { search: string }) {
  const { t, pick, lang } = useI18n(T);
  const q = new URLSearchParams(search).get('q') ?? '';
  const [text, setText] = useState(q);
  const { data, problem, loading, loadingMore, more } = useDossierSearch(q ? { q } : undefined);
  const errors = fieldErrors(problem);
  return (
    <section>
      <h1>{t('search')}</h1>
      <form class="inline" role="search" onSubmit={(e) => { e.preventDefault(); navigate(`/records/search?q=${encodeURIComponent(text.trim())}`); }}>
        <Field id="q" label={t('q')} hint={t('qHint')} error={errors.q}>
          {(aria) => <input {...aria} type="search" value={text} onInput={(e) => setText((e.target as HTMLInputElement).value)} autoComplete="off" />}
        </Field>
        <button type="submit" class="primary">{t('search')}</button>
      </form>
      {q && loading && <p role="status">…</p>}
      {problem && !errors.q && <Alert>{problem.detail ?? problem.title}</Alert>}
      {data && <p role="status">{data.nextCursor ? t('foundSoFar', { n: data.dossiers.length }) : t('found', { n: data.dossiers.length, m: data.searched })}</p>}
      {data && data.dossiers.length === 0 && !/^[A-Z0-9]{2,12}-\d{6}-\d{4,}$/i.test(q) && <p data-testid="closed-hint">{t('closedHint')}</p>}
      {data && data.dossiers.length > 0 && (
        <table>
          <caption>{t('search')}: {q}</caption>
          <thead><tr>{(['code', 'procedure', 'applicant', 'status', 'received', 'appointment'] as const).map((k) => <th scope="col" key={k}>{t(k)}</th>)}</tr></thead>
          <tbody>
            {data.dossiers.map((d) => (
              <tr key={d.code}>
                <td><Link href={`/dossier/${d.code}`}>{d.code}</Link></td><td>{pick(d.procedure.name)}</td><td>{d.applicantName}</td>
                <td><StatusText status={d.status} /></td><td>{formatDateTime(d.receivedAt, lang)}</td><td>{formatDateTime(d.appointmentAt, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {data?.nextCursor && (
        <button type="button" class="secondary" data-testid="search-more" disabled={loadingMore} onClick={() => void more()}>{t('more')}</button>
      )}
    </section>
  );
}
