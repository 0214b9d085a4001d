/**
 * Feedback and petitions (phản ánh, kiến nghị; docs/feedback.md): the form — anonymous, or with a
 * name and an email for the receipt and the answer — and the published answers, searchable with
 * or without diacritics. Reached at /c/#feedback (the letters link here).
 */
import { useEffect, useState } from 'preact/hooks';
import { api } from './api';
import type { Ctx } from './context';

type Kind = 'rule' | 'handling' | 'question' | 'suggestion';
type Field = 'kind' | 'text' | 'name' | 'email' | 'phone' | 'dossierCode';

const words = {
  vi: {
    title: 'Phản ánh, kiến nghị',
    intro: 'Gửi phản ánh, kiến nghị về quy định hành chính, về việc giải quyết hồ sơ, hoặc đặt câu hỏi, góp ý. Không bắt buộc ghi họ tên; để nhận giấy biên nhận và câu trả lời qua thư điện tử, hãy ghi địa chỉ thư điện tử.',
    kind: 'Loại',
    kinds: { rule: 'Phản ánh, kiến nghị về quy định hành chính', handling: 'Phản ánh về việc giải quyết hồ sơ', question: 'Hỏi đáp', suggestion: 'Góp ý, đề xuất' } as Record<Kind, string>,
    text: 'Nội dung',
    textHint: 'Tối đa 5.000 ký tự. Không ghi số định danh cá nhân.',
    dossierCode: 'Mã hồ sơ liên quan (nếu có)',
    name: 'Họ và tên (không bắt buộc)',
    email: 'Thư điện tử (không bắt buộc)',
    phone: 'Số điện thoại (không bắt buộc)',
    send: 'Gửi phản ánh, kiến nghị',
    sending: 'Đang gửi…',
    sent: (code: string, due: string) => `Đã tiếp nhận, mã số ${code}. Câu trả lời chậm nhất vào ${due}.`,
    sentEmail: 'Giấy biên nhận đã được gửi tới thư điện tử của ông/bà.',
    fix: 'Vui lòng sửa các mục được đánh dấu.',
    tooMany: 'Đã gửi quá nhiều lần từ thiết bị này. Vui lòng thử lại sau.',
    answers: 'Câu trả lời đã công khai',
    search: 'Tìm trong các câu trả lời',
    searchButton: 'Tìm',
    none: 'Không có câu trả lời nào phù hợp.',
    question: 'Câu hỏi',
    answer: 'Trả lời',
    answeredBy: 'Cơ quan trả lời',
    back: 'Về trang tra cứu hồ sơ',
  },
  en: {
    title: 'Feedback and petitions',
    intro: 'Send feedback on an administrative rule or on the handling of a dossier, ask a question or make a suggestion. Your name is not required; to get the receipt and the answer by email, give your email address.',
    kind: 'Kind',
    kinds: { rule: 'Feedback on an administrative rule', handling: 'Complaint about the handling of a dossier', question: 'Question', suggestion: 'Suggestion' } as Record<Kind, string>,
    text: 'Your feedback',
    textHint: 'Up to 5,000 characters. Do not write your ID number.',
    dossierCode: 'Dossier code it is about (if any)',
    name: 'Full name (optional)',
    email: 'Email (optional)',
    phone: 'Phone (optional)',
    send: 'Send feedback',
    sending: 'Sending…',
    sent: (code: string, due: string) => `Received under the code ${code}. You will be answered by ${due} at the latest.`,
    sentEmail: 'A receipt was sent to your email address.',
    fix: 'Please correct the marked fields.',
    tooMany: 'Too many sent from this device. Please try again later.',
    answers: 'Published answers',
    search: 'Search the answers',
    searchButton: 'Search',
    none: 'No answer matches.',
    question: 'Question',
    answer: 'Answer',
    answeredBy: 'Answered by',
    back: 'Back to the dossier lookup',
  },
} as const;

const dateOf = (iso: string, lang: 'vi' | 'en') =>
  new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date(iso));

type Published = NonNullable<Awaited<ReturnType<typeof api.publishedFeedback>>['body']>['items'];

