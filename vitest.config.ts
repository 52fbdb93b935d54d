import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// The SuiteCRM project runs only from `npm run test:suitecrm` (it sets CRMX_SUITECRM=1): it brings up a real
// SuiteCRM (minutes on a fresh machine), so `npm test` leaves it out.
const suitecrm = process.env.CRMX_SUITECRM === '1'
  ? [
      {
        test: {
          name: 'suitecrm',
          environment: 'node',
          include: ['tests/suitecrm/**/*.suitecrm.ts'],
          globalSetup: ['tests/suitecrm/global-setup.ts'],
          setupFiles: ['tests/suitecrm/reset.ts'],
          testTimeout: 60_000,
          hookTimeout: 600_000,
          fileParallelism: false,
        },
      },
    ]
  : [];

// The README's pictures only from `npm run screenshots` (CRMX_SCREENSHOTS=1): the same harness as e2e, not a test run.
const screenshots = process.env.CRMX_SCREENSHOTS === '1'
  ? [
      {
        test: {
          name: 'screenshots',
          environment: 'node',
          include: ['tests/screenshots/**/*.screenshots.ts'],
          globalSetup: ['tests/harness/global-setup.ts'],
          testTimeout: 300_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ]
  : [];

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [WxtVitest()],
        test: {
          name: 'unit',
          environment: 'happy-dom',
          setupFiles: ['tests/unit-setup.ts'],
          include: ['lib/**/*.test.{ts,tsx}', 'components/**/*.test.{ts,tsx}', 'entrypoints/**/*.test.{ts,tsx}'],
        },
      },
      {
        test: {
          name: 'server',
          environment: 'node',
          include: ['reference-crm/**/*.test.ts', 'scripts/**/*.test.ts', 'build/**/*.test.ts'],
          exclude: ['reference-crm/**/*.postgres.test.ts'],
        },
      },
      // The same server tests on PostgreSQL (a throwaway cluster, reference-crm/test/postgres-cluster.ts).
      {
        test: {
          name: 'server-postgres',
          environment: 'node',
          include: ['reference-crm/**/*.test.ts'],
          exclude: ['reference-crm/**/*.sqlite.test.ts'],
          env: { CRM_TEST_ENGINE: 'postgres' },
          globalSetup: ['reference-crm/test/postgres-setup.ts'],
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/**/*.e2e.ts'],
          globalSetup: ['tests/harness/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
      ...suitecrm,
      ...screenshots,
    ],
  },
});
