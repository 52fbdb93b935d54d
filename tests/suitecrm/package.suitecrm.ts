// The package as a SuiteCRM administrator installs it into a site that already has its own custom V8 routes:
// SuiteCRM includes exactly one custom routes file, so the package adds a line to it instead of replacing it,
// and takes that line out again on uninstall.
import { chownSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPackage } from '../../scripts/suitecrm/build-package';
import { installPackage, uninstallPackage } from '../../scripts/suitecrm/kit';
import { env, tokenOf } from './helpers';
import { call, ROUTES } from './client';

const docroot = env.crm.docroot!;
const routesFile = join(docroot, 'custom/application/Ext/Api/V8/Config/routes.php');
const siteRoutes = `<?php
// The site's own route, as its developers wrote it.
$app->get('/site-hello', function ($request, $response) {
    return $response->withJson(array('hello' => 'from the site'));
});
`;

const get = async (path: string) => call(env.seed.client, await tokenOf('admin'), 'GET', path);

/**
 * Waits until Apache's PHP answers `path` with `status`. The installs here run in PHP's CLI, so Apache's opcache
 * notices the changed file only by its mtime, in whole seconds, which this test's steps share: each step gives the
 * file an mtime of its own first.
 */
let step = 0;
async function answers(path: string, status: number) {
  const t = Math.floor(Date.now() / 1000) + 10 + ++step;
  utimesSync(routesFile, t, t);
  await expect.poll(async () => (await get(path)).status, { timeout: 15_000, interval: 250 }).toBe(status);
}
const ourLines = (text: string) => text.split('\n').filter((l) => l.includes('CrmOverlay/routes.php'));

describe('the package and a site\'s own custom V8 routes', () => {
  it('installs beside them, and its uninstall leaves them as they were', async () => {
    expect(docroot, 'these tests install the package: SUITECRM_DOCROOT or the kit').toBeTruthy();
    // The site's routes file, owned by the web server's user like the rest of the docroot.
    writeFileSync(routesFile, siteRoutes);
    const { uid, gid } = statSync(docroot);
    chownSync(routesFile, uid, gid);
    await answers(`${ROUTES}/ping`, 404);

    const zip = buildPackage();
    installPackage(env.crm, zip);
    const installed = readFileSync(routesFile, 'utf8');
    expect(installed.startsWith(siteRoutes)).toBe(true);
    expect(ourLines(installed)).toHaveLength(1);
    await answers(`${ROUTES}/ping`, 200);
    expect((await get('/Api/V8/custom/site-hello')).body).toEqual({ hello: 'from the site' });
    expect((await get(`${ROUTES}/ping`)).body.meta.version).toBe('1.0.0');

    // Installing again (an upgrade in place) does not add the line twice.
    installPackage(env.crm, zip);
    expect(ourLines(readFileSync(routesFile, 'utf8'))).toHaveLength(1);
    expect((await get(`${ROUTES}/ping`)).status).toBe(200);

    uninstallPackage(env.crm);
    expect(readFileSync(routesFile, 'utf8')).toBe(siteRoutes);
    await answers(`${ROUTES}/ping`, 404);
    expect((await get('/Api/V8/custom/site-hello')).body).toEqual({ hello: 'from the site' });
  });
});
