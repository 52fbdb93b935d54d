// The options page's switches: which parts of the overlay the CRM page shows. Each change is saved at once;
// open CRM tabs follow it live (entrypoints/crm-page/feature.ts startSwitchedFeatures).
import { useEffect, useState } from 'preact/hooks';
import { currentLanguage } from '../lib/i18n';
import { ts, type ShortcutOptionsKey } from '../lib/i18n/areas/shortcut-options';
import { effectiveSwitches, FEATURE_SWITCHES, NEEDS, type FeatureSwitch, type FeatureSwitches } from '../lib/feature-switches';
import { featureSwitches } from '../lib/settings';
import { failureText } from '../lib/ui/outcome';

export function FeatureSwitchSettings() {
  const [stored, setStored] = useState<Partial<FeatureSwitches> | null>(null);
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  useEffect(() => {
    void featureSwitches.getValue().then(setStored);
    return featureSwitches.watch(setStored);
  }, []);
  if (!stored) return null;
  const on = effectiveSwitches(stored);

  const change = async (name: FeatureSwitch, value: boolean) => {
    // What the user chose, kept as chosen: a switch that needs another keeps its own choice for when that comes back on.
    const next = { ...effectiveSwitches({}), ...stored, [name]: value } as FeatureSwitches;
    setStored(next);
    try {
      await featureSwitches.setValue(next);
      setStatus({ text: ts('switches.saved'), error: false });
    } catch (error) {
      setStatus({ text: ts('switches.failed', { reason: failureText(error) }), error: true });
    }
  };

  return (
    <section aria-labelledby="crmx-switches-title" lang={currentLanguage.value} data-crmx-switches>
      <h2 id="crmx-switches-title">{ts('switches.title')}</h2>
      <p class="help" id="crmx-switches-help">{ts('switches.help')}</p>
      <fieldset aria-describedby="crmx-switches-help">
        <legend class="visually-hidden">{ts('switches.title')}</legend>
        {FEATURE_SWITCHES.map((name) => {
          const needed = NEEDS[name];
          const blocked = needed !== undefined && !on[needed];
          const id = `crmx-switch-${name}`;
          return (
            <div key={name}>
              <label for={id}>
                <input id={id} type="checkbox" data-crmx-switch={name} checked={on[name]} disabled={blocked}
                  aria-describedby={blocked ? `${id}-needs` : undefined}
                  onChange={(e) => void change(name, (e.currentTarget as HTMLInputElement).checked)} />
                {ts(`switches.${name}` as ShortcutOptionsKey)}
              </label>
              {blocked && <p class="help" id={`${id}-needs`}>{ts('switches.needsBatchBar')}</p>}
            </div>
          );
        })}
      </fieldset>
      <p id="crmx-switches-status" role="status" data-state={status?.error ? 'error' : undefined}>{status?.text ?? ''}</p>
    </section>
  );
}
