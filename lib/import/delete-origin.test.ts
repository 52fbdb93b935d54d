import { describe, expect, it } from 'vitest';
import { deleteOriginDetails, parseDeleteOrigin, type DeleteOrigin } from './delete-origin';

describe('delete origin in the log details', () => {
  it.each<[DeleteOrigin, string]>([
    [{ from: 'batch' }, 'Batch delete'],
    [{ from: 'file', file: 'xoa.csv', row: 2, phone: '0912 345 678' }, 'File "xoa.csv", row 2, phone 0912 345 678'],
    [{ from: 'file', file: 'danh sách "cũ", 2024.xlsx', row: 120, phone: '+84 912, 345' }, 'File "danh sách "cũ", 2024.xlsx", row 120, phone +84 912, 345'],
  ])('%j is written as %j and read back', (origin, details) => {
    expect(deleteOriginDetails(origin)).toBe(details);
    expect(parseDeleteOrigin(details)).toEqual(origin);
  });

  it.each(['', 'by phone 0912', 'Batch delete ', 'File x, row 2'])('%j names no origin', (details) => {
    expect(parseDeleteOrigin(details)).toBeNull();
  });
});
