// A background task that runs one at a time: asked while it runs, it runs once more after the current
// run (whatever changed meanwhile gets seen), and every caller waits for the same run.

export interface OneAtATimeOptions {
  /** One pass; false stops the task even if it was asked again meanwhile (e.g. the CRM stopped answering). */
  pass(): Promise<boolean>;
  /** Logged with a pass's error; the task then ends. */
  failure: string;
  /** After the task ends, however it ended. */
  after?(): unknown;
}

export interface OneAtATime {
  /** Runs the task, or asks the running one for one more pass; resolves when it ends. */
  run(): Promise<void>;
  /** Resolves when the run under way, if any, ends. */
  settled(): Promise<void>;
}

export function oneAtATime(options: OneAtATimeOptions): OneAtATime {
  let running: Promise<void> | null = null;
  let again = false;
  const run = () => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        let more: boolean;
        do {
          again = false;
          more = await options.pass();
        } while (again && more);
      } catch (error) {
        console.error(`[crmx] ${options.failure}`, error);
      } finally {
        running = null;
        await options.after?.();
      }
    })();
    return running;
  };
  return { run, settled: () => running ?? Promise.resolve() };
}
