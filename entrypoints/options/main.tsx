import { render } from 'preact';
import { AdapterSettings } from '../../components/AdapterSettings';
import { ConnectForm } from '../../components/ConnectForm';
import { followLanguageSetting } from '../../lib/i18n/follow-setting';
import { addBundledDictionaries, loadBundledDictionary } from '../../lib/i18n/languages';
import { language } from '../../lib/settings';

addBundledDictionaries();
void followLanguageSetting(new AbortController().signal, language, loadBundledDictionary);
render(
  <>
    <ConnectForm />
    <div class="panel"><AdapterSettings /></div>
  </>,
  document.getElementById('app')!,
);
