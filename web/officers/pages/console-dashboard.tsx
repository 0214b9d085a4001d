import { useEffect, useRef, useState } from 'preact/hooks';
import type { ReportRow } from '../../../functions/core/records';
import { fieldErrors, type Problem } from '../../shared/api';
import { platformNow } from '../../shared/clock';
import { formatDate, localDay } from '../../shared/dates';
import { useI18n } from '../../shared/i18n';
import { RateBars, TrendLine } from '../console/charts';
import { CT, downloadCsv } from '../console/shared';
import { useApp } from '../context';
import { Link, navigate } from '../router';
import { Alert, Field } from '../ui';
import { useData } from '../use-data';

const T = {
  ...CT,
  from: { vi: 'Từ ngày', en: 'From' },
  to: { vi: 'Đến ngày', en: 'To' },
  show: { vi: 'Xem', en: 'Show' },
  period: { vi: 'Kỳ báo cáo: {from} – {to}', en: 'Period: {from} – {to}' },
  timely: { vi: 'Đúng hạn (gồm trước hạn)', en: 'Timely (early or on time)' },
  early: { vi: 'Trước hạn', en: 'Early' },
  onTime: { vi: 'Đúng hạn', en: 'On time' },
  late: { vi: 'Quá hạn', en: 'Late' },
  pending: { vi: 'Đang xử lý', en: 'Pending' },
  steps: { vi: 'Bước xử lý', en: 'Steps' },
  apologies: { vi: 'Thư xin lỗi', en: 'Apologies' },
  supplements: { vi: 'Yêu cầu bổ sung', en: 'Supplements' },
  refusals: { vi: 'Từ chối', en: 'Refusals' },
  rating: { vi: 'Đánh giá trung bình', en: 'Average rating' },
  ratings: { vi: '{n} lượt đánh giá', en: '{n} ratings' },
  received: { vi: 'Hồ sơ tiếp nhận', en: 'Dossiers received' },
  returned: { vi: 'Đã trả kết quả', en: 'Returned' },
  dossierLate: { vi: 'Hồ sơ trễ hẹn', en: 'Dossiers late' },
  agency: { vi: 'Cơ quan', en: 'Agency' },
  procedure: { vi: 'Thủ tục', en: 'Procedure' },
  total: { vi: 'Tổng cộng', en: 'Total' },
  desk: { vi: 'Nơi tiếp nhận', en: 'Receiving desk' },
  allDesks: { vi: 'Tất cả nơi tiếp nhận', en: 'Every desk' },
  mainDesk: { vi: 'Trụ sở chính', en: 'Main desk' },
  byAgency: { vi: 'Tỷ lệ theo cơ quan', en: 'Rates by agency' },
  byProcedure: { vi: 'Theo thủ tục', en: 'By procedure' },
  trend: { vi: 'Xu hướng theo tháng: tỷ lệ đúng hạn', en: 'Monthly trend: share handled on time' },
  trendTable: { vi: 'Bảng số liệu theo tháng', en: 'The table behind the trend' },
  month: { vi: 'Tháng', en: 'Month' },
  csv: { vi: 'Tải CSV', en: 'Download CSV' },
  codeColumn: { vi: 'Mã', en: 'Code' },
  none: { vi: 'chưa có bước nào xong', en: 'nothing decided yet' },
  behind: { vi: 'Hồ sơ đằng sau: {what}', en: 'The dossiers behind: {what}' },
  behindCount: { vi: '{n} hồ sơ', en: '{n} dossiers' },
  behindButton: { vi: '{n} hồ sơ đằng sau: {what}', en: '{n} dossiers behind: {what}' },
  close: { vi: 'Đóng', en: 'Close' },
  skipped: { vi: '{n} hồ sơ bị bỏ qua vì thiếu dữ liệu: {codes}', en: '{n} dossiers left out (facts missing): {codes}' },
};

type Report = { from: string; to: string; by: 'agency' | 'procedure'; rows: ReportRow[]; total: ReportRow; skipped?: { code: string }[] };
type Measure = 'steps' | 'early' | 'onTime' | 'late' | 'pending' | 'apologies' | 'supplements' | 'refusals' | 'received' | 'returned' | 'dossierLate';
const STEP_COLS = ['steps', 'early', 'onTime', 'late', 'pending', 'apologies', 'supplements', 'refusals'] as const;
const DOSSIER_COLS = ['received', 'returned', 'dossierLate'] as const;

