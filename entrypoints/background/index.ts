// The background: the only holder of the token, the only caller of the CRM, the only writer of the
// extension's IndexedDB. Thin: it builds the services once (./wiring.ts) and hands them to the router
// and the schedules.
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createConnectorMaker } from '../../lib/background/connectors';
import { DIALOGS_SCRIPT } from '../../components/kit/dialogs-script';
import { createRouter, listenForRequests, toProtocolError } from '../../lib/background/router';
import { askView, orgNames } from '../../lib/background/views';
import { crmBaseUrl } from '../../lib/settings';
import { getDb } from '../../lib/background/store/db';
import { readOrg } from '../../lib/background/store/session';
import { syncContentScript } from './content-script-registration';
import { keepWorkerAlive, scheduleBackgroundWork } from './jobs-schedule';
import { scheduleSync } from './sync-schedule';
import { pushChange } from './push';
import { listenForCommands } from './commands';
import { wireBackground } from './wiring';

export default defineBackground(() => {
  const db = getDb();
  const getCrmOrigin = () => crmBaseUrl.getValue();
  const makeConnector = createConnectorMaker(db);

  const { services, handlers } = wireBackground({
    db,
    getCrmOrigin,
    setCrmOrigin: (origin) => crmBaseUrl.setValue(origin),
    makeConnector,
    forgetConnectors: makeConnector.forget,
    push: (change) => {
      void getCrmOrigin().then((origin) => pushChange(change, origin));
    },
    keepAlive: keepWorkerAlive,
    // Each tab's selection outlives the worker, not the browser (Firefox without the area: the worker's memory).
    sessionArea: browser.storage.session,
    async injectDialogs({ tabId, frameId }) {
      await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [DIALOGS_SCRIPT] });
    },
  });
  scheduleBackgroundWork(services);
  browser.tabs.onRemoved.addListener((tabId) => void services.tabSelections.forgetTab(tabId));
  scheduleSync(services);

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

  const sync = (origin: string | null) =>
    syncContentScript(origin).catch((error: unknown) => {
      console.error('[crmx] could not register the content script for', origin, error);
    });
  crmBaseUrl.watch((origin) => void sync(origin));
  browser.runtime.onStartup.addListener(() => void getCrmOrigin().then(sync));
  browser.runtime.onInstalled.addListener(() => void getCrmOrigin().then(sync));
  void getCrmOrigin().then(sync);

  listenForCommands(getCrmOrigin);

  // The toolbar button opens the side panel (Chrome); Firefox opens its sidebar by itself.
  const sidePanel = (browser as unknown as { sidePanel?: { setPanelBehavior(b: { openPanelOnActionClick: boolean }): Promise<void> } }).sidePanel;
  void sidePanel?.setPanelBehavior({ openPanelOnActionClick: true }).catch((error: unknown) => {
    console.error('[crmx] could not make the toolbar button open the side panel', error);
  });
});
