// The dialogs come in a script of their own, injected into the CRM tab on first use
// (entrypoints/crm-dialogs.ts), so the content script does not carry them. That script must
// use the content script's copies of these modules, not its own: one Preact (hooks and signals hang off
// its `options`), one i18n (the current language), one overlay state. Pure data, read by the build
// (build/lazy-dialogs.ts), which makes these imports read `globalThis[SHARED_GLOBAL][key]`, and by
// components/kit/share-modules.ts, which puts them there.

export const SHARED_GLOBAL = '__crmxShared';
/** Where the dialogs' script leaves what it defines (components/kit/lazy-dialogs.ts). */
export const DIALOGS_GLOBAL = '__crmxDialogs';
/** The dialogs' script in the build. */
export const DIALOGS_SCRIPT = '/crm-dialogs.js';

/** Key → package name, or file path from the project root. */
export const SHARED_MODULES = {
  preact: 'preact',
  preactHooks: 'preact/hooks',
  preactJsx: 'preact/jsx-runtime',
  i18n: 'lib/i18n/index.ts',
  state: 'lib/ui/state.ts',
  outcome: 'lib/ui/outcome.ts',
  trustedEvents: 'lib/ui/trusted-events.ts',
  dialog: 'components/Dialog.tsx',
  useLoad: 'components/use-load.ts',
  format: 'components/format.ts',
  timeline: 'components/Timeline.tsx',
} as const;

export type SharedKey = keyof typeof SHARED_MODULES;

/** Project files only the dialogs' script bundles; any other project file it imports must be shared. */
export const DIALOG_ONLY_FILES = [
  'entrypoints/crm-dialogs.ts',
  'components/kit/shared-modules.ts',
  'components/Dialogs.tsx',
  'components/EditDialog.tsx',
  'components/EditConflict.tsx',
  'components/ChangeRecords.tsx',
  'components/LogDialog.tsx',
  'components/DateField.tsx',
  'lib/domain/log-types.ts',
  // Pure text and small views of change records (the log timeline in the page script uses them too).
  'components/change-text.tsx',
  'components/DeleteDialog.tsx',
  'components/ReturnToPoolDialog.tsx',
  'components/ShareDialog.tsx',
  'components/FollowedView.tsx',
  'components/PoolView.tsx',
  // Pure functions: a copy of its own does no harm.
  'lib/ui/selection.ts',
  'components/confirm-guard.ts',
  'lib/ui/edit-form.ts',
  'lib/rules/reassignable.ts',
  'components/batch/BatchDialog.tsx',
  'components/batch/DeleteFromFileDialog.tsx',
  'components/batch/file-preview.tsx',
  'components/batch/JobProgress.tsx',
  'components/batch/file-job-progress.tsx',
  'components/batch/job-state.ts',
  'components/JobChangeRecords.tsx',
  'components/batch/TargetsPicker.tsx',
  'components/batch/TagPicker.tsx',
  'components/batch/TargetList.tsx',
  'lib/import/base64.ts',
  'lib/import/template-csv.ts',
  'lib/import/columns.ts',
  'lib/import/delete-origin.ts',
];
