// Mutation outcomes as the user reads them.
import { errorText, t } from '../i18n/index';
import type { MutationOutcome } from '../protocol/mutations';
import { ReplyError, type ProtocolError } from '../protocol/messages';

/** The typed error of a failed request (a refusal, a network failure…), whatever threw it. */
export function asProtocolError(error: unknown): ProtocolError {
  if (error instanceof ReplyError) return error.error;
  return { code: 'fault', message: error instanceof Error ? error.message : String(error) };
}

/** The text for an error thrown by a request (a refusal names the rule and whom to ask). */
export function failureText(error: unknown): string {
  return errorText(asProtocolError(error));
}

/** applied → done text; queued → the pending sentence; conflict is handled by the caller. */
export function outcomeText(outcome: MutationOutcome, done: string): string {
  return outcome.outcome === 'queued' ? t('outcome.queued') : done;
}