export function Feedback({ ctx, onBack }: { ctx: Ctx; onBack: () => void }) {
  const { t, lang } = ctx;
  const w = words[lang];
  const [form, setForm] = useState<Record<Field, string>>({ kind: 'question', text: '', name: '', email: '', phone: '', dossierCode: '' });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [error, setError] = useState('');
  const [done, setDone] = useState('');
  const [busy, setBusy] = useState(false);
  const [q, setQ] = useState('');
  const [items, setItems] = useState<Published>();

  const search = async (query = q) => {
    const r = await api.publishedFeedback(query);
    setItems(r.status === 200 && r.body ? r.body.items : []);
  };
  useEffect(() => void search(''), []);

  const set = (f: Field) => (e: Event) => setForm({ ...form, [f]: (e.target as HTMLInputElement).value });

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    const body = {
      kind: form.kind as Kind,
      text: form.text,
      ...Object.fromEntries((['name', 'email', 'phone', 'dossierCode'] as const).filter((f) => form[f].trim()).map((f) => [f, f === 'dossierCode' ? form[f].trim().toUpperCase() : form[f].trim()])),
    };
    const r = await api.sendFeedback(body);
    setBusy(false);
    setDone('');
    if (r.status === 201 && r.body) {
      setErrors({});
      setError('');
      setDone(`${w.sent(r.body.code, dateOf(r.body.dueAt, lang))}${form.email.trim() ? ` ${w.sentEmail}` : ''}`);
      setForm({ ...form, text: '', dossierCode: '' });
      return;
    }
    if (r.status === 400 && r.body?.errors) {
      setErrors(Object.fromEntries(r.body.errors.map((x) => [x.field.split('.')[0], x.message])));
      return setError(w.fix);
    }
    setError(r.status === 429 ? w.tooMany : r.status === 0 ? t.offline : t.failed);
  };

  const field = (f: Field, label: string, input: preact.JSX.Element, hint?: string) => (
    <>
      <label for={`fb-${f}`}>{label}</label>
      {input}
      {hint && <p id={`fb-${f}-hint`} class="hint">{hint}</p>}
      {errors[f] && <p id={`fb-${f}-error`} class="error">{errors[f]}</p>}
    </>
  );
  const described = (f: Field, hint = false) => [hint ? `fb-${f}-hint` : '', errors[f] ? `fb-${f}-error` : ''].filter(Boolean).join(' ') || undefined;

  return (
    <>
      <h1 tabIndex={-1}>{w.title}</h1>
      <p>{w.intro}</p>
      <form id="feedback-form" method="post" onSubmit={submit} noValidate>
        {field('kind', w.kind,
          <select id="fb-kind" value={form.kind} onChange={set('kind')} aria-invalid={!!errors.kind} aria-describedby={described('kind')}>
            {(Object.keys(w.kinds) as Kind[]).map((k) => <option value={k}>{w.kinds[k]}</option>)}
          </select>)}
        {field('text', w.text, <textarea id="fb-text" rows={6} maxLength={5000} value={form.text} onInput={set('text')} aria-invalid={!!errors.text} aria-describedby={described('text', true)} />, w.textHint)}
        {field('dossierCode', w.dossierCode, <input id="fb-dossierCode" value={form.dossierCode} autocomplete="off" autocapitalize="characters" spellcheck={false} onInput={set('dossierCode')} aria-invalid={!!errors.dossierCode} aria-describedby={described('dossierCode')} />)}
        {field('name', w.name, <input id="fb-name" value={form.name} autocomplete="name" onInput={set('name')} aria-invalid={!!errors.name} aria-describedby={described('name')} />)}
        {field('email', w.email, <input id="fb-email" type="email" value={form.email} autocomplete="email" onInput={set('email')} aria-invalid={!!errors.email} aria-describedby={described('email')} />)}
        {field('phone', w.phone, <input id="fb-phone" type="tel" value={form.phone} autocomplete="tel" onInput={set('phone')} aria-invalid={!!errors.phone} aria-describedby={described('phone')} />)}
        <div role="alert" class={error ? 'error' : 'sr-only'}>{error}</div>
        <div role="status" class={done ? 'ok' : 'sr-only'}>{done}</div>
        <button type="submit" class="primary" disabled={busy}>{busy ? w.sending : w.send}</button>
      </form>

      <h2 id="fb-answers">{w.answers}</h2>
      <form role="search" aria-labelledby="fb-answers" onSubmit={(e) => { e.preventDefault(); void search(); }}>
        <label for="fb-q">{w.search}</label>
        <input id="fb-q" type="search" value={q} onInput={(e) => setQ((e.target as HTMLInputElement).value)} />
        <button type="submit">{w.searchButton}</button>
      </form>
      <div aria-live="polite">
        {items && items.length === 0 && <p>{w.none}</p>}
        {items?.map((i) => (
          <article class="answer" key={i.code}>
            <h3>{words[lang].kinds[i.kind as Kind]} · {dateOf(i.answeredAt, lang)}</h3>
            <p><strong>{w.question}:</strong> {i.question}</p>
            <p><strong>{w.answer}:</strong> {i.answer}</p>
            {i.agency && <p class="hint">{w.answeredBy}: {i.agency[lang]}</p>}
          </article>
        ))}
      </div>
      <p><button type="button" class="link" onClick={onBack}>{w.back}</button></p>
    </>
  );
}
