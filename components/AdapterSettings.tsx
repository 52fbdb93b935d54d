// The options page's adapter section: the reference CRM's, SuiteCRM's, or a generic one from CSS selectors,
// the page pattern and where the id is; filled in from a known CRM's preset or a shared file, exported as
// one. "Try it" takes the CRM tab's page once; the preview then follows every edit, through the adapter the
// content script builds from the same configuration (its page test, its id reading).
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ta, type AdapterOptionsKey } from '../lib/i18n/areas/adapter-options';
import { checkGenericConfig, GenericConfigError } from '../lib/host/adapters/generic';
import {
  exportGenericConfig, GENERIC_PRESETS, GenericImportError, importGenericConfig, previewGeneric, snapshotPage, type GenericPreview, type PageSnapshot,
} from '../lib/host/adapters/generic-tools';
import {
  crmBaseUrl, crmMatchPattern, DEFAULT_GENERIC_SELECTORS, genericSelectors, hostAdapter, upgradeGenericSelectors,
  type GenericIdFrom, type GenericSelectors, type HostAdapterName,
} from '../lib/settings';
import { GENERIC_PLACEMENTS, type GenericPlacement } from '../lib/settings-schema';

/** The most recently used tab on the CRM's origin, or null. */
async function crmTab(origin: string): Promise<{ id: number; url: string } | null> {
  const tabs = await browser.tabs.query({ url: crmMatchPattern(origin) });
  const onOrigin = tabs.filter((tab) => tab.id !== undefined && tab.url && new URL(tab.url).origin === origin);
  onOrigin.sort((a, b) => (b.active ? 1 : 0) - (a.active ? 1 : 0) || ((b as { lastAccessed?: number }).lastAccessed ?? 0) - ((a as { lastAccessed?: number }).lastAccessed ?? 0));
  const tab = onOrigin[0];
  return tab ? { id: tab.id!, url: tab.url! } : null;
}

/** The label a field has on screen (an error names the field as the user sees it). */
function fieldLabel(field: keyof GenericSelectors, idFrom: GenericIdFrom): string {
  if (field === 'idElement') return ta(`adapter.field.idElement.${idFrom}`);
  if (field === 'idPattern') return ta(idFrom === 'attribute' ? 'adapter.field.idPattern.attribute' : 'adapter.field.idPattern.href');
  return ta(`adapter.field.${field}` as AdapterOptionsKey);
}

/** What is wrong with a configuration, in the user's words. */
export function problemText(error: unknown, idFrom: GenericIdFrom): string {
  if (error instanceof GenericConfigError) {
    return ta(`adapter.problem.${error.problem}`, { field: fieldLabel(error.field, idFrom), detail: error.detail });
  }
  return error instanceof Error ? error.message : String(error);
}

/** Why a file could not be imported, naming it and what is wrong in it. */
export function importProblemText(error: unknown, file: string): string {
  if (error instanceof GenericImportError) return ta(`adapter.import.${error.problem}`, { file, detail: error.detail });
  return ta('adapter.import.field', { file, problem: problemText(error, 'href') });
}

type Field = { key: keyof GenericSelectors; label: string; shown: boolean };

function fields(config: GenericSelectors): Field[] {
  const { idFrom } = config;
  return [
    { key: 'urlPattern', label: ta('adapter.field.urlPattern'), shown: true },
    { key: 'pageHas', label: ta('adapter.field.pageHas'), shown: true },
    { key: 'container', label: ta('adapter.field.container'), shown: true },
    { key: 'row', label: ta('adapter.field.row'), shown: true },
    { key: 'idFrom', label: ta('adapter.field.idFrom'), shown: true },
    { key: 'idElement', label: fieldLabel('idElement', idFrom), shown: true },
    { key: 'idAttribute', label: ta('adapter.field.idAttribute'), shown: idFrom === 'attribute' },
    { key: 'idPattern', label: fieldLabel('idPattern', idFrom), shown: idFrom !== 'value' },
    { key: 'name', label: ta('adapter.field.name'), shown: true },
    { key: 'placement', label: ta('adapter.field.placement'), shown: true },
    { key: 'menuCell', label: ta('adapter.field.menuCell'), shown: config.placement !== 'column' },
    { key: 'headerCell', label: ta(config.placement === 'column' ? 'adapter.field.headerCell.column' : 'adapter.field.headerCell'), shown: true },
  ];
}

