import { useState } from 'preact/hooks';
import { fieldErrors, type Problem } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import { useApp } from '../context';
import { Link, navigate } from '../router';
import { Alert, Field } from '../ui';
import { useData } from '../use-data';
import { saveBase64File } from '../../shared/save-file';

const T = {
  title: { vi: 'Kết quả công việc và đánh giá', en: 'Figures and evaluations' },
  scope_own: { vi: 'Số liệu của chính bạn.', en: 'Your own figures.' },
  scope_agency: { vi: 'Số liệu cơ quan bạn phụ trách và cán bộ của cơ quan.', en: 'The figures of the agency you head and of its officers.' },
  scope_all: { vi: 'Số liệu của mọi cán bộ và cơ quan.', en: "Every officer's and agency's figures." },
  from: { vi: 'Từ ngày', en: 'From' },
  to: { vi: 'Đến ngày', en: 'To' },
  show: { vi: 'Xem', en: 'Show' },
  officers: { vi: 'Theo cán bộ', en: 'By officer' },
  agencies: { vi: 'Theo cơ quan', en: 'By agency' },
  who: { vi: 'Cán bộ / cơ quan', en: 'Officer / agency' },
  handled: { vi: 'Hồ sơ đã xử lý', en: 'Dossiers handled' },
  onTime: { vi: 'Bước đúng hạn', en: 'Steps on time' },
  late: { vi: 'Bước trễ hạn', en: 'Steps late' },
  evaluations: { vi: 'Lượt đánh giá', en: 'Evaluations' },
  criteria: { vi: 'Điểm trung bình theo tiêu chí', en: 'Mean score per criterion' },
  lateList: { vi: 'Bước trễ hạn (cán bộ giữ hồ sơ khi trễ)', en: 'Late steps (the officer who held it)' },
  nobody: { vi: 'chưa ai nhận', en: 'nobody yet' },
  comments: { vi: 'Ý kiến của công dân (không kèm danh tính)', en: "Citizens' comments (without who wrote them)" },
  none: { vi: 'Không có số liệu trong khoảng này.', en: 'No figures in this period.' },
  unlisted: { vi: 'Khoảng này có nhiều hồ sơ: chỉ hiển thị số liệu, không liệt kê từng hồ sơ (tối đa {limit} hồ sơ mới liệt kê). Thu hẹp khoảng thời gian để xem danh sách.', en: 'Many dossiers in this period: the figures only, no list of dossiers (listed up to {limit}). Narrow the period to see them.' },
};

type Row = { key: string; handled: { count: number; dossiers: string[] }; onTime: { count: number; dossiers: string[] }; late: { count: number; steps: { code: string; stepId: string; agency: string; officer: string | null }[] }; evaluations: { count: number; dossiers: string[]; criteria: { id: string; label: { vi: string; en: string }; max: number; mean: number | null; count: number }[]; comments: string[] } };

const codes = (list: string[]) => list.map((c, i) => <>{i ? ', ' : ''}<Link href={`/dossier/${encodeURIComponent(c)}`}>{c}</Link></>);

function Holder({ row }: { row: Row }) {
  const { t, pick } = useI18n(T);
  return (
    <article class="card" data-holder={row.key}>
      <h3>{row.key}</h3>
      <dl>
        <dt>{t('handled')}</dt><dd><span data-figure="handled">{row.handled.count}</span> — {codes(row.handled.dossiers)}</dd>
        <dt>{t('onTime')}</dt><dd><span data-figure="onTime">{row.onTime.count}</span> — {codes(row.onTime.dossiers)}</dd>
        <dt>{t('late')}</dt><dd><span data-figure="late">{row.late.count}</span></dd>
        <dt>{t('evaluations')}</dt><dd><span data-figure="evaluations">{row.evaluations.count}</span> — {codes(row.evaluations.dossiers)}</dd>
      </dl>
      {row.late.steps.length > 0 && (
        <>
          <h4>{t('lateList')}</h4>
          <ul>{row.late.steps.map((s) => <li key={`${s.code}/${s.stepId}`}><Link href={`/dossier/${encodeURIComponent(s.code)}`}>{s.code}</Link> · {s.stepId} · {s.agency} · {s.officer ?? t('nobody')}</li>)}</ul>
        </>
      )}
      {row.evaluations.count > 0 && (
        <div class="table-wrap">
          <table class="figures">
            <caption>{t('criteria')}</caption>
            <tbody>{row.evaluations.criteria.map((c) => <tr key={c.id}><th scope="row">{pick(c.label)}</th><td data-criterion={c.id}>{c.mean ?? '—'} / {c.max}</td></tr>)}</tbody>
          </table>
        </div>
      )}
      {row.evaluations.comments.length > 0 && <><h4>{t('comments')}</h4><ul>{row.evaluations.comments.map((c, i) => <li key={i}>{c}</li>)}</ul></>}
    </article>
  );
}

