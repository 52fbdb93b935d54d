// The background: the only holder of the token, the only caller of the CRM, the only writer of the
// extension's IndexedDB. Thin: it wires lib/ together.
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { CrmClient } from '../../lib/crm-client/client';
import { createHandlers, type HandlerDeps } from '../../lib/background/handlers/core';
import { createImportHandlers } from '../../lib/background/handlers/import';
import { createContentHandlers } from '../../lib/background/handlers/content';
import { DIALOGS_SCRIPT } from '../../components/kit/shared-modules';
import { createJobsHandlers } from '../../lib/background/handlers/jobs';
import { createMutationHandlers } from '../../lib/background/handlers/mutations';
import { createPoolHandlers } from '../../lib/background/handlers/pool';
import { createSyncHandlers } from '../../lib/background/handlers/sync';
import { createRouter, listenForRequests, toProtocolError } from '../../lib/background/router';
import { askView, orgNames } from '../../lib/background/views';
import { crmBaseUrl } from '../../lib/settings';
import { getDb } from '../../lib/background/store/db';
import { readOrg } from '../../lib/background/store/session';
import { syncContentScript } from './content-script-registration';
import { scheduleBackgroundWork } from './jobs-schedule';
import { scheduleSync } from './sync-schedule';
import { pushChange } from './push';

export default defineBackground(() => {
  const db = getDb();
  const getCrmOrigin = () => crmBaseUrl.getValue();

  const deps: HandlerDeps = {
    db,
    getCrmOrigin,
    setCrmOrigin: (origin) => crmBaseUrl.setValue(origin),
    makeClient: (baseUrl, token) => new CrmClient({ baseUrl, token }),
    push: (change) => {
      void getCrmOrigin().then((origin) => pushChange(change, origin));
    },
  };
  scheduleBackgroundWork(deps);
  scheduleSync(deps);
  const handlers = {
    ...createHandlers(deps),
    ...createSyncHandlers(deps),
    ...createMutationHandlers(deps),
    ...createJobsHandlers(deps),
    ...createImportHandlers(deps),
    ...createPoolHandlers(deps),
    ...createContentHandlers({
      async injectDialogs({ tabId, frameId }) {
        await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [DIALOGS_SCRIPT] });
      },
    }),
  };

  listenForRequests(createRouter({
    handlers,
    crmOrigin: getCrmOrigin,
    async describeError(error) {
      const described = toProtocolError(error);
      if (!described.ask) return described;
      const names = orgNames((await readOrg(db))?.org ?? null);
      return { ...described, ask: askView(described.ask, names) };
    },
  }));

  const sync = (origin: string | null, injectOpenTabs = false) =>
    syncContentScript(origin, { injectOpenTabs }).catch((error: unknown) => {
      console.error('[crmx] could not register the content script for', origin, error);
    });
  crmBaseUrl.watch((origin) => void sync(origin, true));
  browser.runtime.onStartup.addListener(() => void getCrmOrigin().then((origin) => sync(origin)));
  browser.runtime.onInstalled.addListener(() => void getCrmOrigin().then((origin) => sync(origin, true)));
  void getCrmOrigin().then((origin) => sync(origin));

  // The toolbar button opens the side panel (Chrome); Firefox opens its sidebar by itself.
  const sidePanel = (browser as unknown as { sidePanel?: { setPanelBehavior(b: { openPanelOnActionClick: boolean }): Promise<void> } }).sidePanel;
  void sidePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch((error: unknown) => {
    console.error('[crmx] could not make the toolbar button open the side panel', error);
  });
});
