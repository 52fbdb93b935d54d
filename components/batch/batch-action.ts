// What a batch feature hands the batch bar (entrypoints/crm-page/features/batch-share.ts and its
// siblings): its button, what its dialog asks for, the request it builds and how it is confirmed. The
// bar and the dialog frame (BatchBar, BatchDialog) stay generic. Types only: the dialogs' script,
// loaded on first use, gets the actions as props.
import type { ComponentChild } from 'preact';
import type { MessageKey } from '../../lib/i18n';
import type { Id, ShareTargets } from '../../lib/domain/types';
import type { ContentApi } from '../../lib/ui/api';
import type { AssignmentField } from '../../lib/rules/reassignable';
import type { BatchRequest } from '../../lib/protocol/jobs';
import type { DialogKit } from '../kit/lazy-dialogs';
import type { JobsStore } from './jobs-store';

/** What the batch dialog asked the user for (only what the action asks is meaningful). */
export interface BatchInputs {
  targets: ShareTargets;
  /** Every share ("All"), for an action that offers it. */
  all: boolean;
  tags: string[];
  /** For a reassignment: which of AE and CSR, and the person ('' until one is chosen). */
  assignee: { field: AssignmentField; userId: Id };
}

export type BatchApi = Pick<ContentApi, 'request' | 'getCustomer'>;

export interface TagSuggestions {
  tags: string[];
  note?: string;
}

/** An action on the selected customers: a button in the bar that opens the batch dialog. */
export interface BatchAction {
  /** Its button's data-crmx-batch-action and its dialog's data-crmx-dialog (`batch-<id>`). */
  id: string;
  /** The bar's button. */
  label: MessageKey;
  /** Shown to administrators only. */
  adminOnly?: boolean;
  /** The dialog's title. */
  title: MessageKey;
  /** "Share 34 customers", "1 of 34: you can't share it". */
  verb: MessageKey;
  /** The dialog's inputs besides the target customers. */
  asks?: {
    /** Departments, roles and users (at least one); `orAll` offers "All" first, and it is the default. */
    targets?: { orAll?: boolean };
    /** Tags (at least one): suggested ones to click, new ones typed. */
    tags?: { suggestions(api: BatchApi, ids: readonly Id[]): Promise<TagSuggestions> };
    /** The AE or the CSR, and the person (from the org directory): the pre-check follows the field chosen. */
    assignee?: true;
  };
  /** A line before the buttons naming the count and the CRM's host ({count}, {host}). */
  confirmHost?: MessageKey;
  /** A line under the inputs saying what the action does to what is there. */
  note?: MessageKey;
  /**
   * It takes something away (tags overwritten, shares removed, customers deleted): its confirm button is
   * drawn in the danger style and `takes` says what is lost, in a warning above the buttons.
   */
  danger?: { takes?(inputs: BatchInputs): MessageKey | null };
  /** The confirm button's text ({count}); default "{verb} N customers". */
  confirm?: MessageKey;
  /** The button that closes the dialog without acting, where "Cancel" would read as the action itself. */
  dismiss?: MessageKey;
  /** Its confirmation names the count and the CRM's host; above `typeCountAbove` customers the count is typed. */
  destructive?: { typeCountAbove: number };
  /** The job it starts (also asked to pre-check, with placeholder inputs: the rules look at the action and the customers). */
  request(customerIds: Id[], inputs: BatchInputs): BatchRequest;
}

export interface BatchToolDialogProps {
  api: BatchApi;
  jobs: JobsStore;
  crmHost: string;
  returnFocus: HTMLElement | null;
  onClose(): void;
}

/** An action that needs no selection (delete from a file): its own button, shown when nothing is selected, and its own dialog. */
export interface BatchTool {
  id: string;
  adminOnly?: boolean;
  /** `open(button)` opens its dialog; focus returns to the button. */
  button(open: (from: HTMLElement) => void): ComponentChild;
  dialog(kit: DialogKit, props: BatchToolDialogProps): ComponentChild;
}