function PreviewView({ preview, url }: { preview: GenericPreview; url: string }) {
  return (
    <div id="crmx-adapter-preview">
      <p data-crmx-page={preview.pageMatches ? 'match' : 'no-match'} data-state={preview.pageMatches ? 'ok' : 'error'}>
        {ta(preview.pageMatches ? 'adapter.page.match' : 'adapter.page.noMatch', { url })}
      </p>
      <p data-crmx-rows={preview.rows}>
        {preview.rows === 0 ? ta('adapter.resultNone') : ta('adapter.result', { rows: preview.rows, withId: preview.withId, withMenuCell: preview.withMenuCell })}
      </p>
      {preview.rows > 0 && preview.withId === 0 && <p data-state="error">{ta('adapter.noIds')}</p>}
      {preview.first.length > 0 && (
        <>
          <p>{ta('adapter.firstRows')}</p>
          <ol id="crmx-adapter-preview-rows">
            {preview.first.map((row, i) => (
              <li key={i} data-crmx-id={row.id ?? ''}>
                {row.id === null ? <em>{ta('adapter.rowNoId')}</em> : <code>{row.id}</code>} — {row.name}
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}

export function AdapterSettings() {
  const [kind, setKind] = useState<HostAdapterName>('reference');
  const [config, setConfig] = useState<GenericSelectors>(DEFAULT_GENERIC_SELECTORS);
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  const [probe, setProbe] = useState<string>('');
  const [snapshot, setSnapshot] = useState<PageSnapshot | null>(null);
  const [preset, setPreset] = useState('');

  useEffect(() => {
    void hostAdapter.getValue().then(setKind);
    void genericSelectors.getValue().then((value) => setConfig(upgradeGenericSelectors(value)));
    // Connecting to SuiteCRM chooses its adapter (components/ConnectForm.tsx).
    return hostAdapter.watch((value) => setKind(value));
  }, []);

  // The preview follows every edit on the page taken by "Try it".
  let preview: GenericPreview | null = null;
  let previewError = '';
  if (snapshot && kind === 'generic') {
    try {
      preview = previewGeneric(config, snapshot);
    } catch (error) {
      previewError = problemText(error, config.idFrom);
    }
  }

  const edit = (change: Partial<GenericSelectors>) => setConfig({ ...config, ...change });

  const save = async (event: Event) => {
    event.preventDefault();
    if (kind === 'generic') {
      try {
        checkGenericConfig(config);
      } catch (error) {
        return setStatus({ text: problemText(error, config.idFrom), error: true });
      }
    }
    await genericSelectors.setValue(config);
    await hostAdapter.setValue(kind);
    setStatus({ text: ta('adapter.saved'), error: false });
  };

  const tryIt = async () => {
    setSnapshot(null);
    setProbe(ta('adapter.trying'));
    const origin = await crmBaseUrl.getValue();
    if (!origin) return setProbe(ta('adapter.notConnected'));
    const tab = await crmTab(origin);
    if (!tab) return setProbe(ta('adapter.noTab', { origin }));
    try {
      const [injection] = await browser.scripting.executeScript({ target: { tabId: tab.id }, func: snapshotPage });
      setSnapshot(injection.result as PageSnapshot);
      setProbe('');
    } catch (error) {
      setProbe(ta('adapter.failed', { reason: error instanceof Error ? error.message : String(error) }));
    }
  };

  const applyPreset = () => {
    const chosen = GENERIC_PRESETS.find((p) => p.id === preset);
    if (!chosen) return;
    setConfig(chosen.config);
    setStatus({ text: ta('adapter.preset.applied', { name: chosen.label }), error: false });
  };

  const exportFile = () => {
    const url = URL.createObjectURL(new Blob([exportGenericConfig(config)], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'crm-overlay-adapter.json';
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  };

  const importFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    try {
      setConfig(importGenericConfig(await file.text()));
      setKind('generic');
      setStatus({ text: ta('adapter.imported', { file: file.name }), error: false });
    } catch (error) {
      setStatus({ text: importProblemText(error, file.name), error: true });
    }
  };

  return (
    <section aria-labelledby="crmx-adapter-title">
      <h2 id="crmx-adapter-title">{ta('adapter.title')}</h2>
      <p class="help">{ta('adapter.help')}</p>
      <form onSubmit={save} noValidate>
        <label for="crmx-adapter-kind">{ta('adapter.kind')}</label>
        <select id="crmx-adapter-kind" value={kind} onChange={(e) => setKind(e.currentTarget.value as HostAdapterName)}>
          <option value="reference">{ta('adapter.kind.reference')}</option>
          <option value="suitecrm">{ta('adapter.kind.suitecrm')}</option>
          <option value="generic">{ta('adapter.kind.generic')}</option>
        </select>
        {kind === 'generic' && (
          <>
            <label for="crmx-adapter-preset">{ta('adapter.preset')}</label>
            <div class="inline">
              <select id="crmx-adapter-preset" value={preset} onChange={(e) => setPreset(e.currentTarget.value)}>
                <option value="">{ta('adapter.preset.none')}</option>
                {GENERIC_PRESETS.map((p) => <option key={p.id} value={p.id}>{p.label}</option>)}
              </select>
              <button id="crmx-adapter-preset-apply" type="button" class="secondary" disabled={!preset} onClick={applyPreset}>{ta('adapter.preset.apply')}</button>
            </div>
            {fields(config).filter((field) => field.shown).map(({ key, label }) => (
              <div key={key}>
                <label for={`crmx-adapter-${key}`}>{label}</label>
                {key === 'idFrom' ? (
                  <select id="crmx-adapter-idFrom" value={config.idFrom} onChange={(e) => edit({ idFrom: e.currentTarget.value as GenericIdFrom })}>
                    {(['href', 'value', 'attribute'] as const).map((from) => <option key={from} value={from}>{ta(`adapter.idFrom.${from}`)}</option>)}
                  </select>
                ) : key === 'placement' ? (
                  <select id="crmx-adapter-placement" value={config.placement} onChange={(e) => edit({ placement: e.currentTarget.value as GenericPlacement })}>
                    {GENERIC_PLACEMENTS.map((place) => <option key={place} value={place}>{ta(`adapter.placement.${place}`)}</option>)}
                  </select>
                ) : (
                  <input id={`crmx-adapter-${key}`} type="text" spellcheck={false} value={config[key]}
                    onInput={(e) => edit({ [key]: e.currentTarget.value })} />
                )}
              </div>
            ))}
          </>
        )}
        <div class="buttons">
          <button id="crmx-adapter-save" type="submit">{ta('adapter.save')}</button>
          {kind === 'generic' && (
            <>
              <button id="crmx-adapter-try" type="button" class="secondary" onClick={() => void tryIt()}>{ta('adapter.try')}</button>
              <button id="crmx-adapter-export" type="button" class="secondary" onClick={exportFile}>{ta('adapter.export')}</button>
              <label class="file-button secondary" for="crmx-adapter-import">{ta('adapter.import')}</label>
              <input id="crmx-adapter-import" type="file" accept=".json,application/json" class="visually-hidden"
                onChange={(e) => void importFile(e.currentTarget)} />
            </>
          )}
        </div>
      </form>
      <p id="crmx-adapter-status" role="status" data-state={status?.error ? 'error' : 'ok'}>{status?.text ?? ''}</p>
      <div id="crmx-adapter-probe" role="status">
        {probe}
        {previewError && <p data-state="error">{previewError}</p>}
        {preview && snapshot && <PreviewView preview={preview} url={snapshot.url} />}
      </div>
    </section>
  );
}
