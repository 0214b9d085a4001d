/**
 * "I lost my PIN": a letter with a new PIN and a one-time confirmation code is emailed to the
 * address on file (the answer never says whether the code exists); the PIN the citizen holds
 * keeps working until the confirmation code is entered here — typed, or taken from the letter's
 * link fragment (`#confirm-pin=…`, which the browser never sends to a server), then the new PIN
 * from the letter works.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from './api';
import type { Ctx } from './context';
import { CODE } from './dossier';

const text = {
  vi: {
    confirmTitle: 'Đã nhận được thư?',
    confirmIntro: 'Nhập mã xác nhận trong thư để mã PIN mới có hiệu lực. Đến lúc đó, mã PIN cũ vẫn dùng được.',
    confirmation: 'Mã xác nhận (10 ký tự)',
    confirm: 'Xác nhận mã PIN mới',
    confirmed: 'Đã xác nhận: mã PIN mới trong thư đã có hiệu lực. Hãy tra cứu bằng mã PIN mới.',
    wrongCode: 'Mã xác nhận không đúng, đã hết hạn hoặc đã được dùng.',
    badConfirmation: 'Mã xác nhận gồm 10 chữ và số, ví dụ 7K3QX-M9P2D.',
  },
  en: {
    confirmTitle: 'Got the letter?',
    confirmIntro: 'Type the confirmation code from the letter to make the new PIN work. Until then your old PIN keeps working.',
    confirmation: 'Confirmation code (10 characters)',
    confirm: 'Confirm the new PIN',
    confirmed: 'Confirmed: the new PIN in the letter now works. Look up your dossier with it.',
    wrongCode: 'The confirmation code is wrong, expired or already used.',
    badConfirmation: 'The confirmation code has 10 letters and digits, such as 7K3QX-M9P2D.',
  },
} as const;

const FRAGMENT = /^#confirm-pin=([0-9A-Za-z-]{10,12})$/;

/** The one-time code in the page's fragment, if the letter's link brought one. */
export const confirmationInFragment = () => FRAGMENT.exec(location.hash)?.[1];

export function LostPin({ ctx, initialCode, onBack }: { ctx: Ctx; initialCode: string; onBack: () => void }) {
  const { t, lang } = ctx;
  const x = text[lang];
  const [code, setCode] = useState(initialCode);
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [confirmation, setConfirmation] = useState(() => confirmationInFragment() ?? '');
  const [confirmMessage, setConfirmMessage] = useState('');
  const [confirmError, setConfirmError] = useState('');
  const confirmInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!confirmationInFragment()) return;
    // the code is in the field now: out of the address bar and the history
    history.replaceState(null, '', location.pathname);
    confirmInput.current?.focus();
  }, []);

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

  const submitConfirmation = async (e: Event) => {
    e.preventDefault();
    const c = code.trim().toUpperCase();
    if (!CODE.test(c)) return setConfirmError(t.badCode);
    const typed = confirmation.replace(/[\s-]/g, '');
    if (!/^[0-9A-Za-z]{10}$/.test(typed)) return setConfirmError(x.badConfirmation);
    setBusy(true);
    const r = await api.confirmPin(c, typed);
    setBusy(false);
    setConfirmError('');
    setConfirmMessage('');
    if (r.status === 200) {
      setConfirmation('');
      setConfirmMessage(x.confirmed);
    } else if (r.status === 400) setConfirmError(x.wrongCode);
    else if (r.status === 429) setConfirmError(t.tooMany);
    else setConfirmError(r.status === 0 ? t.offline : t.failed);
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
      <h2 id="confirm-h">{x.confirmTitle}</h2>
      <p>{x.confirmIntro}</p>
      <form id="confirm-pin" method="post" onSubmit={submitConfirmation} noValidate aria-labelledby="confirm-h">
        <label for="confirmation">{x.confirmation}</label>
        <input id="confirmation" ref={confirmInput} value={confirmation} autocomplete="one-time-code" autocapitalize="characters" spellcheck={false} maxLength={14}
          onInput={(e) => setConfirmation((e.target as HTMLInputElement).value)} />
        <div role="alert" class={confirmError ? 'error' : 'sr-only'}>{confirmError}</div>
        <div role="status" class={confirmMessage ? 'ok' : 'sr-only'}>{confirmMessage}</div>
        <button type="submit" class="primary" disabled={busy}>{x.confirm}</button>
      </form>
      <p><button type="button" class="link" onClick={onBack}>{t.back}</button></p>
    </>
  );
}
