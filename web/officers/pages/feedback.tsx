/**
 * Citizens' feedback (docs/feedback.md) in the officers' pages:
 * (under /pakn — phản ánh, kiến nghị — since /feedback is the API's):
 *   /pakn               the list (the desk and operators: all; an agency: its own), filters, the
 *                       warnings and the late ones; the desk enters what came by another channel
 *   /pakn/<code>        one item: assign (with a reason when it moves), merge, answer, publish
 *   /pakn/figures       counts by channel, kind, agency and month, on time and late; CSV
 */
import { useState } from 'preact/hooks';
import { fieldErrors, newKey, type Problem } from '../../shared/api';
import { formatDateTime } from '../../shared/dates';
import { useI18n } from '../../shared/i18n';
import { agenciesOf, isDesk, isOperator } from '../auth';
import { downloadCsv } from '../console/shared';
import { useApp } from '../context';
import { Link, navigate } from '../router';
import { Alert, Field } from '../ui';
import { useData } from '../use-data';
import { FEEDBACK_CHANNEL_WORDS, FEEDBACK_KIND_WORDS, FEEDBACK_STATUS_WORDS } from '../words';

const T = {
  title: { vi: 'Phản ánh, kiến nghị', en: 'Feedback and petitions' },
  figures: { vi: 'Số liệu phản ánh, kiến nghị', en: 'Feedback figures' },
  toFigures: { vi: 'Số liệu', en: 'Figures' },
  status: { vi: 'Trạng thái', en: 'Status' },
  kind: { vi: 'Loại', en: 'Kind' },
  channel: { vi: 'Kênh tiếp nhận', en: 'Channel' },
  agency: { vi: 'Cơ quan trả lời', en: 'Answering agency' },
  any: { vi: 'Tất cả', en: 'All' },
  lateOnly: { vi: 'Chỉ quá hạn', en: 'Late only' },
  warningOnly: { vi: 'Chỉ sắp đến hạn', en: 'Due soon only' },
  apply: { vi: 'Lọc', en: 'Filter' },
  code: { vi: 'Mã', en: 'Code' },
  received: { vi: 'Tiếp nhận', en: 'Received' },
  due: { vi: 'Hạn trả lời', en: 'Answer due' },
  excerpt: { vi: 'Nội dung', en: 'Text' },
  late: { vi: 'Quá hạn', en: 'Late' },
  warning: { vi: 'Sắp đến hạn', en: 'Due soon' },
  onTime: { vi: 'Trong hạn', en: 'On time' },
  empty: { vi: 'Không có phản ánh, kiến nghị nào.', en: 'No feedback.' },
  more: { vi: 'Xem tiếp', en: 'More' },
  caption: { vi: 'Mới nhất trước', en: 'Newest first' },
  enter: { vi: 'Nhập phản ánh, kiến nghị nhận qua kênh khác', en: 'Enter feedback received by another channel' },
  text: { vi: 'Nội dung', en: 'Text' },
  name: { vi: 'Họ tên người gửi (nếu có)', en: "Sender's name (if any)" },
  email: { vi: 'Thư điện tử (để gửi biên nhận và trả lời)', en: 'Email (for the receipt and the answer)' },
  phone: { vi: 'Số điện thoại', en: 'Phone' },
  dossierCode: { vi: 'Mã hồ sơ liên quan', en: 'Dossier it is about' },
  assignTo: { vi: 'Giao ngay cho cơ quan', en: 'Assign at once to' },
  none: { vi: '—', en: '—' },
  save: { vi: 'Ghi nhận', en: 'Record' },
  saved: { vi: 'Đã ghi nhận {code}.', en: 'Recorded {code}.' },
  // one item
  submitter: { vi: 'Người gửi', en: 'Sender' },
  anonymous: { vi: 'Không nêu tên', en: 'Anonymous' },
  signedIn: { vi: 'đã đăng nhập', en: 'signed in' },
  names: { vi: 'Liên quan', en: 'About' },
  history: { vi: 'Phân công', en: 'Assignments' },
  reason: { vi: 'Lý do chuyển', en: 'Reason for moving it' },
  assign: { vi: 'Giao cho cơ quan', en: 'Assign' },
  reasonHint: { vi: 'Bắt buộc khi chuyển sang cơ quan khác.', en: 'Required when it moves to another agency.' },
  merge: { vi: 'Gộp vào phản ánh trùng', en: 'Merge into a duplicate' },
  into: { vi: 'Mã phản ánh gộp vào', en: 'Merge into (code)' },
  answer: { vi: 'Trả lời', en: 'Answer' },
  answerText: { vi: 'Nội dung trả lời (gửi người phản ánh qua thư điện tử)', en: 'The answer (emailed to the sender)' },
  send: { vi: 'Gửi trả lời', en: 'Send the answer' },
  answeredBy: { vi: 'Trả lời lúc {at}, bởi {by}', en: 'Answered {at} by {by}' },
  publish: { vi: 'Công khai (đã ẩn thông tin cá nhân)', en: 'Publish (personal data removed)' },
  published: { vi: 'Đã công khai lúc {at}.', en: 'Published {at}.' },
  mergedInto: { vi: 'Đã gộp vào', en: 'Merged into' },
  mergedHere: { vi: 'Các phản ánh đã gộp vào đây', en: 'Merged into this one' },
  done: { vi: 'Đã lưu.', en: 'Saved.' },
  notFound: { vi: 'Không có phản ánh này, hoặc bạn không được xem.', en: 'No such feedback, or not yours to see.' },
  // figures
  from: { vi: 'Từ ngày', en: 'From' },
  to: { vi: 'Đến ngày', en: 'To' },
  show: { vi: 'Xem', en: 'Show' },
  csv: { vi: 'Tải CSV', en: 'Download CSV' },
  total: { vi: 'Tổng số: {n}; quá hạn: {late}', en: 'Total: {n}; late: {late}' },
  by: { vi: 'Theo', en: 'By' },
  key: { vi: 'Nhóm', en: 'Group' },
  receivedN: { vi: 'Tiếp nhận', en: 'Received' },
  answered: { vi: 'Đã trả lời', en: 'Answered' },
  answeredOnTime: { vi: 'Trả lời đúng hạn', en: 'On time' },
  answeredLate: { vi: 'Trả lời quá hạn', en: 'Answered late' },
  open: { vi: 'Chưa trả lời', en: 'Open' },
  openLate: { vi: 'Chưa trả lời, quá hạn', en: 'Open and late' },
  byChannel: { vi: 'kênh', en: 'channel' },
  byKind: { vi: 'loại', en: 'kind' },
  byAgency: { vi: 'cơ quan', en: 'agency' },
  byMonth: { vi: 'tháng', en: 'month' },
};

