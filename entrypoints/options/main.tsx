import { render } from 'preact';
import { AdapterSettings } from '../../components/AdapterSettings';
import { ConnectForm } from '../../components/ConnectForm';
import { FeatureSwitchSettings } from '../../components/FeatureSwitchSettings';
import { ShortcutSettings } from '../../components/ShortcutSettings';
import { followLanguageSetting } from '../../lib/i18n/follow-setting';
import { loadBundledDictionary } from '../../lib/i18n/languages';
import { language } from '../../lib/settings';

void followLanguageSetting(new AbortController().signal, language, loadBundledDictionary);
render(
  <>
    <ConnectForm />
    <div class="panel"><AdapterSettings /></div>
    <div class="panel"><FeatureSwitchSettings /></div>
    <div class="panel"><ShortcutSettings /></div>
  </>,
  document.getElementById('app')!,
);