/** /figures: an officer's own figures; a head's (group head-<AGENCY>) their agency's; an operator's everyone's (GET /reports/officers). */
export function FiguresPage({ search }: { search: string }) {
  const { api } = useApp();
  const { t } = useI18n(T);
  const params = new URLSearchParams(search);
  const today = new Date().toISOString().slice(0, 10);
  const from = params.get('from') ?? `${today.slice(0, 8)}01`;
  const to = params.get('to') ?? today;
  const { data, problem, status } = useData(() => api.GET('/reports/officers', { params: { query: { from, to } } }), [from, to]);
  const errs = fieldErrors(problem);
  const show = (e: Event) => {
    e.preventDefault();
    const f = new FormData(e.target as HTMLFormElement);
    navigate(`/figures?from=${f.get('from')}&to=${f.get('to')}`);
  };
  return (
    <section>
      <h1>{t('title')}</h1>
      <form class="toolbar" onSubmit={show} noValidate>
        <Field id="fg-from" label={t('from')} error={errs.from}>{(a) => <input {...a} name="from" type="date" value={from} />}</Field>
        <Field id="fg-to" label={t('to')} error={errs.to}>{(a) => <input {...a} name="to" type="date" value={to} />}</Field>
        <button type="submit" class="secondary">{t('show')}</button>
      </form>
      {problem && status !== 200 && <Alert>{problem.detail ?? problem.title}</Alert>}
      {data && (
        <>
          <p role="status">{t(`scope_${data.scope}`)}</p>
          {!data.listed.dossiers && <p class="hint" data-unlisted>{t('unlisted').replace('{limit}', String(data.listed.limit))}</p>}
          {!data.officers.length && !data.agencies.length && <p>{t('none')}</p>}
          {data.officers.length > 0 && <><h2>{t('officers')}</h2>{data.officers.map((r) => <Holder key={r.key} row={r as Row} />)}</>}
          {data.agencies.length > 0 && <><h2>{t('agencies')}</h2>{data.agencies.map((r) => <Holder key={r.key} row={r as Row} />)}</>}
        </>
      )}
    </section>
  );
}

const R = {
  title: { vi: 'Chỉ số 766 và báo cáo định kỳ', en: 'The 766 index and periodic reports' },
  panel: { vi: 'Chỉ số phục vụ (Quyết định 766/QĐ-TTg) — các thành phần tính được', en: 'Service index (Decision 766/QĐ-TTg) — the components computed' },
  notComputed: { vi: 'Không tính được', en: 'Not computed' },
  value: { vi: 'Giá trị', en: 'Value' },
  how: { vi: 'Cách tính', en: 'How' },
  behind: { vi: 'Hồ sơ', en: 'Dossiers' },
  report: { vi: 'Báo cáo định kỳ (tháng YYYY-MM, quý YYYY-Qn, năm YYYY)', en: 'Periodic report (month YYYY-MM, quarter YYYY-Qn, year YYYY)' },
  period: { vi: 'Kỳ báo cáo', en: 'Period' },
  xlsx: { vi: 'Tải Excel', en: 'Download Excel' },
  csv: { vi: 'Tải CSV', en: 'Download CSV' },
  from: { vi: 'Từ ngày', en: 'From' },
  to: { vi: 'Đến ngày', en: 'To' },
  show: { vi: 'Xem', en: 'Show' },
  unlisted: { vi: 'Khoảng này có nhiều hồ sơ: chỉ hiển thị số liệu, không liệt kê từng hồ sơ (tối đa {limit} hồ sơ mới liệt kê). Thu hẹp khoảng thời gian để xem danh sách.', en: 'Many dossiers in this period: the figures only, no list of dossiers (listed up to {limit}). Narrow the period to see them.' },
};


