// The options page's keyboard shortcuts: each command with the keys the browser has for it now (the user
// rebinds them in the browser: Chrome's shortcuts page, Firefox's add-on shortcuts), read again when the
// user comes back to this page.
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { currentLanguage } from '../lib/i18n';
import { ts, type ShortcutOptionsKey } from '../lib/i18n/areas/shortcut-options';
import { OPEN_PANEL_COMMAND, PAGE_COMMANDS } from '../lib/protocol/commands';
import { failureText } from '../lib/ui/outcome';

interface Binding {
  name: string;
  shortcut: string;
}

const ORDER: string[] = [OPEN_PANEL_COMMAND.chrome, OPEN_PANEL_COMMAND.firefox, ...PAGE_COMMANDS];

/** The user's words for a command (never its manifest name). */
export function commandLabel(name: string): string | null {
  if (name === OPEN_PANEL_COMMAND.chrome || name === OPEN_PANEL_COMMAND.firefox) return ts('shortcuts.openPanel');
  return (PAGE_COMMANDS as readonly string[]).includes(name) ? ts(`shortcuts.${name}` as ShortcutOptionsKey) : null;
}

/** The commands we know, in the page's order, with their keys ('' when none is set). */
export function shownBindings(all: Array<{ name?: string; shortcut?: string }>): Binding[] {
  return all
    .filter((command): command is { name: string; shortcut?: string } => !!command.name && commandLabel(command.name) !== null)
    .map((command) => ({ name: command.name, shortcut: command.shortcut ?? '' }))
    .sort((a, b) => ORDER.indexOf(a.name) - ORDER.indexOf(b.name));
}

export function ShortcutSettings({ isFirefox = import.meta.env.BROWSER === 'firefox' }: { isFirefox?: boolean }) {
  const [bindings, setBindings] = useState<Binding[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const read = () => browser.commands.getAll().then((all) => {
      setBindings(shownBindings(all));
      setError(null);
    }, (e: unknown) => setError(failureText(e)));
    void read();
    window.addEventListener('focus', read);
    return () => window.removeEventListener('focus', read);
  }, []);

  return (
    <section aria-labelledby="crmx-shortcuts-title" lang={currentLanguage.value} data-crmx-shortcuts>
      <h2 id="crmx-shortcuts-title">{ts('shortcuts.title')}</h2>
      <p class="help">{ts('shortcuts.help')}</p>
      {error && <p role="alert" data-state="error">{ts('shortcuts.failed', { reason: error })}</p>}
      {!bindings && !error && <p role="status">{ts('shortcuts.loading')}</p>}
      {bindings && (
        <table class="shortcuts">
          <thead>
            <tr><th scope="col">{ts('shortcuts.command')}</th><th scope="col">{ts('shortcuts.keys')}</th></tr>
          </thead>
          <tbody>
            {bindings.map((binding) => (
              <tr key={binding.name} data-crmx-command={binding.name}>
                <th scope="row">{commandLabel(binding.name)}</th>
                <td>{binding.shortcut ? <kbd>{binding.shortcut}</kbd> : ts('shortcuts.none')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {isFirefox
        ? <p class="help" data-crmx-shortcuts-how>{ts('shortcuts.firefox')}</p>
        : (
          <button type="button" class="secondary" data-crmx-shortcuts-change
            onClick={() => void browser.tabs.create({ url: 'chrome://extensions/shortcuts' })}>{ts('shortcuts.change')}</button>
        )}
    </section>
  );
}
