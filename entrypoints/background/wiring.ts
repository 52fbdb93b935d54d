// The background wired in one place: the services built once per worker, every handler factory given the
// ones it uses. index.ts calls this with the browser's settings and channels; the tests with a fake CRM.
import { createHandlers } from '../../lib/background/handlers/core';
import { createContentHandlers, type ContentHandlerDeps } from '../../lib/background/handlers/content';
import { createExportHandlers } from '../../lib/background/handlers/export';
import { createImportHandlers } from '../../lib/background/handlers/import';
import { createJobsHandlers } from '../../lib/background/handlers/jobs';
import { createMutationHandlers } from '../../lib/background/handlers/mutations';
import { createPoolHandlers } from '../../lib/background/handlers/pool';
import { createSignOutHandlers } from '../../lib/background/handlers/sign-out';
import { createSyncHandlers } from '../../lib/background/handlers/sync';
import { createTabSelectionHandlers } from '../../lib/background/handlers/tab-selection';
import type { Handlers } from '../../lib/background/router';
import { createBackgroundServices, type BackgroundDeps, type BackgroundServices } from '../../lib/background/services';

export interface WiringDeps extends BackgroundDeps, ContentHandlerDeps {}

export interface Background {
  services: BackgroundServices;
  handlers: Handlers;
}

export function wireBackground(deps: WiringDeps): Background {
  const services = createBackgroundServices(deps);
  const handlers: Handlers = {
    ...createHandlers(services),
    ...createSyncHandlers(services),
    ...createMutationHandlers(services),
    ...createJobsHandlers(services),
    ...createImportHandlers(services),
    ...createPoolHandlers(services),
    ...createContentHandlers({ injectDialogs: deps.injectDialogs }),
    ...createTabSelectionHandlers(services.tabSelections),
    ...createSignOutHandlers(services),
    ...createExportHandlers(services),
  };
  return { services, handlers };
}
