// The options page: connect to a CRM (address + API token, or SuiteCRM's sign-in) and pick the language.
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { currentLanguage, errorText, t } from '../lib/i18n';
import { sendMessage, type Change, type ProtocolError, type SessionView } from '../lib/protocol/messages';
import { crmBaseUrl, crmMatchPattern, hostAdapter, language, normalizeCrmUrl, type LanguageSetting } from '../lib/settings';

type Status =
  | { state: 'idle' }
  | { state: 'busy' }
  | { state: 'ok'; session: SessionView }
  | { state: 'error'; text: string };

function sessionText(session: SessionView): string {
  const params = { user: session.me.user.name, role: session.me.role.name };
  return t(session.offline ? 'options.signedInOffline' : 'options.signedInAs', params);
}

export function ConnectForm({ onChange }: { onChange?(listener: (change: Change) => void): () => void } = {}) {
  const [url, setUrl] = useState('');
  const [kind, setKind] = useState<'token' | 'suitecrm'>('token');
  const [token, setToken] = useState('');
  const [signIn, setSignIn] = useState({ username: '', password: '', clientId: '', clientSecret: '' });
  const typed = (field: keyof typeof signIn) => (e: { currentTarget: HTMLInputElement }) => {
    const value = e.currentTarget.value;
    setSignIn((s) => ({ ...s, [field]: value }));
  };
  const [lang, setLang] = useState<LanguageSetting>('auto');
  const [status, setStatus] = useState<Status>({ state: 'idle' });

  useEffect(() => {
    void crmBaseUrl.getValue().then((saved) => saved && setUrl((typed) => typed || saved));
    void language.getValue().then(setLang);
    void sendMessage('getSession').then((reply) => {
      if (reply.ok && reply.data) setStatus((s) => (s.state === 'idle' ? { state: 'ok', session: reply.data! } : s));
    }, () => undefined);
    // Signed out (here or in the side panel): no one is signed in any more.
    return onChange?.((change) => {
      if (change.kind === 'session' && change.signedOut) setStatus({ state: 'idle' });
    });
  }, []);

  const fail = (error: Pick<ProtocolError, 'code' | 'message'> & Partial<ProtocolError>) =>
    setStatus({ state: 'error', text: errorText(error) });

  // Everything up to permissions.request stays synchronous: the browser only shows the prompt during
  // the click's user gesture.
  const onSubmit = (event: Event) => {
    event.preventDefault();
    let origin: string;
    try {
      origin = normalizeCrmUrl(url);
    } catch {
      return setStatus({ state: 'error', text: t('options.urlInvalid') });
    }
    if (kind === 'token' && token.trim() === '') return setStatus({ state: 'error', text: t('options.tokenMissing') });
    if (kind === 'suitecrm' && Object.values(signIn).some((v) => v.trim() === '')) return setStatus({ state: 'error', text: t('options.signInMissing') });
    setStatus({ state: 'busy' });
    browser.permissions.request({ origins: [crmMatchPattern(origin)] }).then(async (granted) => {
      if (!granted) return setStatus({ state: 'error', text: t('error.permission_denied', { origin }) });
      const reply = await sendMessage('connect', kind === 'token' ? { url: origin, token: token.trim() } : { url: origin, crm: 'suitecrm', ...signIn });
      if (reply.ok) {
        // SuiteCRM's pages are read by its own adapter; leaving SuiteCRM goes back to the default one.
        if (kind === 'suitecrm') await hostAdapter.setValue('suitecrm');
        else if ((await hostAdapter.getValue()) === 'suitecrm') await hostAdapter.setValue('reference');
        setUrl(origin);
        // The password is not kept here either once SuiteCRM signed the user in.
        setSignIn((s) => ({ ...s, password: '' }));
        setStatus({ state: 'ok', session: reply.data });
      } else fail(reply.error);
    }).catch((error: unknown) => fail({ code: 'fault', message: error instanceof Error ? error.message : String(error) }));
  };

  const statusText = status.state === 'ok' ? sessionText(status.session)
    : status.state === 'error' ? status.text
    : status.state === 'busy' ? t('options.connecting') : '';

  return (
    <main lang={currentLanguage.value}>
      <h1>{t('options.title')}</h1>
      <form onSubmit={onSubmit} noValidate>
        <label for="crmx-crm-url">{t('options.crmUrl')}</label>
        <input id="crmx-crm-url" type="url" autocomplete="url" placeholder="https://crm.example.com" value={url}
          onInput={(e) => setUrl(e.currentTarget.value)} />
        <fieldset>
          <legend>{t('options.crmKind')}</legend>
          <label><input type="radio" name="crmx-crm-kind" value="token" checked={kind === 'token'} onChange={() => setKind('token')} />
            {t('options.crmKind.token')}</label>
          <label><input type="radio" name="crmx-crm-kind" value="suitecrm" checked={kind === 'suitecrm'} onChange={() => setKind('suitecrm')} />
            {t('options.crmKind.suitecrm')}</label>
        </fieldset>
        {kind === 'token' ? (
          <>
            <label for="crmx-token">{t('options.token')}</label>
            <input id="crmx-token" type="password" autocomplete="off" value={token} aria-describedby="crmx-token-help"
              onInput={(e) => setToken(e.currentTarget.value)} />
            <p id="crmx-token-help" class="help">{t('options.tokenHelp')}</p>
          </>
        ) : (
          <>
            <label for="crmx-username">{t('options.username')}</label>
            <input id="crmx-username" autocomplete="username" value={signIn.username} onInput={typed('username')} />
            <label for="crmx-password">{t('options.password')}</label>
            <input id="crmx-password" type="password" autocomplete="current-password" value={signIn.password} onInput={typed('password')}
              aria-describedby="crmx-suitecrm-help" />
            <label for="crmx-client-id">{t('options.clientId')}</label>
            <input id="crmx-client-id" autocomplete="off" value={signIn.clientId} onInput={typed('clientId')} />
            <label for="crmx-client-secret">{t('options.clientSecret')}</label>
            <input id="crmx-client-secret" type="password" autocomplete="off" value={signIn.clientSecret} onInput={typed('clientSecret')} />
            <p id="crmx-suitecrm-help" class="help">{t('options.suitecrmHelp')}</p>
          </>
        )}
        <button id="crmx-connect" type="submit" disabled={status.state === 'busy'}>{t('options.connect')}</button>
      </form>
      <p id="crmx-connection-status" role="status" data-state={status.state}>{statusText}</p>
      <hr />
      <label for="crmx-language">{t('options.language')}</label>
      <select id="crmx-language" value={lang} onChange={(e) => {
        const value = e.currentTarget.value as LanguageSetting;
        setLang(value);
        void language.setValue(value);
      }}>
        <option value="auto">{t('options.language.auto')}</option>
        <option value="en">{t('options.language.en')}</option>
        <option value="vi">{t('options.language.vi')}</option>
      </select>
    </main>
  );
}
