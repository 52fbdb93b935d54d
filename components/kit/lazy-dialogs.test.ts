import { describe, expect, it, vi as mock } from 'vitest';
import * as preact from 'preact';
import * as i18n from '../../lib/i18n/index';
import { injectedDialogs, loadDialogs, loadedDialogs, whenDialogsLoaded, type DialogKit } from './lazy-dialogs';
import { DIALOGS_GLOBAL, SHARED_GLOBAL } from './dialogs-script';
import * as SHARED_MODULES from './shared-modules';
import * as state from '../../lib/ui/state';

const kit = { Dialogs: () => null, BatchDialog: () => null, DeleteFromFileDialog: () => null } as unknown as DialogKit;

/** What the dialogs' script does when it runs: leaves its dialogs, built on the modules shared then. */
const runDialogsScript = (scope: Record<string, unknown>) => {
  scope[DIALOGS_GLOBAL] = { kit, sharedModules: scope[SHARED_GLOBAL] };
};

/** A world of its own and an `inject` that runs "the dialogs' script" in it, as the background would. */
function world(script: (scope: Record<string, unknown>) => void = runDialogsScript) {
  const scope: Record<string, unknown> = {};
  const inject = mock.fn(async () => script(scope));
  return { scope, inject };
}

describe('loadDialogs', () => {
  it('shares the content script\'s modules before the script runs, then answers what it left', async () => {
    let sharedWhenRun: Record<string, unknown> | undefined;
    const { scope, inject } = world((s) => {
      sharedWhenRun = s[SHARED_GLOBAL] as Record<string, unknown>;
      runDialogsScript(s);
    });
    expect(await loadDialogs(inject, scope)).toBe(kit);
    expect(Object.keys(sharedWhenRun!).sort()).toEqual(Object.keys(SHARED_MODULES).sort());
    expect(sharedWhenRun!.preact).toMatchObject({ render: preact.render });
    expect(sharedWhenRun!.i18n).toMatchObject({ currentLanguage: i18n.currentLanguage });
    expect(sharedWhenRun!.state).toMatchObject({ showToast: state.showToast });
  });

  it('injects once, however many ask at the same time, and not again once loaded', async () => {
    const { scope, inject } = world();
    const all = await Promise.all([loadDialogs(inject, scope), loadDialogs(inject, scope), loadDialogs(inject, scope)]);
    await loadDialogs(inject, scope);
    expect(all).toEqual([kit, kit, kit]);
    expect(inject).toHaveBeenCalledTimes(1);
  });

  it('fails when the script leaves nothing, and tries again next time', async () => {
    let runs = 0;
    const { scope, inject } = world((s) => {
      runs += 1;
      if (runs === 2) runDialogsScript(s);
    });
    await expect(loadDialogs(inject, scope)).rejects.toThrow('left no dialogs');
    expect(await loadDialogs(inject, scope)).toBe(kit);
    expect(inject).toHaveBeenCalledTimes(2);
  });

  it('passes on a failed injection and tries again next time', async () => {
    const { scope } = world();
    const inject = mock.fn().mockRejectedValueOnce(new Error('tab closed')).mockImplementation(async () => runDialogsScript(scope));
    await expect(loadDialogs(inject, scope)).rejects.toThrow('tab closed');
    expect(await loadDialogs(inject, scope)).toBe(kit);
  });
});

describe('a second copy of the content script in the same world', () => {
  it('does not take the dialogs an older copy loaded (another Preact): it loads its own', async () => {
    const { scope, inject } = world();
    scope[DIALOGS_GLOBAL] = { kit: { ...kit }, sharedModules: { preact: 'the older copy\'s' } };
    expect(loadedDialogs(scope)).toBeNull();
    expect(await loadDialogs(inject, scope)).toBe(kit);
    expect(inject).toHaveBeenCalledTimes(1);
  });
});

describe('whenDialogsLoaded', () => {
  it('hears the first load without loading, and before the loader does', async () => {
    const { scope, inject } = world();
    const heard: string[] = [];
    const waiting = whenDialogsLoaded(scope).then((loaded) => heard.push(loaded === kit ? 'waiter' : 'other'));
    await Promise.resolve();
    expect(inject).not.toHaveBeenCalled();
    await loadDialogs(inject, scope).then(() => heard.push('loader'));
    await waiting;
    expect(heard).toEqual(['waiter', 'loader']);
    expect(await whenDialogsLoaded(scope)).toBe(kit);
  });
});

describe('injectedDialogs', () => {
  it('has nothing loaded until the first load', async () => {
    const { scope, inject } = world();
    const source = injectedDialogs(inject, scope);
    expect(source.loaded()).toBeNull();
    expect(loadedDialogs(scope)).toBeNull();
    await source.load();
    expect(source.loaded()).toBe(kit);
  });

  it('has nothing loaded while the script has run but its load has not ended (the roots\' styles are not in yet)', async () => {
    const { scope } = world();
    let seenBetween: DialogKit | null | undefined;
    let endInjection!: () => void;
    const inject = mock.fn(async () => {
      runDialogsScript(scope);
      seenBetween = source.loaded();
      await new Promise<void>((resolve) => (endInjection = resolve));
    });
    const source = injectedDialogs(inject, scope);
    const loading = source.load();
    await mock.waitFor(() => expect(inject).toHaveBeenCalled());
    expect(loadedDialogs(scope)).toBe(kit);
    expect(seenBetween).toBeNull();
    expect(source.loaded()).toBeNull();
    endInjection();
    await loading;
    expect(source.loaded()).toBe(kit);
  });
});
