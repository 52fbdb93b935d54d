// The options page's adapter section: the reference CRM's adapter or a generic one from CSS selectors
// and an id pattern, with "try it on this tab" (runs the selectors in the CRM's most recent tab).
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t, type MessageKey } from '../lib/i18n';
import { createGenericAdapter } from '../lib/host/adapters/generic';
import { probeSelectors, type ProbeResult } from '../lib/host/probe';
import {
  crmBaseUrl, crmMatchPattern, DEFAULT_GENERIC_SELECTORS, genericSelectors, hostAdapter, type GenericSelectors, type HostAdapterName,
} from '../lib/settings';

const FIELDS: Array<keyof GenericSelectors> = ['pathPattern', 'container', 'row', 'link', 'idPattern', 'menuCell', 'headerCell'];

/** The most recently used tab on the CRM's origin, or null. */
async function crmTab(origin: string): Promise<{ id: number; url: string } | null> {
  const tabs = await browser.tabs.query({ url: crmMatchPattern(origin) });
  const onOrigin = tabs.filter((tab) => tab.id !== undefined && tab.url && new URL(tab.url).origin === origin);
  onOrigin.sort((a, b) => (b.active ? 1 : 0) - (a.active ? 1 : 0) || ((b as { lastAccessed?: number }).lastAccessed ?? 0) - ((a as { lastAccessed?: number }).lastAccessed ?? 0));
  const tab = onOrigin[0];
  return tab ? { id: tab.id!, url: tab.url! } : null;
}

export function describeProbe(result: ProbeResult, url: string): string {
  if (result.error) return t('adapter.failed', { reason: result.error });
  if (result.rows === 0) return t('adapter.resultNone', { url });
  return t('adapter.result', { rows: result.rows, url, withId: result.withId, withMenuCell: result.withMenuCell, ids: result.firstIds.join(', ') || '—' });
}

export function AdapterSettings() {
  const [kind, setKind] = useState<HostAdapterName>('reference');
  const [config, setConfig] = useState<GenericSelectors>(DEFAULT_GENERIC_SELECTORS);
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  const [probe, setProbe] = useState<string>('');

  useEffect(() => {
    void hostAdapter.getValue().then(setKind);
    void genericSelectors.getValue().then(setConfig);
    // Connecting to SuiteCRM chooses its adapter (components/ConnectForm.tsx).
    return hostAdapter.watch((value) => setKind(value));
  }, []);

  const save = async (event: Event) => {
    event.preventDefault();
    try {
      if (kind === 'generic') createGenericAdapter(config);
    } catch (error) {
      return setStatus({ text: (error as Error).message, error: true });
    }
    await genericSelectors.setValue(config);
    await hostAdapter.setValue(kind);
    setStatus({ text: t('adapter.saved'), error: false });
  };

  const tryIt = async () => {
    setProbe(t('adapter.trying'));
    const origin = await crmBaseUrl.getValue();
    if (!origin) return setProbe(t('adapter.notConnected'));
    const tab = await crmTab(origin);
    if (!tab) return setProbe(t('adapter.noTab', { origin }));
    try {
      const { row, link, idPattern, menuCell } = config;
      const [injection] = await browser.scripting.executeScript({ target: { tabId: tab.id }, func: probeSelectors, args: [{ row, link, idPattern, menuCell }] });
      setProbe(describeProbe(injection.result as ProbeResult, tab.url));
    } catch (error) {
      setProbe(t('adapter.failed', { reason: error instanceof Error ? error.message : String(error) }));
    }
  };

  return (
    <section aria-labelledby="crmx-adapter-title">
      <h2 id="crmx-adapter-title">{t('adapter.title')}</h2>
      <p class="help">{t('adapter.help')}</p>
      <form onSubmit={save} noValidate>
        <label for="crmx-adapter-kind">{t('adapter.kind')}</label>
        <select id="crmx-adapter-kind" value={kind} onChange={(e) => setKind(e.currentTarget.value as HostAdapterName)}>
          <option value="reference">{t('adapter.kind.reference')}</option>
          <option value="suitecrm">{t('adapter.kind.suitecrm')}</option>
          <option value="generic">{t('adapter.kind.generic')}</option>
        </select>
        {kind === 'generic' && FIELDS.map((field) => (
          <div key={field}>
            <label for={`crmx-adapter-${field}`}>{t(`adapter.field.${field}` as MessageKey)}</label>
            <input id={`crmx-adapter-${field}`} type="text" spellcheck={false} value={config[field]}
              onInput={(e) => setConfig({ ...config, [field]: e.currentTarget.value })} />
          </div>
        ))}
        <div class="buttons">
          <button id="crmx-adapter-save" type="submit">{t('adapter.save')}</button>
          <button id="crmx-adapter-try" type="button" class="secondary" onClick={() => void tryIt()}>{t('adapter.try')}</button>
        </div>
      </form>
      <p id="crmx-adapter-status" role="status" data-state={status?.error ? 'error' : 'ok'}>{status?.text ?? ''}</p>
      <p id="crmx-adapter-probe" role="status">{probe}</p>
    </section>
  );
}
