import { render } from 'preact';
import { browser } from 'wxt/browser';
import { AdapterSettings } from '../../components/AdapterSettings';
import { ConnectForm } from '../../components/ConnectForm';
import { FeatureSwitchSettings } from '../../components/FeatureSwitchSettings';
import { OVERLAY_DIALOG_CSS } from '../../components/overlay-css';
import { ShortcutSettings } from '../../components/ShortcutSettings';
import { SignOut } from '../../components/SignOut';
import { followLanguageSetting } from '../../lib/i18n/follow-setting';
import { tso } from '../../lib/i18n/areas/sign-out';
import { addBundledDictionaries, loadBundledDictionary } from '../../lib/i18n/languages';
import { onMessage, type Change } from '../../lib/protocol/messages';
import { extensionApi } from '../../lib/ui/api';
import { language } from '../../lib/settings';

addBundledDictionaries();
void followLanguageSetting(new AbortController().signal, language, loadBundledDictionary);
// The sign-out confirmation is the overlay's dialog.
const style = document.createElement('style');
style.textContent = OVERLAY_DIALOG_CSS;
document.head.append(style);

const listeners = new Set<(change: Change) => void>();
onMessage('changed', (message) => {
  if (message.sender.id !== browser.runtime.id) return;
  for (const listener of listeners) listener(message.data);
});
const onChange = (listener: (change: Change) => void) => {
  listeners.add(listener);
  return () => void listeners.delete(listener);
};

render(
  <>
    <ConnectForm onChange={onChange} />
    <section class="panel" aria-labelledby="crmx-sign-out-title">
      <h2 id="crmx-sign-out-title">{tso('signOut.section')}</h2>
      <SignOut api={extensionApi()} onChange={onChange} />
    </section>
    <div class="panel"><AdapterSettings /></div>
    <div class="panel"><FeatureSwitchSettings /></div>
    <div class="panel"><ShortcutSettings /></div>
  </>,
  document.getElementById('app')!,
);