type Kind = keyof typeof FEEDBACK_KIND_WORDS;
type Channel = keyof typeof FEEDBACK_CHANNEL_WORDS;
type Status = keyof typeof FEEDBACK_STATUS_WORDS;

const flag = (x: { late: boolean; warning: boolean }) => (x.late ? 'late' : x.warning ? 'warning' : 'onTime') as 'late' | 'warning' | 'onTime';
const badgeClass = { late: 'overdue', warning: 'soon', onTime: 'onTrack' } as const;

export function FeedbackList({ search }: { search: string }) {
  const { api, session, config } = useApp();
  const { t, pick, lang } = useI18n(T);
  const params = new URLSearchParams(search);
  const [cursor, setCursor] = useState<string>();
  const query = Object.fromEntries(['status', 'late', 'warning', 'agency', 'kind', 'channel'].flatMap((k) => (params.get(k) ? [[k, params.get(k)!]] : [])));
  const { data, problem, status, reload } = useData(() => api.GET('/feedback', { params: { query: { ...query, ...(cursor ? { cursor } : {}) } as never } }), [search, cursor]);
  const staff = isDesk(session) || isOperator(session);
  const agencyName = (c?: string) => (c ? pick(config.agencies.find((a) => a.code === c)?.name) || c : '—');
  const filter = (e: Event) => {
    e.preventDefault();
    const f = new FormData(e.target as HTMLFormElement);
    const q = new URLSearchParams([...f.entries()].filter(([, v]) => v !== '') as [string, string][]);
    setCursor(undefined);
    navigate(`/pakn${q.size ? `?${q}` : ''}`);
  };
  return (
    <section>
      <h1>{t('title')}</h1>
      {staff && <p><Link href="/pakn/figures">{t('toFigures')}</Link></p>}
      <form class="toolbar" onSubmit={filter} aria-label={t('apply')}>
        <label>{t('status')} <select name="status" value={params.get('status') ?? ''}><option value="">{t('any')}</option>{(Object.keys(FEEDBACK_STATUS_WORDS) as Status[]).map((s) => <option value={s}>{pick(FEEDBACK_STATUS_WORDS[s])}</option>)}</select></label>
        <label>{t('kind')} <select name="kind" value={params.get('kind') ?? ''}><option value="">{t('any')}</option>{(Object.keys(FEEDBACK_KIND_WORDS) as Kind[]).map((k) => <option value={k}>{pick(FEEDBACK_KIND_WORDS[k])}</option>)}</select></label>
        <label>{t('channel')} <select name="channel" value={params.get('channel') ?? ''}><option value="">{t('any')}</option>{(Object.keys(FEEDBACK_CHANNEL_WORDS) as Channel[]).map((c) => <option value={c}>{pick(FEEDBACK_CHANNEL_WORDS[c])}</option>)}</select></label>
        {staff && <label>{t('agency')} <select name="agency" value={params.get('agency') ?? ''}><option value="">{t('any')}</option>{config.agencies.map((a) => <option value={a.code}>{pick(a.name)}</option>)}</select></label>}
        <label class="check"><input type="checkbox" name="late" value="true" checked={params.get('late') === 'true'} /> {t('lateOnly')}</label>
        <label class="check"><input type="checkbox" name="warning" value="true" checked={params.get('warning') === 'true'} /> {t('warningOnly')}</label>
        <button type="submit" class="secondary">{t('apply')}</button>
      </form>
      {problem && status !== 200 && <Alert>{problem.detail ?? problem.title}</Alert>}
      {data && data.items.length === 0 && <p>{t('empty')}</p>}
      {data && data.items.length > 0 && (
        <div class="table-wrap">
          <table class="queue feedback">
            <caption>{t('caption')}</caption>
            <thead><tr><th scope="col">{t('code')}</th><th scope="col">{t('kind')}</th><th scope="col">{t('excerpt')}</th><th scope="col">{t('agency')}</th><th scope="col">{t('received')}</th><th scope="col">{t('due')}</th><th scope="col">{t('status')}</th></tr></thead>
            <tbody>
              {data.items.map((x) => (
                <tr key={x.code} data-feedback={x.code}>
                  <td><Link href={`/pakn/${x.code}`}>{x.code}</Link><br /><small>{pick(FEEDBACK_CHANNEL_WORDS[x.channel as Channel])}</small></td>
                  <td>{pick(FEEDBACK_KIND_WORDS[x.kind as Kind])}</td>
                  <td>{x.excerpt}</td>
                  <td>{agencyName(x.assignedTo)}</td>
                  <td>{formatDateTime(x.receivedAt, lang)}</td>
                  <td>{formatDateTime(x.dueAt, lang)}</td>
                  <td>{pick(FEEDBACK_STATUS_WORDS[x.status as Status])}{x.status !== 'merged' && <> <span class={`badge badge-${badgeClass[flag(x)]}`} data-flag={flag(x)}>{t(flag(x))}</span></>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {data?.nextCursor && <button type="button" class="secondary" onClick={() => setCursor(data.nextCursor)}>{t('more')}</button>}
      {isDesk(session) || isOperator(session) ? <EnterFeedback onDone={reload} /> : null}
    </section>
  );
}

function EnterFeedback({ onDone }: { onDone: () => void }) {
  const { api, config } = useApp();
  const { t, pick } = useI18n(T);
  const empty = { channel: 'hotline', kind: 'question', text: '', name: '', email: '', phone: '', dossierCode: '', assignTo: '' };
  const [form, setForm] = useState(empty);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState('');
  const [key, setKey] = useState(newKey());
  const set = (k: keyof typeof empty) => (e: Event) => setForm({ ...form, [k]: (e.target as HTMLInputElement).value });
  const submit = async (e: Event) => {
    e.preventDefault();
    const body = Object.fromEntries(Object.entries(form).filter(([, v]) => v.trim() !== '').map(([k, v]) => [k, v.trim()]));
    const { data, error } = await api.POST('/feedback', { params: { header: { 'Idempotency-Key': key } }, body: body as never });
    if (data) {
      setKey(newKey());
      setForm(empty);
      setErrors({});
      setMessage(t('saved', { code: data.code }));
      return onDone();
    }
    setMessage('');
    const errs = fieldErrors(error as Problem);
    setErrors(Object.keys(errs).length ? errs : { text: (error as Problem)?.detail ?? (error as Problem)?.title ?? '' });
  };
  return (
    <details class="enter-feedback">
      <summary>{t('enter')}</summary>
      <form onSubmit={submit} noValidate>
        <Field id="fb-channel" label={t('channel')} error={errors.channel}>{(a) => <select {...a} value={form.channel} onChange={set('channel')}>{(Object.keys(FEEDBACK_CHANNEL_WORDS) as Channel[]).filter((c) => c !== 'web').map((c) => <option value={c}>{pick(FEEDBACK_CHANNEL_WORDS[c])}</option>)}</select>}</Field>
        <Field id="fb-kind" label={t('kind')} error={errors.kind}>{(a) => <select {...a} value={form.kind} onChange={set('kind')}>{(Object.keys(FEEDBACK_KIND_WORDS) as Kind[]).map((k) => <option value={k}>{pick(FEEDBACK_KIND_WORDS[k])}</option>)}</select>}</Field>
        <Field id="fb-text" label={t('text')} error={errors.text}>{(a) => <textarea {...a} rows={4} value={form.text} onInput={set('text')} />}</Field>
        <Field id="fb-dossierCode" label={t('dossierCode')} error={errors.dossierCode}>{(a) => <input {...a} value={form.dossierCode} onInput={set('dossierCode')} />}</Field>
        <Field id="fb-name" label={t('name')} error={errors.name}>{(a) => <input {...a} value={form.name} onInput={set('name')} />}</Field>
        <Field id="fb-email" label={t('email')} error={errors.email}>{(a) => <input {...a} type="email" value={form.email} onInput={set('email')} />}</Field>
        <Field id="fb-phone" label={t('phone')} error={errors.phone}>{(a) => <input {...a} type="tel" value={form.phone} onInput={set('phone')} />}</Field>
        <Field id="fb-assignTo" label={t('assignTo')} error={errors.assignTo}>{(a) => <select {...a} value={form.assignTo} onChange={set('assignTo')}><option value="">{t('none')}</option>{config.agencies.map((x) => <option value={x.code}>{pick(x.name)}</option>)}</select>}</Field>
        {message && <Alert kind="ok">{message}</Alert>}
        <button type="submit" class="primary">{t('save')}</button>
      </form>
    </details>
  );
}

export function FeedbackItem({ code }: { code: string }) {
  const { api, session, config } = useApp();
  const { t, pick, lang } = useI18n(T);
  const { data, status, reload } = useData(() => api.GET('/feedback/{code}', { params: { path: { code } } }), [code]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState('');
  const [form, setForm] = useState({ agency: '', reason: '', kind: '', into: '', answer: '' });
  const [key, setKey] = useState(newKey());
  if (status === 404 || status === 400) return <><h1>{code}</h1><Alert>{t('notFound')}</Alert></>;
  if (!data) return <p>…</p>;
  const staff = isDesk(session) || isOperator(session);
  const mayAnswer = isDesk(session) || (!!data.assignedTo && agenciesOf(session).includes(data.assignedTo));
  const open = data.status === 'received' || data.status === 'assigned';
  const agencyName = (c?: string) => (c ? pick(config.agencies.find((a) => a.code === c)?.name) || c : '—');
  const set = (k: keyof typeof form) => (e: Event) => setForm({ ...form, [k]: (e.target as HTMLInputElement).value });
  const act = async (run: () => Promise<{ data?: unknown; error?: unknown }>, rename: Record<string, string> = {}) => {
    const { data: ok, error } = await run();
    if (ok) {
      setKey(newKey());
      setErrors({});
      setMessage(t('done'));
      return reload();
    }
    setMessage('');
    const errs = fieldErrors(error as Problem);
    const named = Object.fromEntries(Object.entries(errs).map(([f, m]) => [rename[f] ?? f, m]));
    setErrors(Object.keys(named).length ? named : { form: (error as Problem)?.detail ?? (error as Problem)?.title ?? '' });
  };
  const path = { code };
  const header = { 'Idempotency-Key': key };
  return (
    <section class="feedback-item">
      <h1>{t('title')} {code}</h1>
      <p>
        <span>{pick(FEEDBACK_STATUS_WORDS[data.status as Status])}</span>{' '}
        {data.status !== 'merged' && <span class={`badge badge-${badgeClass[flag(data)]}`} data-flag={flag(data)}>{t(flag(data))}</span>}
      </p>
      <dl class="facts">
        <dt>{t('kind')}</dt><dd>{pick(FEEDBACK_KIND_WORDS[data.kind as Kind])}</dd>
        <dt>{t('channel')}</dt><dd>{pick(FEEDBACK_CHANNEL_WORDS[data.channel as Channel])}</dd>
        <dt>{t('received')}</dt><dd>{formatDateTime(data.receivedAt, lang)}</dd>
        <dt>{t('due')}</dt><dd>{formatDateTime(data.dueAt, lang)}</dd>
        <dt>{t('agency')}</dt><dd>{agencyName(data.assignedTo)}</dd>
        <dt>{t('submitter')}</dt><dd>{[data.name ?? t('anonymous'), data.email, data.phone].filter(Boolean).join(' · ')}{data.signedIn && ` (${t('signedIn')})`}</dd>
        {(data.dossierCode || data.procedureCode || data.agencyCode || data.rule) && (
          <><dt>{t('names')}</dt><dd>{data.dossierCode && <Link href={`/dossier/${data.dossierCode}`}>{data.dossierCode}</Link>} {[data.procedureCode, data.agencyCode, data.rule].filter(Boolean).join(' · ')}</dd></>
        )}
      </dl>
      <h2>{t('text')}</h2>
      <p class="feedback-text">{data.text}</p>
      {data.assignments.length > 0 && (
        <>
          <h2>{t('history')}</h2>
          <ul>{data.assignments.map((a) => <li>{formatDateTime(a.at, lang)} — {agencyName(a.agency)} ({a.by}){a.reason && `: ${a.reason}`}</li>)}</ul>
        </>
      )}
      {data.mergedInto && <p>{t('mergedInto')} <Link href={`/pakn/${data.mergedInto}`}>{data.mergedInto}</Link></p>}
      {data.merged.length > 0 && <p>{t('mergedHere')}: {data.merged.map((c) => <><Link href={`/pakn/${c}`}>{c}</Link>{' '}</>)}</p>}
      {data.answer && (
        <>
          <h2>{t('answer')}</h2>
          <p class="feedback-text">{data.answer.text}</p>
          <p class="muted">{t('answeredBy', { at: formatDateTime(data.answer.at, lang), by: data.answer.agency ? agencyName(data.answer.agency) : data.answer.by })}</p>
        </>
      )}
      {data.published && <p class="muted">{t('published', { at: formatDateTime(data.published.at, lang) })}</p>}
      {errors.form && <Alert>{errors.form}</Alert>}
      {message && <Alert kind="ok">{message}</Alert>}

      {staff && open && (
        <form class="act" onSubmit={(e) => { e.preventDefault(); void act(() => api.POST('/feedback/{code}/assign', { params: { path, header }, body: { agency: form.agency, ...(form.reason.trim() ? { reason: form.reason.trim() } : {}), ...(form.kind ? { kind: form.kind as Kind } : {}) } }), { agency: 'fb-agency', reason: 'fb-reason' }); }} noValidate>
          <h2>{t('assign')}</h2>
          <Field id="fb-agency" label={t('agency')} error={errors['fb-agency']}>{(a) => <select {...a} value={form.agency} onChange={set('agency')}><option value="">—</option>{config.agencies.map((x) => <option value={x.code}>{pick(x.name)}</option>)}</select>}</Field>
          <Field id="fb-kind" label={t('kind')}>{(a) => <select {...a} value={form.kind || data.kind} onChange={set('kind')}>{(Object.keys(FEEDBACK_KIND_WORDS) as Kind[]).map((k) => <option value={k}>{pick(FEEDBACK_KIND_WORDS[k])}</option>)}</select>}</Field>
          <Field id="fb-reason" label={t('reason')} hint={t('reasonHint')} error={errors['fb-reason']}>{(a) => <input {...a} value={form.reason} onInput={set('reason')} />}</Field>
          <button type="submit" class="primary">{t('assign')}</button>
        </form>
      )}
      {staff && open && (
        <form class="act" onSubmit={(e) => { e.preventDefault(); void act(() => api.POST('/feedback/{code}/merge', { params: { path, header }, body: { into: form.into.trim().toUpperCase() } }), { into: 'fb-into' }); }} noValidate>
          <h2>{t('merge')}</h2>
          <Field id="fb-into" label={t('into')} error={errors['fb-into']}>{(a) => <input {...a} value={form.into} onInput={set('into')} />}</Field>
          <button type="submit" class="secondary">{t('merge')}</button>
        </form>
      )}
      {mayAnswer && open && (
        <form class="act" onSubmit={(e) => { e.preventDefault(); void act(() => api.POST('/feedback/{code}/answer', { params: { path, header }, body: { text: form.answer } }), { text: 'fb-answer' }); }} noValidate>
          <h2>{t('answer')}</h2>
          <Field id="fb-answer" label={t('answerText')} error={errors['fb-answer']}>{(a) => <textarea {...a} rows={6} value={form.answer} onInput={set('answer')} />}</Field>
          <button type="submit" class="primary">{t('send')}</button>
        </form>
      )}
      {isOperator(session) && data.status === 'answered' && (
        <p><button type="button" class="primary" onClick={() => void act(() => api.POST('/feedback/{code}/publish', { params: { path, header }, body: {} }))}>{t('publish')}</button></p>
      )}
    </section>
  );
}

export function FeedbackFigures({ search }: { search: string }) {
  const { api, config } = useApp();
  const { t, pick } = useI18n(T);
  const params = new URLSearchParams(search);
  const today = new Date().toISOString().slice(0, 10);
  const from = params.get('from') ?? `${today.slice(0, 8)}01`;
  const to = params.get('to') ?? today;
  const { data, problem, status } = useData(() => api.GET('/feedback/figures', { params: { query: { from, to } } }), [from, to]);
  const errs = fieldErrors(problem);
  const byWords = { channel: 'byChannel', kind: 'byKind', agency: 'byAgency', month: 'byMonth' } as const;
  const keyName = (by: string, key: string) =>
    by === 'channel' ? pick(FEEDBACK_CHANNEL_WORDS[key as Channel]) : by === 'kind' ? pick(FEEDBACK_KIND_WORDS[key as Kind]) : by === 'agency' ? (key === '-' ? '—' : pick(config.agencies.find((a) => a.code === key)?.name) || key) : key;
  const cols = ['receivedN', 'answered', 'answeredOnTime', 'answeredLate', 'open', 'openLate'] as const;
  const value = (r: NonNullable<typeof data>['rows'][number], c: (typeof cols)[number]) => (c === 'receivedN' ? r.received : r[c]);
  const show = (e: Event) => {
    e.preventDefault();
    const f = new FormData(e.target as HTMLFormElement);
    navigate(`/pakn/figures?from=${f.get('from')}&to=${f.get('to')}`);
  };
  return (
    <section>
      <h1>{t('figures')}</h1>
      <p><Link href="/pakn">{t('title')}</Link></p>
      <form class="toolbar" onSubmit={show} noValidate>
        <Field id="ff-from" label={t('from')} error={errs.from}>{(a) => <input {...a} name="from" type="date" value={from} />}</Field>
        <Field id="ff-to" label={t('to')} error={errs.to}>{(a) => <input {...a} name="to" type="date" value={to} />}</Field>
        <button type="submit" class="secondary">{t('show')}</button>
      </form>
      {problem && status !== 200 && !Object.keys(errs).length && <Alert>{problem.detail ?? problem.title}</Alert>}
      {data && (
        <>
          <p role="status">{t('total', { n: String(data.total), late: String(data.late) })}</p>
          <div class="table-wrap">
            <table class="figures">
              <thead><tr><th scope="col">{t('by')}</th><th scope="col">{t('key')}</th>{cols.map((c) => <th scope="col">{t(c)}</th>)}</tr></thead>
              <tbody>{data.rows.map((r) => <tr key={`${r.by}/${r.key}`}><td>{t(byWords[r.by])}</td><th scope="row">{keyName(r.by, r.key)}</th>{cols.map((c) => <td>{value(r, c)}</td>)}</tr>)}</tbody>
            </table>
          </div>
          <button type="button" class="secondary" onClick={() => downloadCsv(`feedback-${from}-${to}.csv`, [[t('by'), t('key'), t('code'), ...cols.map((c) => t(c))], ...data.rows.map((r) => [t(byWords[r.by]), keyName(r.by, r.key), r.key, ...cols.map((c) => value(r, c))])])}>{t('csv')}</button>
        </>
      )}
    </section>
  );
}
