/**
 * The citizen's pages (/c/, /c/<code>): look a dossier up with its code (from the letter's link
 * or the receipt's QR code) and the PIN (typed; kept in memory only, sent as `X-Lookup-Pin`,
 * never in a URL), read its status in plain words, what to do next and its history, download the
 * appointment; supplement, withdraw, rate; get a new PIN. Vietnamese first, English on a switch.
 */
import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, type Centre, type DossierView } from './api';
import { formatLocal, type Lang } from './format';
import { strings, type Strings } from './i18n';
import { collectionIcs } from './ics';
import { Rating, ResultFiles, Supplement, Withdraw } from './sections';

const CODE = /^[A-Z0-9]{2,12}-\d{6}-\d{4,}$/;

/** The code in the path (/c/<code>), upper-cased; the PIN is never read from the URL. */
function codeFromPath(): string {
  const seg = decodeURIComponent(location.pathname.replace(/^\/c\/?/, '').split('/')[0] ?? '');
  return seg.trim().toUpperCase();
}

function initialLang(): Lang {
  try {
    const saved = localStorage.getItem('motcua-lang');
    if (saved === 'vi' || saved === 'en') return saved;
  } catch {
    /* storage disabled */
  }
  return 'vi';
}

export interface Ctx {
  t: Strings;
  lang: Lang;
  centre?: Centre;
  code: string;
  pin: string;
  refresh: () => Promise<void>;
}

function App() {
  const [lang, setLang] = useState<Lang>(initialLang);
  const [centre, setCentre] = useState<Centre>();
  const [code, setCode] = useState(codeFromPath);
  const [pin, setPin] = useState('');
  const [view, setView] = useState<DossierView>();
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [page, setPage] = useState<'lookup' | 'lost'>('lookup');
  const t = strings[lang];
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = `${t.title}${centre ? ` — ${centre.name[lang]}` : ''}`;
  }, [lang, centre]);
  useEffect(() => {
    void api.centre().then((r) => r.status === 200 && setCentre(r.body));
  }, []);

  const switchLang = () => {
    const next = lang === 'vi' ? 'en' : 'vi';
    setLang(next);
    try {
      localStorage.setItem('motcua-lang', next);
    } catch {
      /* storage disabled */
    }
  };

  const load = async (c = code, p = pin) => {
    const r = await api.lookup(c, p);
    if (r.status === 200 && r.body) {
      setView(r.body);
      setError('');
      return true;
    }
    setView(undefined);
    setError(r.status === 404 ? t.notFound : r.status === 429 ? t.locked(Math.ceil((r.retryAfter ?? 900) / 60)) : r.status === 0 ? t.offline : t.failed);
    return false;
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    const c = code.trim().toUpperCase();
    if (!CODE.test(c)) return setError(t.badCode);
    if (!/^\d{8}$/.test(pin)) return setError(t.badPin);
    setCode(c);
    setError('');
    setBusy(true);
    const ok = await load(c, pin);
    setBusy(false);
    if (ok) {
      if (location.pathname !== `/c/${c}`) history.replaceState(null, '', `/c/${c}${location.hash}`);
      requestAnimationFrame(() => {
        heading.current?.focus();
        const target = location.hash && document.getElementById(location.hash.slice(1));
        if (target) target.scrollIntoView();
      });
    }
  };

  const ctx: Ctx = { t, lang, centre, code, pin, refresh: async () => void (await load()) };

  return (
    <>
      <header class="top">
        <p class="centre">{centre?.name[lang] ?? ''}</p>
        <button type="button" class="lang" lang={lang === 'vi' ? 'en' : 'vi'} aria-label={t.switchLabel} onClick={switchLang}>
          {t.switchTo}
        </button>
      </header>
      <main>
        <p id="flash" role="status" class="flash" />
        {page === 'lost' ? (
          <LostPin ctx={ctx} initialCode={code} onBack={() => setPage('lookup')} />
        ) : view ? (
          <Dossier ctx={ctx} view={view} heading={heading} onOther={() => { setView(undefined); setPin(''); document.getElementById('flash')!.textContent = ''; }} />
        ) : (
          <>
            <h1>{t.title}</h1>
            <form method="post" onSubmit={submit} noValidate>
              <label for="code">{t.code}</label>
              <input id="code" name="code" value={code} autocomplete="off" autocapitalize="characters" spellcheck={false} aria-describedby="code-hint"
                onInput={(e) => setCode((e.target as HTMLInputElement).value)} />
              <p id="code-hint" class="hint">{t.codeHint}</p>
              <label for="pin">{t.pin}</label>
              <input id="pin" name="pin" type="password" inputMode="numeric" autocomplete="off" maxLength={8} value={pin} aria-describedby="pin-hint"
                onInput={(e) => setPin((e.target as HTMLInputElement).value.replace(/\D/g, ''))} />
              <p id="pin-hint" class="hint">{t.pinHint}</p>
              <div role="alert" class={error ? 'error' : 'sr-only'}>{error}</div>
              <button type="submit" class="primary" disabled={busy}>{busy ? t.looking : t.lookup}</button>
            </form>
            <p>
              <button type="button" class="link" onClick={() => { setError(''); setPage('lost'); }}>{t.lostPin}</button>
            </p>
          </>
        )}
      </main>
      <Contact t={t} lang={lang} centre={centre} />
    </>
  );
}

