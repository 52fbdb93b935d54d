import { render } from 'preact';
import { AdapterSettings } from '../../components/AdapterSettings';
import { ConnectForm } from '../../components/ConnectForm';
import { followLanguageSetting } from '../../lib/i18n/follow-setting';

void followLanguageSetting(new AbortController().signal);
render(
  <>
    <ConnectForm />
    <div class="panel"><AdapterSettings /></div>
  </>,
  document.getElementById('app')!,
);
