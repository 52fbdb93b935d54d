// The background's front door: every request is checked (sender, then payload shape) before its
// handler runs; a refusal answers a typed error and changes nothing.
import * as v from 'valibot';
import { CrmError } from '../crm-client/errors';
import { checkSender, type ExtensionSelf, type SenderInfo } from './check-sender';
import {
  PAYLOAD_SCHEMAS, SENDER_KINDS, onMessage,
  type PayloadOf, type ProtocolError, type Reply, type ReplyDataOf, type RequestType,
} from '../protocol/messages';

export type Handlers = {
  [K in RequestType]: (payload: PayloadOf<K>, sender: SenderInfo) => Promise<ReplyDataOf<K>>;
};

export interface RouterOptions {
  handlers: Handlers;
  /** The configured CRM origin, read on every message (it may change). */
  crmOrigin: () => Promise<string | null>;
  self?: ExtensionSelf;
  /** Turns a thrown error into the answer; default toProtocolError. */
  describeError?: (error: unknown) => ProtocolError | Promise<ProtocolError>;
}

export type Route = <K extends RequestType>(type: K, data: unknown, sender: SenderInfo) => Promise<Reply<ReplyDataOf<K>>>;

export function createRouter(options: RouterOptions): Route {
  const describe = options.describeError ?? toProtocolError;
  return async function route<K extends RequestType>(type: K, data: unknown, sender: SenderInfo) {
    const kind = SENDER_KINDS[type];
    if (!kind) return fail({ code: 'invalid_message', message: `Unknown message "${String(type)}"` });
    const refusal = checkSender(kind, sender, await options.crmOrigin(), options.self);
    if (refusal) return fail(refusal);

    const parsed = v.safeParse(PAYLOAD_SCHEMAS[type] as v.GenericSchema, data);
    if (!parsed.success) {
      let issue = parsed.issues[0];
      // One of several shapes (a union): what the first shape it could be is missing says most.
      while (issue.issues?.length) issue = issue.issues[0];
      const at = v.getDotPath(issue);
      return fail({ code: 'invalid_message', message: `${type}: ${at ? `${at}: ` : ''}${issue.message}` });
    }
    try {
      const handler = options.handlers[type] as (payload: unknown, sender: SenderInfo) => Promise<ReplyDataOf<K>>;
      return { ok: true, data: await handler(parsed.output, sender) };
    } catch (error) {
      return fail(await describe(error));
    }
  };
}

function fail(error: ProtocolError): { ok: false; error: ProtocolError } {
  return { ok: false, error };
}

export function toProtocolError(error: unknown): ProtocolError {
  if (error instanceof CrmError) {
    return {
      code: error.code,
      message: error.message,
      ...(error.rule ? { rule: error.rule } : {}),
      ...(error.ask ? { ask: error.ask.map((a) => ({ ...a, names: [] })) } : {}),
    };
  }
  return { code: 'fault', message: error instanceof Error ? error.message : String(error) };
}

/** Answers every request type of the protocol through `route`. Returns a function removing the listeners. */
export function listenForRequests(route: Route): () => void {
  const removers = (Object.keys(SENDER_KINDS) as RequestType[]).map((type) =>
    onMessage(type, (message) => route(type, message.data, message.sender) as never),
  );
  return () => removers.forEach((remove) => remove());
}
