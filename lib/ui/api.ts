// What content-side code may ask the background: the protocol's requests, unwrapped (a refusal
// throws a ReplyError carrying the typed error).
import type { Id } from '../domain/types';
import {
  sendMessage, unwrap, type CustomerDetails, type PayloadOf, type ReplyDataOf, type RequestType, type RowState, type SessionView,
} from '../protocol/messages';

export interface ContentApi {
  getSession(): Promise<SessionView | null>;
  getCustomer(id: Id): Promise<CustomerDetails>;
  getDecisions(ids: Id[], fresh?: boolean): Promise<Record<Id, RowState | null>>;
  toggleFollow(id: Id): Promise<{ followed: boolean }>;
  /** Any other request of the protocol (edit, delete, timeline…), unwrapped. */
  request<K extends RequestType>(type: K, payload: PayloadOf<K>): Promise<ReplyDataOf<K>>;
}

export function extensionApi(): ContentApi {
  return {
    getSession: async () => unwrap(await sendMessage('getSession')),
    getCustomer: async (id) => unwrap(await sendMessage('getCustomer', id)),
    getDecisions: async (ids, fresh) => unwrap(await sendMessage('getDecisions', fresh ? { ids, fresh } : { ids })),
    toggleFollow: async (id) => unwrap(await sendMessage('toggleFollow', id)),
    request: async (type, payload) => {
      // The messenger's overloads cannot be picked for a generic key; the map types both ends.
      const send = sendMessage as unknown as (t: string, p: unknown) => Promise<unknown>;
      return unwrap((await send(type, payload)) as never);
    },
  };
}
