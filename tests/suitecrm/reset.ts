// Each test file starts from the seeded snapshot (~2 s), so no file sees another's changes.
import { beforeAll, inject } from 'vitest';
import { restore } from '../../scripts/suitecrm/kit';

beforeAll(() => {
  const env = inject('suitecrm');
  restore(env.crm, env.snapshotDir);
});