function nextSteps(t: Strings, lang: Lang, v: DossierView, centre?: Centre): string[] {
  const where = centre ? `${centre.name[lang]}, ${centre.address[lang]} (${centre.openingHours[lang]})` : '';
  switch (v.status) {
    case 2:
    case 4:
      return [t.nextInProgress(formatLocal(v.collection?.from ?? v.appointmentAt, lang), where)];
    case 5:
      return [t.nextSupplement(where)];
    case 7:
      return [t.nextWithdrawn];
    case 8:
      return [t.nextRefused(centre?.hotline ?? '')];
    case 9:
      return [t.nextDecided(where), ...(v.canRate ? [t.nextRate] : [])];
    default:
      return [v.canRate ? t.nextRate : t.nextDone];
  }
}

function downloadIcs(ctx: Ctx, v: DossierView) {
  if (!v.collection) return;
  const c = ctx.centre;
  const ics = collectionIcs({
    code: v.code,
    from: v.collection.from,
    until: v.collection.until,
    summary: `Nhận kết quả hồ sơ ${v.code}${c ? ` — ${c.name.vi}` : ''}`,
    location: c?.address.vi ?? '',
    description: `${v.procedure.name.vi} / ${v.procedure.name.en}${c ? `\n${c.name.vi}, ${c.address.vi} (${c.openingHours.vi}). ${c.hotline}` : ''}`,
  });
  const url = URL.createObjectURL(new Blob([ics], { type: 'text/calendar;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `hen-tra-ket-qua-${v.code}.ics`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function Dossier({ ctx, view: v, heading, onOther }: { ctx: Ctx; view: DossierView; heading: { current: HTMLHeadingElement | null }; onOther: () => void }) {
  const { t, lang } = ctx;
  return (
    <>
      <h1 ref={heading} tabIndex={-1}>{t.code} {v.code}</h1>
      <section class="card" aria-labelledby="status-h">
        <h2 id="status-h">{t.status}: <span class={`status s${v.status}`}>{v.statusText[lang]}</span></h2>
        <p>{t.explain[v.status]}</p>
        {v.stop?.kind === 'refused' && v.stop.reason && <p>{t.reason}: {v.stop.reason}</p>}
        <dl class="facts">
          <dt>{t.procedure}</dt>
          <dd>{v.procedure.name[lang]}</dd>
          <dt>{t.received}</dt>
          <dd>{formatLocal(v.receivedAt, lang)}</dd>
          {(v.status === 2 || v.status === 4 || v.status === 5) && (
            <>
              <dt>{t.appointment}</dt>
              <dd>{formatLocal(v.appointmentAt, lang)}</dd>
            </>
          )}
          {v.collection && (
            <>
              <dt>{t.collect}</dt>
              <dd>{t.collectRange(formatLocal(v.collection.from, lang), v.collection.until.slice(11, 16))}</dd>
            </>
          )}
        </dl>
        {v.collection && (
          <button type="button" class="secondary" onClick={() => downloadIcs(ctx, v)}>{t.downloadIcs}</button>
        )}
      </section>
      <section class="card next" aria-labelledby="next-h">
        <h2 id="next-h">{t.next}</h2>
        {nextSteps(t, lang, v, ctx.centre).map((s) => <p key={s}>{s}</p>)}
      </section>
      {v.status === 5 && v.supplement && <Supplement ctx={ctx} view={v} />}
      <ResultFiles ctx={ctx} view={v} />
      {(v.canRate || v.rating) && <Rating ctx={ctx} view={v} />}
      <section class="card" aria-labelledby="history-h">
        <h2 id="history-h">{t.history}</h2>
        <ol class="history">
          {v.history.map((h) => (
            <li key={`${h.at}-${h.event}`}>
              <time dateTime={h.at}>{formatLocal(h.at, lang)}</time>
              <span>{h.text[lang]}</span>
            </li>
          ))}
        </ol>
      </section>
      {v.canWithdraw && <Withdraw ctx={ctx} />}
      <p><button type="button" class="link" onClick={onOther}>{t.otherDossier}</button></p>
    </>
  );
}

function LostPin({ ctx, initialCode, onBack }: { ctx: Ctx; initialCode: string; onBack: () => void }) {
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

function Contact({ t, lang, centre }: { t: Strings; lang: Lang; centre?: Centre }) {
  if (!centre) return null;
  return (
    <footer class="contact">
      <h2>{t.contact}</h2>
      <p><strong>{centre.name[lang]}</strong></p>
      <p>{t.address}: {centre.address[lang]}</p>
      <p>{t.hours}: {centre.openingHours[lang]}</p>
      <p>{t.hotline}: <a href={`tel:${centre.hotline.replace(/\s/g, '')}`}>{centre.hotline}</a></p>
    </footer>
  );
}

render(<App />, document.getElementById('app')!);
