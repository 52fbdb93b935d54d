// The background forwards a page shortcut only to the tab it was pressed in, only when that tab shows the CRM.
import { describe, expect, it, vi } from 'vitest';
import { forwardCommand, type CommandDeps, type CommandTab } from './commands';

const CRM = 'http://127.0.0.1:8787';

function deps(origin: string | null = CRM, active?: CommandTab): CommandDeps & { send: ReturnType<typeof vi.fn> } {
  return { crmOrigin: async () => origin, activeTab: async () => active, send: vi.fn(async () => undefined) };
}

describe('forwardCommand', () => {
  it.each<[string, string, CommandTab | undefined, string | null, boolean]>([
    ['a page shortcut in a CRM tab', 'open-row-menu', { id: 7, url: `${CRM}/customers?page=2` }, CRM, true],
    ['each page shortcut', 'select-row', { id: 7, url: `${CRM}/customers` }, CRM, true],
    ['the search shortcut', 'focus-search', { id: 7, url: `${CRM}/customers` }, CRM, true],
    ['the side panel\'s (the browser handles it)', '_execute_action', { id: 7, url: `${CRM}/customers` }, CRM, false],
    ['a name we do not know', 'delete-everything', { id: 7, url: `${CRM}/customers` }, CRM, false],
    ['a tab on another site', 'open-row-menu', { id: 7, url: 'https://evil.example/customers' }, CRM, false],
    ['a tab on another port of the CRM host', 'open-row-menu', { id: 7, url: 'http://127.0.0.1:9999/customers' }, CRM, false],
    ['a tab whose address we may not read', 'open-row-menu', { id: 7 }, CRM, false],
    ['no CRM connected', 'open-row-menu', { id: 7, url: `${CRM}/customers` }, null, false],
    ['a tab without an id', 'open-row-menu', { url: `${CRM}/customers` }, CRM, false],
  ])('%s', async (_, command, tab, origin, sent) => {
    const d = deps(origin);
    expect(await forwardCommand(command, tab, d)).toBe(sent);
    if (sent) expect(d.send).toHaveBeenCalledWith(7, command);
    else expect(d.send).not.toHaveBeenCalled();
  });

  it('takes the active tab when the browser does not say which', async () => {
    const d = deps(CRM, { id: 3, url: `${CRM}/customers` });
    expect(await forwardCommand('select-row', undefined, d)).toBe(true);
    expect(d.send).toHaveBeenCalledWith(3, 'select-row');
  });
});
