import { useState } from 'preact/hooks';
import { fieldErrors, newKey, type Problem } from '../../shared/api';
import { useI18n } from '../../shared/i18n';
import { useApp } from '../context';
import { navigate } from '../router';
import { Alert, Field } from '../ui';
import { useData } from '../use-data';

const T = {
  title: { vi: 'Đánh giá mức độ hài lòng', en: 'How satisfied are you?' },
  intro: { vi: 'Xin ông/bà dành ít phút đánh giá việc giải quyết hồ sơ {code}. Cán bộ không nhìn thấy câu trả lời của ông/bà.', en: 'Please take a minute to evaluate how dossier {code} was handled. The officer does not see your answers.' },
  open: { vi: 'Mở phiếu đánh giá cho hồ sơ', en: 'Open the evaluation for a dossier' },
  code: { vi: 'Mã hồ sơ vừa trả kết quả', en: 'Code of the dossier just handed back' },
  start: { vi: 'Mở phiếu — quay màn hình về phía công dân', en: 'Open the form — turn the screen to the citizen' },
  comment: { vi: 'Ý kiến khác (không bắt buộc)', en: 'Anything else (optional)' },
  send: { vi: 'Gửi đánh giá', en: 'Send' },
  thanks: { vi: 'Cảm ơn ông/bà đã đánh giá!', en: 'Thank you for your evaluation!' },
  next: { vi: 'Hồ sơ tiếp theo', en: 'Next dossier' },
  given: { vi: 'Hồ sơ này đã được đánh giá (mỗi hồ sơ một lần).', en: 'This dossier has already been evaluated (once per dossier).' },
  notYet: { vi: 'Chỉ đánh giá được sau khi đã trả kết quả.', en: 'An evaluation is taken once the result has been handed back.' },
  source: { vi: 'Phiếu: {source}', en: 'Form: {source}' },
  choose: { vi: 'Xin chọn một câu trả lời.', en: 'Please choose an answer.' },
};

/**
 * /kiosk/<desk>[?dossier=<code>]: the desk's kiosk. The desk officer opens the form for the dossier
 * they just handed back (its code only: no PIN in any URL) and turns the screen to the citizen, who
 * answers each criterion of the centre's form; sent with the desk's session (POST
 * /dossiers/{code}/evaluation), once per dossier; then the kiosk waits for the next one.
 */
export function Kiosk({ desk, search }: { desk: string; search: string }) {
  const code = new URLSearchParams(search).get('dossier') ?? '';
  const { t } = useI18n(T);
  if (!code) {
    const open = (e: Event) => {
      e.preventDefault();
      const c = String(new FormData(e.target as HTMLFormElement).get('code') ?? '').trim().toUpperCase();
      if (c) navigate(`/kiosk/${desk}?dossier=${encodeURIComponent(c)}`);
    };
    return (
      <section class="kiosk">
        <h1>{t('open')}</h1>
        <form onSubmit={open} class="toolbar">
          <Field id="kiosk-code" label={t('code')}>{(a) => <input {...a} name="code" autoComplete="off" required />}</Field>
          <button type="submit">{t('start')}</button>
        </form>
      </section>
    );
  }
  return <KioskForm desk={desk} code={code} />;
}

function KioskForm({ desk, code }: { desk: string; code: string }) {
  const { api } = useApp();
  const { t, pick } = useI18n(T);
  const { data, problem, status } = useData(() => api.GET('/dossiers/{code}/evaluation', { params: { path: { code } } }), [code]);
  const [answers, setAnswers] = useState<Record<string, number>>({});
  const [comment, setComment] = useState('');
  const [key] = useState(newKey());
  const [error, setError] = useState<Problem>();
  const [done, setDone] = useState(false);
  const [missing, setMissing] = useState<Record<string, string>>({});
  const next = () => navigate(`/kiosk/${desk}`);
  if (problem && status !== 200) return <section class="kiosk"><Alert>{problem.detail ?? problem.title}</Alert><button type="button" onClick={next}>{t('next')}</button></section>;
  if (!data) return <p>…</p>;
  if (done) return <section class="kiosk"><p role="status" class="thanks">{t('thanks')}</p><button type="button" onClick={next}>{t('next')}</button></section>;
  if (!data.canEvaluate) return <section class="kiosk"><Alert>{data.given ? t('given') : t('notYet')}</Alert><button type="button" onClick={next}>{t('next')}</button></section>;
  const errs = { ...fieldErrors(error), ...missing };
  const send = async (e: Event) => {
    e.preventDefault();
    // every criterion answered before anything is sent (the API names the same fields)
    const unanswered = Object.fromEntries(data.criteria.filter((c) => !answers[c.id]).map((c) => [`answers.${c.id}`, t('choose')]));
    setMissing(unanswered);
    if (Object.keys(unanswered).length) return;
    const { data: ok, error: err } = await api.POST('/dossiers/{code}/evaluation', {
      params: { path: { code }, header: { 'Idempotency-Key': key } },
      body: { answers, ...(comment.trim() ? { comment: comment.trim() } : {}) },
    });
    if (ok) setDone(true);
    else setError(err as Problem);
  };
  return (
    <section class="kiosk">
      <h1>{t('title')}</h1>
      <p>{t('intro', { code })}</p>
      <form onSubmit={send} noValidate>
        {data.criteria.map((c) => (
          <fieldset key={c.id} aria-invalid={errs[`answers.${c.id}`] ? true : undefined}>
            <legend>{pick(c.label)}</legend>
            {errs[`answers.${c.id}`] && <p class="error">{errs[`answers.${c.id}`]}</p>}
            {c.scale.map((label, i) => (
              <label key={i} class="choice">
                <input type="radio" name={c.id} value={i + 1} checked={answers[c.id] === i + 1} onChange={() => setAnswers({ ...answers, [c.id]: i + 1 })} />
                {pick(label)}
              </label>
            ))}
          </fieldset>
        ))}
        <Field id="kiosk-comment" label={t('comment')}>{(a) => <textarea {...a} maxLength={2000} value={comment} onInput={(e) => setComment((e.target as HTMLTextAreaElement).value)} />}</Field>
        {error && <Alert>{error.detail ?? error.title}</Alert>}
        <button type="submit">{t('send')}</button>
      </form>
      <p class="hint">{t('source', { source: data.source })}</p>
    </section>
  );
}
