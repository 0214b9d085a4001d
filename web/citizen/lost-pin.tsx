/** "I lost my PIN": a new PIN is emailed to the address on file; the answer never says whether the code exists. */
import { useState } from 'preact/hooks';
import { api } from './api';
import type { Ctx } from './context';
import { CODE } from './dossier';

export function LostPin({ ctx, initialCode, onBack }: { ctx: Ctx; initialCode: string; onBack: () => void }) {
  const { t } = ctx;
  const [code, setCode] = useState(initialCode);
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    const c = code.trim().toUpperCase();
    if (!CODE.test(c)) return setError(t.badCode);
    setBusy(true);
    const r = await api.pinReminder(c);
    setBusy(false);
    setError('');
    // the same answer whether the code exists or not; only "too many" and "no connection" differ
    if (r.status === 429) setError(t.tooMany);
    else if (r.status === 0 || r.status >= 500) setError(r.status === 0 ? t.offline : t.failed);
    else setMessage(t.pinSent);
  };
  return (
    <>
      <h1>{t.lostTitle}</h1>
      <p>{t.lostIntro}</p>
      <form method="post" onSubmit={submit} noValidate>
        <label for="lost-code">{t.code}</label>
        <input id="lost-code" value={code} autocomplete="off" autocapitalize="characters" spellcheck={false} onInput={(e) => setCode((e.target as HTMLInputElement).value)} />
        <div role="alert" class={error ? 'error' : 'sr-only'}>{error}</div>
        <div role="status" class={message ? 'ok' : 'sr-only'}>{message}</div>
        <button type="submit" class="primary" disabled={busy}>{t.sendPin}</button>
      </form>
      <p><button type="button" class="link" onClick={onBack}>{t.back}</button></p>
    </>
  );
}

