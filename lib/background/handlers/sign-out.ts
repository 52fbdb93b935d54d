// Background handlers for the sign-out area of the protocol (lib/protocol/sign-out.ts). The router lets only
// the extension's own pages send these (SIGN_OUT_SENDER_KINDS): never a content script.
import type { SignOutProtocol } from '../../protocol/sign-out';
import type { Handlers } from '../router';
import type { BackgroundServices } from '../services';

export function createSignOutHandlers({ signOut }: Pick<BackgroundServices, 'signOut'>): Pick<Handlers, keyof SignOutProtocol> {
  return {
    signOutState: () => signOut.state(),
    signOut: (request) => signOut.signOut(request),
    cancelSignOut: () => signOut.cancel(),
  };
}