const monthStart = (d: string) => `${d.slice(0, 7)}-01`;
function monthsOf(from: string, to: string): { label: string; from: string; to: string }[] {
  const out = [];
  let [y, m] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  while (`${y}-${String(m).padStart(2, '0')}` <= to.slice(0, 7) && out.length < 13) {
    const ym = `${y}-${String(m).padStart(2, '0')}`;
    const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
    out.push({ label: `${String(m).padStart(2, '0')}/${y}`, from: `${ym}-01` < from ? from : `${ym}-01`, to: last > to ? to : last });
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
  return out;
}
const figure = (row: ReportRow, m: Measure): number =>
  m === 'received' ? row.dossiers?.received ?? 0 : m === 'returned' ? row.dossiers?.returned ?? 0 : m === 'dossierLate' ? row.dossiers?.late ?? 0 : (row.steps[m] as number);

/**
 * The operators' dashboard: the timeliness report for a period, by agency and by procedure; with
 * branch desks, for one receiving desk (`branch=`) or all.
 */
export function ConsoleDashboard({ search }: { search: string }) {
  const { api, config } = useApp();
  const { t, pick, lang } = useI18n(T);
  const q = new URLSearchParams(search);
  const today = localDay(platformNow());
  const from = q.get('from') ?? monthStart(today);
  const to = q.get('to') ?? today;
  const branches = config.centre.branches ?? [];
  const branch = branches.length ? (q.get('branch') ?? '') : '';
  const atDesk = branch ? { branch } : {};
  const [form, setForm] = useState({ from, to, branch });
  useEffect(() => setForm({ from, to, branch }), [from, to, branch]);
  const byAgency = useData(() => api.GET('/reports/timeliness', { params: { query: { from, to, by: 'agency', ...atDesk } } }), [from, to, branch]);
  const byProcedure = useData(() => api.GET('/reports/timeliness', { params: { query: { from, to, by: 'procedure', ...atDesk } } }), [from, to, branch]);
  const [trend, setTrend] = useState<{ label: string; row: ReportRow }[]>();
  useEffect(() => {
    let live = true;
    setTrend(undefined);
    if (from > to) return;
    Promise.all(monthsOf(from, to).map(async (m) => ({ label: m.label, data: (await api.GET('/reports/timeliness', { params: { query: { from: m.from, to: m.to, by: 'agency', ...atDesk } } })).data as Report | undefined })))
      .then((list) => live && setTrend(list.filter((x) => x.data).map((x) => ({ label: x.label, row: x.data!.total }))))
      .catch(() => live && setTrend([]));
    return () => {
      live = false;
    };
  }, [from, to, branch]);
  const [behind, setBehind] = useState<{ by: 'agency' | 'procedure'; rowKey: string; measure: Measure; what: string }>();
  const agencies = byAgency.data as Report | undefined;
  const procedures = byProcedure.data as Report | undefined;
  const problem = (byAgency.problem ?? byProcedure.problem) as Problem | undefined;
  const errors = fieldErrors(problem);
  const name = (r: ReportRow) => (r.key === 'total' ? t('total') : pick(r.name) || r.key);
  const rate = (r: ReportRow, k: 'early' | 'onTime' | 'late' | 'timely') => (r.steps.rates ? `${r.steps.rates[k]}%` : '—');

  const Num = ({ by, row, m }: { by: 'agency' | 'procedure'; row: ReportRow; m: Measure }) => {
    const n = figure(row, m);
    const cell = `${by}:${row.key}:${m}`;
    if (!n) return <td data-cell={cell}>0</td>;
    const what = `${name(row)} — ${t(m)} (${n})`;
    // the name starts with what the button shows (WCAG 2.5.3, label in name): "2 hồ sơ đằng sau: …"
    return (
      <td data-cell={cell}>
        <button type="button" class="link-button" aria-label={t('behindButton', { n, what: `${name(row)} — ${t(m)}` })} onClick={() => setBehind({ by, rowKey: row.key, measure: m, what })}>{n}</button>
      </td>
    );
  };
  const Table = ({ report, by }: { report: Report; by: 'agency' | 'procedure' }) => {
    const cols: Measure[] = by === 'procedure' ? [...STEP_COLS, ...DOSSIER_COLS] : [...STEP_COLS];
    const rows = [...report.rows, report.total];
    const csv = () =>
      downloadCsv(`timeliness-${by}-${from}-${to}.csv`, [
        [t(by), t('codeColumn'), ...cols.map((c) => t(c)), `${t('early')} %`, `${t('onTime')} %`, `${t('late')} %`, ...(by === 'procedure' ? [t('rating')] : [])],
        ...rows.map((r) => [name(r), r.key, ...cols.map((c) => figure(r, c)), r.steps.rates?.early, r.steps.rates?.onTime, r.steps.rates?.late, ...(by === 'procedure' ? [r.dossiers?.ratingAverage] : [])]),
      ]);
    return (
      <>
        <div class="table-wrap">
          <table data-table={by}>
            <caption>{by === 'agency' ? t('byAgency') : t('byProcedure')}</caption>
            <thead>
              <tr>
                <th scope="col">{t(by)}</th>
                {cols.map((c) => <th scope="col" key={c}>{t(c)}</th>)}
                <th scope="col">{t('early')} %</th><th scope="col">{t('onTime')} %</th><th scope="col">{t('late')} %</th>
                {by === 'procedure' && <th scope="col">{t('rating')}</th>}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key} data-row={r.key} class={r.key === 'total' ? 'total' : undefined}>
                  <th scope="row">{name(r)}</th>
                  {cols.map((c) => <Num key={c} by={by} row={r} m={c} />)}
                  <td data-cell={`${by}:${r.key}:rate-early`}>{rate(r, 'early')}</td>
                  <td data-cell={`${by}:${r.key}:rate-onTime`}>{rate(r, 'onTime')}</td>
                  <td data-cell={`${by}:${r.key}:rate-late`}>{rate(r, 'late')}</td>
                  {by === 'procedure' && <td data-cell={`${by}:${r.key}:rating`}>{r.dossiers?.ratingAverage ?? '—'}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <button type="button" class="secondary" onClick={csv}>{t('csv')} — {by === 'agency' ? t('byAgency') : t('byProcedure')}</button>
      </>
    );
  };
  const total = procedures?.total;
  return (
      <section class="dashboard">
        <h1>{t('dashboard')}</h1>
        <form class="inline" onSubmit={(e) => { e.preventDefault(); navigate(`/console?from=${form.from}&to=${form.to}${form.branch ? `&branch=${form.branch}` : ''}`); }}>
          <Field id="dash-from" label={t('from')} error={errors.from}>
            {(aria) => <input {...aria} type="date" value={form.from} onInput={(e) => setForm({ ...form, from: (e.target as HTMLInputElement).value })} />}
          </Field>
          <Field id="dash-to" label={t('to')} error={errors.to}>
            {(aria) => <input {...aria} type="date" value={form.to} onInput={(e) => setForm({ ...form, to: (e.target as HTMLInputElement).value })} />}
          </Field>
          {branches.length > 0 && (
            <Field id="dash-branch" label={t('desk')} error={errors.branch}>
              {(aria) => (
                <select {...aria} value={form.branch} onChange={(e) => setForm({ ...form, branch: (e.target as HTMLSelectElement).value })}>
                  <option value="">{t('allDesks')}</option>
                  <option value={config.centre.deskAgency}>{t('mainDesk')}</option>
                  {branches.map((b) => <option key={b.code} value={b.code}>{pick(b.name)}</option>)}
                </select>
              )}
            </Field>
          )}
          <button type="submit" class="primary">{t('show')}</button>
        </form>
        <p>{t('period', { from: formatDate(`${from}T12:00:00+07:00`, lang), to: formatDate(`${to}T12:00:00+07:00`, lang) })}</p>
        {(byAgency.loading || byProcedure.loading) && <p role="status">…</p>}
        {problem && !errors.from && !errors.to && <Alert>{problem.detail ?? problem.title}</Alert>}
        {total && (
          <dl class="figures" data-testid="figures">
            <div><dt>{t('timely')}</dt><dd data-figure="timely">{rate(total, 'timely')}</dd></div>
            <div><dt>{t('early')}</dt><dd data-figure="early">{rate(total, 'early')}</dd></div>
            <div><dt>{t('onTime')}</dt><dd data-figure="onTime">{rate(total, 'onTime')}</dd></div>
            <div><dt>{t('late')}</dt><dd data-figure="late">{rate(total, 'late')}</dd></div>
            <div><dt>{t('apologies')}</dt><dd data-figure="apologies">{total.steps.apologies}</dd></div>
            <div><dt>{t('supplements')}</dt><dd data-figure="supplements">{total.steps.supplements}</dd></div>
            <div><dt>{t('refusals')}</dt><dd data-figure="refusals">{total.steps.refusals}</dd></div>
            <div><dt>{t('rating')}</dt><dd data-figure="rating">{total.dossiers?.ratingAverage ?? '—'} <small>({t('ratings', { n: total.dossiers?.ratingCount ?? 0 })})</small></dd></div>
            <div><dt>{t('received')}</dt><dd data-figure="received">{total.dossiers?.received ?? 0}</dd></div>
          </dl>
        )}
        {procedures?.skipped && procedures.skipped.length > 0 && <Alert>{t('skipped', { n: procedures.skipped.length, codes: procedures.skipped.map((s) => s.code).join(', ') })}</Alert>}
        {behind && <Behind {...behind} from={from} to={to} branch={branch || undefined} onClose={() => setBehind(undefined)} />}
        {agencies && (
          <>
            <h2>{t('byAgency')}</h2>
            <RateBars
              id="rates-by-agency"
              title={t('byAgency')}
              none={t('none')}
              bars={agencies.rows.map((r) => ({ label: name(r), parts: r.steps.rates ? (['early', 'onTime', 'late'] as const).map((k) => ({ key: k, value: r.steps.rates![k], label: t(k) })) : null }))}
            />
            <p class="legend"><span class="key early" /> {t('early')} <span class="key onTime" /> {t('onTime')} <span class="key late" /> {t('late')}</p>
            <Table report={agencies} by="agency" />
          </>
        )}
        {trend && trend.length > 0 && (
          <>
            <h2>{t('trend')}</h2>
            <TrendLine id="trend" title={t('trend')} none={t('none')} points={trend.map((x) => ({ label: x.label, value: x.row.steps.rates?.timely ?? null }))} />
            <details>
              <summary>{t('trendTable')}</summary>
              <table data-table="trend">
                <caption>{t('trend')}</caption>
                <thead><tr><th scope="col">{t('month')}</th><th scope="col">{t('steps')}</th><th scope="col">{t('timely')}</th><th scope="col">{t('late')}</th><th scope="col">{t('apologies')}</th></tr></thead>
                <tbody>{trend.map((x) => <tr key={x.label}><th scope="row">{x.label}</th><td>{x.row.steps.steps}</td><td>{rate(x.row, 'timely')}</td><td>{rate(x.row, 'late')}</td><td>{x.row.steps.apologies}</td></tr>)}</tbody>
              </table>
              <button type="button" class="secondary" onClick={() => downloadCsv(`timeliness-months-${from}-${to}.csv`, [[t('month'), t('steps'), `${t('timely')} %`, `${t('late')} %`, t('apologies')], ...trend.map((x) => [x.label, x.row.steps.steps, x.row.steps.rates?.timely, x.row.steps.rates?.late, x.row.steps.apologies])])}>{t('csv')} — {t('month')}</button>
            </details>
          </>
        )}
        {procedures && (
          <>
            <h2>{t('byProcedure')}</h2>
            <Table report={procedures} by="procedure" />
          </>
        )}
      </section>
  );
}

/** The dossiers behind one number (GET /reports/timeliness/dossiers), each a link to its page. */
function Behind(props: { by: 'agency' | 'procedure'; rowKey: string; measure: Measure; what: string; from: string; to: string; branch?: string; onClose: () => void }) {
  const { api } = useApp();
  const { t } = useI18n(T);
  const heading = useRef<HTMLHeadingElement>(null);
  const { data, problem, loading } = useData(
    () => api.GET('/reports/timeliness/dossiers', { params: { query: { from: props.from, to: props.to, by: props.by, key: props.rowKey, measure: props.measure, ...(props.branch ? { branch: props.branch } : {}) } } }),
    [props.by, props.rowKey, props.measure, props.from, props.to, props.branch],
  );
  useEffect(() => heading.current?.focus(), [props.by, props.rowKey, props.measure]);
  return (
    <section class="behind" aria-labelledby="behind-h" data-testid="behind">
      <h2 id="behind-h" tabIndex={-1} ref={heading}>{t('behind', { what: props.what })}</h2>
      {loading && <p role="status">…</p>}
      {problem && <Alert>{(problem as Problem).detail ?? (problem as Problem).title}</Alert>}
      {data && (
        <>
          <p role="status">{t('behindCount', { n: data.count })}</p>
          <ul class="codes">{data.dossiers.map((c) => <li key={c}><Link href={`/dossier/${c}`}>{c}</Link></li>)}</ul>
        </>
      )}
      <button type="button" class="secondary" onClick={props.onClose}>{t('close')}</button>
    </section>
  );
}
