import { describe, expect, it } from 'vitest';
import { importIfPresent } from '../prepare';

describe('importIfPresent', () => {
  it('answers null for a module file that is not there', async () => {
    expect(await importIfPresent('./no-such-module.ts')).toBeNull();
  });

  it('imports one that is', async () => {
    const phone = await importIfPresent<typeof import('../phone')>('./phone.ts');
    expect(phone?.phoneKey('0912 345 678')).toBe('912345678');
  });
});
