/**
 * The citizen's pages (/c/, /c/<code>): look a dossier up with its code (from the letter's link
 * or the receipt's QR code) and the PIN (typed; kept in memory only, sent as `X-Lookup-Pin`,
 * never in a URL), read its status in plain words, what to do next and its history, download the
 * appointment; supplement, withdraw, rate; get a new PIN. Vietnamese first, English on a switch.
 */
import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, type Centre, type DossierView } from './api';
import type { Ctx } from './context';
import { CODE, Dossier } from './dossier';
import { LostPin, confirmationInFragment } from './lost-pin';
import { Feedback } from './feedback';
import type { Lang } from './format';
import { strings, type Strings } from './i18n';


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


function App() {
  const [lang, setLang] = useState<Lang>(initialLang);
  const [centre, setCentre] = useState<Centre>();
  const [code, setCode] = useState(codeFromPath);
  const [pin, setPin] = useState('');
  const [view, setView] = useState<DossierView>();
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  // the PIN letter's link (`#confirm-pin=…`) opens the page where its code is entered
  // `#feedback` (the feedback letters' link) opens the feedback form and the published answers
  const [page, setPage] = useState<'lookup' | 'lost' | 'feedback'>(confirmationInFragment() ? 'lost' : location.hash === '#feedback' ? 'feedback' : 'lookup');
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
        {page === 'feedback' ? (
          <Feedback ctx={ctx} onBack={() => { history.replaceState(null, '', location.pathname); setPage('lookup'); }} />
        ) : page === 'lost' ? (
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
            <p>
              <a href="#feedback" onClick={(e) => { e.preventDefault(); history.replaceState(null, '', '#feedback'); setPage('feedback'); }}>{t.feedback}</a>
            </p>
          </>
        )}
      </main>
      <Contact t={t} lang={lang} centre={centre} />
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
