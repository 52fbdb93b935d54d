// The keyboard shortcuts (the manifest's `commands`, rebindable by the user in the browser). The browser
// hands a command to the background only for a real key press; the background forwards the page ones to
// the CRM tab they were pressed in as the `command` push, which the content script checks as any message.
/** Opens the side panel (Chrome) or the sidebar (Firefox): the toolbar button's own command. */
export const OPEN_PANEL_COMMAND = { chrome: '_execute_action', firefox: '_execute_sidebar_action' } as const;

/** The shortcuts that act on the CRM page, in the order the options page lists them. */
export const PAGE_COMMANDS = ['focus-search', 'select-row', 'open-row-menu'] as const;
export type PageCommand = (typeof PAGE_COMMANDS)[number];

/** The shape check of the `command` message (a plain check: the content script carries no schema library for it). */
export function isPageCommand(command: unknown): command is PageCommand {
  return typeof command === 'string' && (PAGE_COMMANDS as readonly string[]).includes(command);
}

/** The keys suggested at install (Chrome takes at most four); the user rebinds them in the browser. */
export const SUGGESTED_KEYS: Record<PageCommand | 'openPanel', string> = {
  openPanel: 'Alt+Shift+O',
  'focus-search': 'Alt+Shift+F',
  'select-row': 'Alt+Shift+S',
  'open-row-menu': 'Alt+Shift+M',
};