/** /console/reports (operators): the 766 panel for a period, and the periodic report's downloads. */
export function ConsoleReports({ search }: { search: string }) {
  const { api } = useApp();
  const { t, pick } = useI18n(R);
  const params = new URLSearchParams(search);
  const today = new Date().toISOString().slice(0, 10);
  const from = params.get('from') ?? `${today.slice(0, 8)}01`;
  const to = params.get('to') ?? today;
  const { data, problem, status } = useData(() => api.GET('/reports/index766', { params: { query: { from, to } } }), [from, to]);
  const [period, setPeriod] = useState(today.slice(0, 7));
  const [error, setError] = useState<Problem>();
  const get = async (format: 'xlsx' | 'csv') => {
    const { data: file, error: err } = await api.GET('/reports/periodic', { params: { query: { period, format } } });
    if (file && 'base64' in file) {
      setError(undefined);
      saveBase64File(file);
    } else setError(err as Problem);
  };
  const show = (e: Event) => {
    e.preventDefault();
    const f = new FormData(e.target as HTMLFormElement);
    navigate(`/console/reports?from=${f.get('from')}&to=${f.get('to')}`);
  };
  return (
    <section>
      <h1>{t('title')}</h1>
      <h2>{t('panel')}</h2>
      <form class="toolbar" onSubmit={show} noValidate>
        <Field id="p766-from" label={t('from')}>{(a) => <input {...a} name="from" type="date" value={from} />}</Field>
        <Field id="p766-to" label={t('to')}>{(a) => <input {...a} name="to" type="date" value={to} />}</Field>
        <button type="submit" class="secondary">{t('show')}</button>
      </form>
      {problem && status !== 200 && <Alert>{problem.detail ?? problem.title}</Alert>}
      {data && (
        <>
          <p class="hint">{data.decision}</p>
          {!data.listed.dossiers && <p class="hint" data-unlisted>{t('unlisted').replace('{limit}', String(data.listed.limit))}</p>}
          <div class="table-wrap">
            <table class="figures">
              <thead><tr><th scope="col">{t('panel')}</th><th scope="col">{t('value')}</th><th scope="col">{t('how')}</th><th scope="col">{t('behind')}</th></tr></thead>
              <tbody>
                {data.components.map((c) => (
                  <tr key={c.id} data-component={c.id}>
                    <th scope="row">{pick(c.name)}</th>
                    <td>{c.value === null ? '—' : `${c.value}%`} ({c.numerator}/{c.denominator})</td>
                    <td>{c.how}</td>
                    <td>{c.dossiers.numerator.map((code, i) => <>{i ? ', ' : ''}<Link href={`/dossier/${encodeURIComponent(code)}`}>{code}</Link></>)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h3>{t('notComputed')}</h3>
          <ul>{data.notComputed.map((n, i) => <li key={i}>{pick(n.name)} — {n.why}</li>)}</ul>
        </>
      )}
      <h2>{t('report')}</h2>
      <div class="toolbar">
        <Field id="periodic-period" label={t('period')}>{(a) => <input {...a} value={period} onInput={(e) => setPeriod((e.target as HTMLInputElement).value)} />}</Field>
        <button type="button" class="secondary" onClick={() => get('xlsx')}>{t('xlsx')}</button>
        <button type="button" class="secondary" onClick={() => get('csv')}>{t('csv')}</button>
      </div>
      {error && <Alert>{error.detail ?? error.title}</Alert>}
    </section>
  );
}
