// Sign out (the options page and the side panel): a confirmation naming the CRM that says what is deleted, how
// many actions still wait to be sent (wait for them, or discard them and sign out) and which jobs it stops.
// Extension pages only: the background refuses these messages from a CRM tab.
import { useEffect, useRef, useState } from 'preact/hooks';
import { tso } from '../lib/i18n/areas/sign-out';
import type { Change } from '../lib/protocol/messages';
import type { SignOutState } from '../lib/protocol/sign-out';
import type { ContentApi } from '../lib/ui/api';
import { failureText } from '../lib/ui/outcome';
import { Dialog } from './Dialog';

export interface SignOutProps {
  api: Pick<ContentApi, 'request'>;
  /** The page's feed of the background's pushes. */
  onChange(listener: (change: Change) => void): () => void;
}

type Shown = { state: 'idle' } | { state: 'done' } | { state: 'error'; text: string };

export function SignOut({ api, onChange }: SignOutProps) {
  const [current, setCurrent] = useState<SignOutState | null>(null);
  const [asking, setAsking] = useState<SignOutState | null>(null);
  const [more, setMore] = useState(false);
  const [busy, setBusy] = useState(false);
  const [shown, setShown] = useState<Shown>({ state: 'idle' });
  const button = useRef<HTMLButtonElement>(null);

  const load = () => api.request('signOutState', undefined).then(setCurrent, (e: unknown) => setShown({ state: 'error', text: failureText(e) }));
  useEffect(() => {
    void load();
    return onChange((change) => {
      if (change.kind === 'session' && change.signedOut) setShown({ state: 'done' });
      if (change.kind === 'session' || change.kind === 'pending' || change.kind === 'job') void load();
    });
  }, []);

  const ask = async () => {
    setMore(false);
    setShown({ state: 'idle' });
    try {
      setAsking(await api.request('signOutState', undefined));
    } catch (e) {
      setShown({ state: 'error', text: failureText(e) });
    }
  };

  const signOut = async (pending: 'discard' | 'wait') => {
    if (!asking) return;
    setBusy(true);
    try {
      const result = await api.request('signOut', { pending, seen: asking.pending });
      if (result.signedOut) {
        setAsking(null);
        setShown({ state: 'done' });
      } else if (result.waiting) {
        setAsking(null);
        setCurrent(result);
      } else {
        setAsking(result);
        setMore(true);
      }
    } catch (e) {
      setAsking(null);
      setShown({ state: 'error', text: failureText(e) });
    } finally {
      setBusy(false);
      void load();
    }
  };

  const stay = async () => {
    try {
      setCurrent(await api.request('cancelSignOut', undefined));
    } catch (e) {
      setShown({ state: 'error', text: failureText(e) });
    }
  };

  const signedIn = current?.signedIn === true;
  return (
    <div class="crmx-sign-out" data-crmx-sign-out>
      {signedIn && current.crmHost && <p>{tso('signOut.signedIn', { crm: current.crmHost })}</p>}
      <p role="status" id="crmx-sign-out-status" data-state={current?.waiting ? 'waiting' : shown.state}>
        {current?.waiting && signedIn ? tso('signOut.waiting', { count: current.pending })
          : shown.state === 'done' ? tso('signOut.done')
            : shown.state === 'error' ? shown.text : ''}
      </p>
      {signedIn && (
        <div class="buttons">
          <button ref={button} id="crmx-sign-out" type="button" onClick={() => void ask()}>{tso('signOut.button')}</button>
          {current.waiting && <button type="button" class="secondary" onClick={() => void stay()}>{tso('signOut.stay')}</button>}
        </div>
      )}
      {asking && (
        <div class="crmx-root">
          <Dialog kind="sign-out" title={tso('signOut.title', { crm: asking.crmHost ?? '' })} onClose={() => setAsking(null)} returnFocus={button.current}>
            <p>{tso('signOut.body')}</p>
            {asking.jobs > 0 && <p>{tso('signOut.jobs', { count: asking.jobs })}</p>}
            {asking.pending > 0 && (
              <>
                <p><strong>{tso('signOut.pending', { count: asking.pending })}</strong></p>
                <p>{tso('signOut.pendingChoice', { count: asking.pending })}</p>
              </>
            )}
            {more && <p class="crmx-error" role="alert">{tso('signOut.more')}</p>}
            <div class="crmx-dialog-actions">
              {asking.pending > 0 ? (
                <>
                  <button type="button" class="crmx-primary" disabled={busy} onClick={() => void signOut('wait')}>{tso('signOut.waitThenSignOut')}</button>
                  <button type="button" class="crmx-danger" disabled={busy} onClick={() => void signOut('discard')}>{tso('signOut.discard')}</button>
                </>
              ) : (
                <button type="button" class="crmx-danger" disabled={busy} onClick={() => void signOut('discard')}>{tso('signOut.confirm')}</button>
              )}
              <button type="button" onClick={() => setAsking(null)}>{tso('signOut.stay')}</button>
            </div>
          </Dialog>
        </div>
      )}
    </div>
  );
}
