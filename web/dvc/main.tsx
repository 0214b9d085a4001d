/**
 * The citizens' portal (/dvc/): find a procedure (by name with or without diacritics, by field,
 * by online level), read what it needs, sign in with the national identity (OpenID Connect,
 * code + PKCE), apply with the procedure's own form and files, submit, and follow every dossier
 * of one's identity under "my dossiers". Vietnamese first, English on a switch, 390 px first.
 *
 * Pages: /dvc/ (search), /dvc/procedures/<code>, /dvc/apply/<code>, /dvc/sign-in,
 * /dvc/callback (the provider comes back), /dvc/my, /dvc/my/<dossier code>. No token, PIN or
 * personal data in any of them.
 */
import { render, type ComponentChildren } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { LangContext, LangSwitch, initialLang, storeLang, useI18n, type Lang } from '../shared/i18n';
import { loadConfig, type WebConfig } from '../shared/config';
import { fetchers, whenSignedOut } from './api';
import { words } from './i18n';
import { Apply } from './apply';
import { Callback, Home, ProcedurePage, SignIn } from './pages';
import { MyDossier, MyDossiers } from './mine';
import { currentSession, saveSession, type CitizenSession } from './session';
import { Link, PortalContext, navigate, usePortal, type Portal } from './context';

function usePath() {
  const [path, setPath] = useState(location.pathname);
  useEffect(() => {
    const on = () => setPath(location.pathname);
    addEventListener('popstate', on);
    return () => removeEventListener('popstate', on);
  }, []);
  return path;
}

function Shell({ children }: { children: ComponentChildren }) {
  const { t, pick } = useI18n(words);
  const portal = usePortal();
  const signOut = async () => {
    await fetchers.signOut().catch(() => undefined);
    portal.setSession(undefined);
    navigate('/dvc/');
  };
  return (
    <>
      <a class="skip" href="#main">{t('skip')}</a>
      <header class="top">
        <p class="centre">{portal.config ? pick(portal.config.centre.name) : ''}<span class="sub">{t('portal')}</span></p>
        <LangSwitch />
      </header>
      <nav class="tabs" aria-label={t('nav')}>
        <Link href="/dvc/">{t('home')}</Link>
        <Link href="/dvc/my">{t('mine')}</Link>
        {portal.session ? (
          <button type="button" class="link" onClick={() => void signOut()}>{t('signOut')}</button>
        ) : (
          <Link href="/dvc/sign-in">{t('signIn')}</Link>
        )}
      </nav>
      <main id="main" tabIndex={-1}>
        {portal.session && <p class="who">{t('signedInAs', { name: portal.session.citizen.name })}</p>}
        {children}
      </main>
      {portal.config && (
        <footer class="contact">
          <p><strong>{pick(portal.config.centre.name)}</strong></p>
          <p>{pick(portal.config.centre.address)}</p>
          <p>{pick(portal.config.centre.openingHours)}</p>
          <p><a href={`tel:${portal.config.centre.hotline.replace(/\s/g, '')}`}>{portal.config.centre.hotline}</a></p>
          <p><a href="/c/">{t('lookupPin')}</a></p>
        </footer>
      )}
    </>
  );
}

function Routes() {
  const path = usePath().replace(/\/+$/, '') || '/';
  const seg = path.split('/').slice(2).map(decodeURIComponent);
  useEffect(() => {
    // a new page: focus goes to its main heading (announced), the view to the top
    scrollTo(0, 0);
    requestAnimationFrame(() => (document.querySelector('main h1') as HTMLElement | null)?.focus());
  }, [path]);
  const page = (() => {
    switch (seg[0]) {
      case undefined:
        return <Home />;
      case 'procedures':
        return <ProcedurePage code={seg[1] ?? ''} />;
      case 'apply':
        return <Apply code={seg[1] ?? ''} />;
      case 'sign-in':
        return <SignIn />;
      case 'callback':
        return <Callback />;
      case 'my':
        return seg[1] ? <MyDossier code={seg[1]} /> : <MyDossiers />;
      default:
        return <Home />;
    }
  })();
  return <Shell>{page}</Shell>;
}

function App() {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const [config, setConfig] = useState<WebConfig>();
  const [session, setSessionState] = useState<CitizenSession | undefined>(currentSession);
  const setLang = (l: Lang) => {
    storeLang(l);
    setLangState(l);
  };
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  useEffect(() => {
    void loadConfig().then(setConfig, () => undefined);
    whenSignedOut(() => setSessionState(undefined));
  }, []);
  const portal: Portal = useMemo(() => ({
    config,
    session,
    setSession: (s) => {
      saveSession(s);
      setSessionState(s);
    },
  }), [config, session]);
  useEffect(() => {
    document.title = `${words.portal[lang]}${config ? ` — ${config.centre.name[lang]}` : ''}`;
  }, [lang, config]);
  return (
    <LangContext.Provider value={{ lang, setLang }}>
      <PortalContext.Provider value={portal}>
        <Routes />
      </PortalContext.Provider>
    </LangContext.Provider>
  );
}

render(<App />, document.getElementById('app')!);
