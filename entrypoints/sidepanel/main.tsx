// The side panel (Firefox: the sidebar): works from any tab, through the same messages as the page.
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { BATCH_CSS } from '../../components/batch/batch-css';
import { createJobsStore } from '../../components/batch/jobs-store';
import { OVERLAY_CSS, OVERLAY_DIALOG_CSS } from '../../components/overlay-css';
import { extensionApi } from '../../lib/ui/api';
import { followLanguageSetting } from '../../lib/i18n/follow-setting';
import { addBundledDictionaries, loadBundledDictionary } from '../../lib/i18n/languages';
import { language } from '../../lib/settings';
import { onMessage, type Change } from '../../lib/protocol/messages';
import { createSelectionStore } from '../../lib/ui/selection-store';
import { PANEL_CSS } from './panel-css';
import { SidePanel } from './SidePanel';

addBundledDictionaries();
void followLanguageSetting(new AbortController().signal, language, loadBundledDictionary);
const style = document.createElement('style');
style.textContent = OVERLAY_CSS + OVERLAY_DIALOG_CSS + BATCH_CSS + PANEL_CSS;
document.head.append(style);

const api = extensionApi();
const jobs = createJobsStore(api);
const listeners = new Set<(change: Change) => void>();
onMessage('changed', (message) => {
  if (message.sender.id !== browser.runtime.id) return;
  if (message.data.kind === 'job') jobs.put(message.data.job);
  for (const listener of listeners) listener(message.data);
});

render(
  <SidePanel api={api} jobs={jobs} store={createSelectionStore()} onChange={(listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }} />,
  document.getElementById('app')!,
);
