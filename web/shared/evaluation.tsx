import { useEffect, useState } from 'preact/hooks';
import type { operations } from './api-types';

export type EvaluationFormView = operations['publicEvaluationForm']['responses'][200]['content']['application/json'];
export type EvaluationAnswers = { answers: Record<string, number>; comment?: string };
type Form = EvaluationFormView;

const S = {
  title: { vi: 'Đánh giá việc giải quyết hồ sơ', en: 'Evaluate how your dossier was handled' },
  intro: { vi: 'Mỗi hồ sơ được đánh giá một lần. Đánh giá của ông/bà được dùng để đánh giá cán bộ, cơ quan đã giải quyết hồ sơ; không kèm danh tính của ông/bà.', en: 'Each dossier is evaluated once. Your evaluation counts towards the officers and agencies who handled it; your identity is not shown with it.' },
  comment: { vi: 'Ý kiến khác (không bắt buộc)', en: 'Anything else (optional)' },
  send: { vi: 'Gửi đánh giá', en: 'Send the evaluation' },
  done: { vi: 'Cảm ơn ông/bà: hồ sơ này đã được đánh giá.', en: 'Thank you: this dossier has been evaluated.' },
  missing: { vi: 'Hãy trả lời mọi tiêu chí.', en: 'Please answer every criterion.' },
  failed: { vi: 'Không gửi được đánh giá; hãy thử lại.', en: 'The evaluation could not be sent; please try again.' },
};

/**
 * The centre's evaluation form for a returned dossier (status 10), once (issue 25;
 * docs/evaluation.md): the citizen's page loads and sends it with the PIN, the portal with the
 * signed-in citizen's session. `send` answers the HTTP status (201 given; 409 already given).
 */
export function EvaluationSection({ lang, dossier, load, send }: { lang: 'vi' | 'en'; dossier: string; load: () => Promise<Form | undefined>; send: (body: EvaluationAnswers) => Promise<number> }) {
  const l = lang;
  const [form, setForm] = useState<Form>();
  const [answers, setAnswers] = useState<Record<string, number>>({});
  const [comment, setComment] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    void load().then((f) => f && setForm(f));
  }, [dossier]);
  if (!form || (!form.canEvaluate && !form.given)) return null;
  if (form.given) {
    return (
      <section class="card" id="evaluation" aria-labelledby="evaluation-h">
        <h2 id="evaluation-h">{S.title[l]}</h2>
        <p role="status" class="ok">{S.done[l]}</p>
      </section>
    );
  }
  const submit = async (e: Event) => {
    e.preventDefault();
    if (form.criteria.some((c) => !answers[c.id])) return setError(S.missing[l]);
    setBusy(true);
    const status = await send({ answers, ...(comment.trim() ? { comment: comment.trim() } : {}) });
    setBusy(false);
    if (status === 201 || status === 409) return setForm({ ...form, given: true, canEvaluate: false });
    setError(S.failed[l]);
  };
  return (
    <section class="card action" id="evaluation" aria-labelledby="evaluation-h">
      <h2 id="evaluation-h">{S.title[l]}</h2>
      <p>{S.intro[l]}</p>
      <form method="post" onSubmit={submit} noValidate>
        {form.criteria.map((c) => (
          <fieldset key={c.id} class="scale">
            <legend>{c.label[l]}</legend>
            {c.scale.map((s, i) => (
              <label key={i} class="choice">
                <input type="radio" name={`ev-${c.id}`} value={i + 1} checked={answers[c.id] === i + 1} onChange={() => setAnswers({ ...answers, [c.id]: i + 1 })} />
                <span>{s[l]}</span>
              </label>
            ))}
          </fieldset>
        ))}
        <label for="evaluation-comment">{S.comment[l]}</label>
        <textarea id="evaluation-comment" rows={3} maxLength={2000} value={comment} onInput={(e) => setComment((e.target as HTMLTextAreaElement).value)} />
        <div role="alert" class={error ? 'error' : 'sr-only'}>{error}</div>
        <button type="submit" class="primary" disabled={busy}>{S.send[l]}</button>
      </form>
    </section>
  );
}
