import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../../shared/i18n';
import { cognitoCallback, cognitoSignIn, homeOf, localSignIn, rememberNext, safeNext, takeNext } from '../auth';
import { useApp } from '../context';
import { navigate } from '../router';
import { Alert } from '../ui';

const T = {
  title: { vi: 'Đăng nhập', en: 'Sign in' },
  local: { vi: 'Chế độ chạy thử trên máy: chọn người bạn đăng nhập với tư cách.', en: 'Local mode: pick who you sign in as.' },
  desk: { vi: 'Cán bộ bộ phận một cửa', en: 'Officer of the one-stop desk' },
  branchDesk: { vi: 'Cán bộ một cửa tại {name}', en: 'Desk officer at {name}' },
  agency: { vi: 'Cán bộ {name}', en: 'Officer of {name}' },
  operator: { vi: 'Quản trị vận hành', en: 'Platform operator' },
  cognito: { vi: 'Đăng nhập bằng tài khoản cán bộ', en: 'Sign in with your officer account' },
  failed: { vi: 'Không đăng nhập được: {m}', en: 'Could not sign in: {m}' },
  then: { vi: 'Sau khi đăng nhập, bạn sẽ được đưa đến trang đã mở: {path}', en: 'Once signed in, you will be taken to the page you opened: {path}' },
};

/** Who one may be locally: the desk's officer, each branch desk's, each department's officer, an operator. */
export function SignIn({ search = '' }: { search?: string }) {
  const { config, setSession } = useApp();
  const { t, pick } = useI18n(T);
  const [error, setError] = useState<string>();
  const next = safeNext(new URLSearchParams(search).get('next'));
  const go = async (sub: string, groups: string[], name: string) => {
    try {
      const s = await localSignIn(sub, groups, name);
      setSession(s);
      navigate(next ?? homeOf(s), true);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const desk = config.agencies.find((a) => a.code === config.centre.deskAgency);
  return (
    <section class="sign-in">
      <h1>{t('title')}</h1>
      <p>{pick(config.centre.name)}</p>
      {error && <Alert>{t('failed', { m: error })}</Alert>}
      {next && <p role="status">{t('then', { path: next })}</p>}
      {config.auth.kind === 'cognito' ? (
        <button type="button" class="primary" onClick={() => { rememberNext(next); if (config.auth.kind === 'cognito') void cognitoSignIn(config.auth); }}>
          {t('cognito')}
        </button>
      ) : (
        <>
          <p>{t('local')}</p>
          <ul class="people">
            <li>
              <button type="button" onClick={() => go('desk-1', ['desk'], `${t('desk')}`)}>
                {t('desk')} <small>{desk ? pick(desk.name) : ''}</small>
              </button>
            </li>
            {(config.centre.branches ?? []).map((b) => (
              <li key={`branch-${b.code}`}>
                <button type="button" onClick={() => go(`desk-${b.code.toLowerCase()}-1`, ['desk', `branch-${b.code}`], t('branchDesk', { name: pick(b.name) }))}>
                  {t('branchDesk', { name: pick(b.name) })} <small>{b.code}</small>
                </button>
              </li>
            ))}
            {config.agencies
              .filter((a) => a.kind !== 'desk')
              .map((a) => (
                <li key={a.code}>
                  <button type="button" onClick={() => go(`${a.code.toLowerCase()}-1`, [`agency-${a.code}`], t('agency', { name: pick(a.name) }))}>
                    {t('agency', { name: pick(a.name) })} <small>{a.code}</small>
                  </button>
                </li>
              ))}
            <li>
              <button type="button" onClick={() => go('operator-1', ['operator'], t('operator'))}>
                {t('operator')}
              </button>
            </li>
          </ul>
        </>
      )}
    </section>
  );
}

export function SignInCallback({ search }: { search: string }) {
  const { config, setSession } = useApp();
  const { t } = useI18n(T);
  const [error, setError] = useState<string>();
  useEffect(() => {
    if (config.auth.kind !== 'cognito') return void navigate('/sign-in', true);
    cognitoCallback(config.auth, search).then(
      (s) => {
        setSession(s);
        navigate(takeNext() ?? homeOf(s), true);
      },
      (e: Error) => setError(e.message),
    );
  }, []);
  return (
    <section>
      <h1>{t('title')}</h1>
      {error ? <Alert>{t('failed', { m: error })}</Alert> : <p role="status">…</p>}
    </section>
  );
}
