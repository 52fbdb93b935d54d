// Sends protocol messages the way @webext-core/messaging does on the wire (a `{ id, type, data,
// timestamp }` runtime message answered by `{ res }` or `{ err }`), from a page or a worker of the
// browser under test. No test hooks in the extension: these are the messages its own pages send.
import type { Page, Worker } from 'playwright-core';
import type { ProtocolMap, Reply, ReplyDataOf, RequestType } from '../../lib/protocol/messages';

export interface WireAnswer<T> {
  res?: Reply<T>;
  err?: { message: string };
}

/** The message object @webext-core/messaging sends for `type` with `data`. */
export function wireMessage(type: string, data: unknown) {
  return { id: Math.floor(Math.random() * 1e9), type, data, timestamp: Date.now() };
}

/** From an extension page (options): chrome.runtime.sendMessage with the library's message shape. */
export async function sendFromPage<K extends RequestType>(page: Page, type: K, data: Parameters<ProtocolMap[K]>[0]): Promise<Reply<ReplyDataOf<K>>> {
  const answer = await page.evaluate(async (message) => {
    const chromeApi = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome;
    return chromeApi.runtime.sendMessage(message);
  }, wireMessage(type, data)) as WireAnswer<ReplyDataOf<K>> | undefined;
  if (!answer?.res) throw new Error(`${type}: no answer from the background (${JSON.stringify(answer)})`);
  return answer.res;
}

/** The data of an ok Reply, or a thrown Error with the refusal. */
export function okData<T>(reply: Reply<T>): T {
  if (!reply.ok) throw new Error(`refused: ${reply.error.code}: ${reply.error.message}`);
  return reply.data;
}

/**
 * Runs a list of messages from a tab's ISOLATED world (a content script's context) by injecting a
 * function with chrome.scripting from the service worker; answers in order.
 */
export async function sendFromTab(worker: Worker, tabUrl: string, messages: { type: string; data: unknown }[]): Promise<WireAnswer<unknown>[]> {
  return worker.evaluate(async ({ tabUrl, messages }) => {
    const c = (globalThis as unknown as { chrome: ChromeLike }).chrome;
    const [tab] = await c.tabs.query({ url: tabUrl });
    if (tab?.id === undefined) throw new Error(`no tab at ${tabUrl}`);
    const [injected] = await c.scripting.executeScript({
      target: { tabId: tab.id },
      world: 'ISOLATED',
      args: [messages],
      func: async (list: { type: string; data: unknown }[]) => {
        const inTab = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome;
        const answers: unknown[] = [];
        for (const m of list) {
          answers.push(await inTab.runtime.sendMessage({ id: Math.floor(Math.random() * 1e9), type: m.type, data: m.data, timestamp: Date.now() }));
        }
        return answers;
      },
    });
    return injected.result as never;
  }, { tabUrl, messages }) as Promise<WireAnswer<unknown>[]>;
}

interface ChromeLike {
  tabs: { query(q: { url: string }): Promise<{ id?: number }[]> };
  scripting: {
    executeScript(i: { target: { tabId: number }; world: 'ISOLATED' | 'MAIN'; args: unknown[]; func: (...a: never[]) => unknown }): Promise<{ result: unknown }[]>;
  };
}

/** Polls `read` until `done` says so; fails with the last value after `timeoutMs`. No fixed sleeps. */
export async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, timeoutMs = 90_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: T;
  do {
    last = await read();
    if (done(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  } while (Date.now() < until);
  throw new Error(`${what}: still not there after ${timeoutMs} ms (last: ${JSON.stringify(last).slice(0, 500)})`);
}
