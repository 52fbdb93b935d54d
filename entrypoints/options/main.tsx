import { render } from 'preact';
import { ConnectForm } from '../../components/ConnectForm';
import { followLanguageSetting } from '../../lib/i18n/follow-setting';

void followLanguageSetting(new AbortController().signal);
render(<ConnectForm />, document.getElementById('app')!);
