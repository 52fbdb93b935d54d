// Protocol area: signing out — what stands in the way (actions still waiting to be sent, jobs running), the
// sign-out itself, and taking back a sign-out that waits for the actions to go. Extension pages only (the
// options page and the side panel): a CRM tab can never sign the user out. Handlers:
// lib/background/handlers/sign-out.ts.
import * as v from 'valibot';
import type { Reply, SenderKind } from './messages';

export interface SignOutState {
  /** False when no one is signed in (nothing to sign out of). */
  signedIn: boolean;
  /** The CRM's host (crm.example.com), as the confirmation names it. */
  crmHost: string | null;
  /** Actions made on this device that the CRM has not received yet. */
  pending: number;
  /** Batch jobs queued or running: signing out stops them. */
  jobs: number;
  /** The user chose to sign out once the pending actions are sent: the background will. */
  waiting: boolean;
}

export interface SignOutRequest {
  /**
   * What becomes of the actions still waiting: 'discard' signs out now and drops them; 'wait' signs out once
   * they are sent (now, when none waits).
   */
  pending: 'discard' | 'wait';
  /** How many the user was told wait: a discard of more than that is not done (the state is answered again). */
  seen: number;
}

/** Signed out, or not yet (more actions wait than the user saw, or the sign-out waits for them to be sent). */
export type SignOutResult = { signedOut: true } | ({ signedOut: false } & SignOutState);

export interface SignOutProtocol {
  signOutState(): Reply<SignOutState>;
  signOut(request: SignOutRequest): Reply<SignOutResult>;
  /** Stay signed in: a sign-out waiting for the actions to be sent is called off. */
  cancelSignOut(): Reply<SignOutState>;
}

export const SIGN_OUT_SENDER_KINDS: Record<keyof SignOutProtocol, SenderKind> = {
  signOutState: 'extension-page',
  signOut: 'extension-page',
  cancelSignOut: 'extension-page',
};

export const SIGN_OUT_SCHEMAS: { [K in keyof SignOutProtocol]: v.GenericSchema<unknown, Parameters<SignOutProtocol[K]>[0]> } = {
  signOutState: v.undefined(),
  signOut: v.strictObject({
    pending: v.picklist(['discard', 'wait']),
    seen: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1_000_000_000)),
  }),
  cancelSignOut: v.undefined(),
};
