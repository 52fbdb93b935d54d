// Mutation outcomes as the user reads them.
import { errorText, t } from '../i18n';
import type { MutationOutcome } from '../protocol/mutations';
import { asProtocolError } from './row-states';

/** The text for an error thrown by a request (a refusal names the rule and whom to ask). */
export function failureText(error: unknown): string {
  return errorText(asProtocolError(error));
}

/** applied → done text; queued → the pending sentence; conflict is handled by the caller. */
export function outcomeText(outcome: MutationOutcome, done: string): string {
  return outcome.outcome === 'queued' ? t('outcome.queued') : done;
}
