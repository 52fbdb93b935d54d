import { describe, expect, it, vi } from 'vitest';
import { oneAtATime } from './one-at-a-time';

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

describe('oneAtATime', () => {
  it.each([
    ['asked twice while running → one more pass', 2, true, 2],
    ['asked while running, but the pass says stop → no more pass', 1, false, 1],
    ['not asked while running → one pass', 0, true, 1],
  ])('%s', async (_name, asksWhileRunning, passSaysMore, passes) => {
    const first = gate();
    let calls = 0;
    const { run } = oneAtATime({
      pass: async () => {
        calls++;
        if (calls === 1) await first.opened;
        return passSaysMore;
      },
      failure: 'test',
    });
    const started = run();
    const others = Array.from({ length: asksWhileRunning }, () => run());
    for (const other of others) expect(other).toBe(started);
    first.open();
    await started;
    expect(calls).toBe(passes);
  });

  it('logs a failing pass, still runs `after`, and runs again when asked next', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const after = vi.fn();
    let calls = 0;
    const { run } = oneAtATime({ pass: async () => { calls++; if (calls === 1) throw new Error('boom'); return true; }, failure: 'the test failed', after });
    await run();
    expect(error).toHaveBeenCalledWith('[crmx] the test failed', expect.any(Error));
    expect(after).toHaveBeenCalledTimes(1);
    await run();
    expect(calls).toBe(2);
    error.mockRestore();
  });
});
