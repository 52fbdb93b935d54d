// The batch dialog's frame, for every action on selected customers: the target customers, the inputs
// the action asks for (entrypoints/crm-page/features/batch-share.ts and its siblings say which), the
// pre-check ("37 of 500 can't be shared: you can't edit them"), then startBatch with the request the
// action builds. Refused customers are skipped and reported in the job's summary.
import { useMemo, useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import type { Id, ShareTargets } from '../../lib/domain/types';
import { failureText } from '../../lib/ui/outcome';
import type { JobView } from '../../lib/protocol/jobs';
import { customerTexts } from '../../lib/ui/customer-label';
import { useConfirmGuard } from '../confirm-guard';
import { Dialog } from '../Dialog';
import { useLoad } from '../use-load';
import type { BatchAction, BatchApi, TagSuggestions } from './batch-action';
import { TagPicker } from './TagPicker';
import { SHOWN, TargetList } from './TargetList';
import { PrecheckNote, precheckTextOf } from './PrecheckNote';
import { countTargets, NO_TARGETS, TargetPicker } from '../TargetPicker';
import type { AssignmentField } from '../../lib/rules/reassignable';

export interface BatchDialogProps {
  action: BatchAction;
  ids: readonly Id[];
  names: ReadonlyMap<Id, string>;
  /** Selected customers the user does not see now (chosen on another page of the list): named, not hidden. */
  notOnScreen?: readonly Id[];
  api: BatchApi;
  /** The CRM's host, named in delete confirmations. */
  crmHost: string;
  returnFocus: HTMLElement | null;
  onClose(): void;
  onStarted(job: JobView): void;
}

export function BatchDialog(props: BatchDialogProps) {
  const { action, ids, api, onClose } = props;
  const asksTargets = action.asks?.targets;
  const asksTags = action.asks?.tags;
  const asksAssignee = action.asks?.assignee === true;
  const [field, setField] = useState<AssignmentField>('aeId');
  const [userId, setUserId] = useState('');
  const [targets, setTargets] = useState<ShareTargets>(NO_TARGETS);
  const [all, setAll] = useState(asksTargets?.orAll === true);
  const [tags, setTags] = useState<string[]>([]);
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const guard = useConfirmGuard();
  const shownError = error ?? guard.notice;

  const directory = useLoad(async () => (asksTargets || asksAssignee ? api.request('getOrgDirectory', undefined) : null), [action]);
  const suggestions = useLoad<TagSuggestions>(async () => (asksTags ? asksTags.suggestions(api, ids) : { tags: [] }), [action]);
  // The rules' answer depends on the action and the customers, not on what is shared or which tags.
  // A reassignment's answer depends on the field too (an AE may change the CSR, not the AE).
  const precheck = useLoad(() => api.request('precheckBatch', action.request([...ids], {
    targets: NO_TARGETS, all: true, tags: ['-'], assignee: { field, userId: '-' },
  })), [action, ids, asksAssignee ? field : '']);

  const picksTargets = asksTargets !== undefined && !(asksTargets.orAll && all);
  const checked = precheck.status === 'ok' ? precheck.data : null;
  const skipped = useMemo(() => new Set(checked?.refused.flatMap((r) => r.ids) ?? []), [checked]);
  // Name and code of each listed customer, the phone too where two would read the same.
  const texts = useMemo(() => customerTexts(ids.slice(0, SHOWN).map((id) => [id, checked?.customers?.[id] ?? { name: props.names.get(id) }] as const)), [ids, checked]);
  const textOf = precheckTextOf(checked, props.names, texts);
  // Only the customers it will act on are counted: the refused ones are skipped.
  const acting = checked ? checked.allowed : ids.length;
  const mustType = action.destructive !== undefined && acting > action.destructive.typeCountAbove;
  const assignee = { field, userId };
  const takes = action.danger?.takes?.({ targets, all, tags, assignee }) ?? null;

  const confirm = async (event: MouseEvent) => {
    setError(null);
    const refused = await guard.refusal(event, 'batch.untrusted');
    if (refused) return setError(refused);
    if (picksTargets && countTargets(targets) === 0) return setError(t('batch.pickTargets'));
    if (asksTags && tags.length === 0) return setError(t('batch.pickTags'));
    if (asksAssignee && userId === '') return setError(t('reassign.pickPerson'));
    if (mustType && typed.trim() !== String(acting)) return setError(t('batch.typeCountWrong', { count: acting }));
    setBusy(true);
    try {
      const job = await api.request('startBatch', action.request([...ids], { targets, all, tags, assignee }));
      props.onStarted(job);
      onClose();
    } catch (e) {
      setBusy(false);
      setError(failureText(e));
    }
  };

  return (
    <Dialog kind={`batch-${action.id}`} title={t(action.title)} onClose={onClose} returnFocus={props.returnFocus} wide>
      <TargetList ids={ids} textOf={textOf} refused={skipped} notOnScreen={props.notOnScreen} />
      {precheck.status === 'loading' && <p role="status">{t('batch.checking')}</p>}
      {precheck.status === 'error' && <p class="crmx-error" role="alert">{t('batch.precheckFailed', { reason: failureText(precheck.error) })}</p>}
      {precheck.status === 'ok' && <PrecheckNote actionId={action.id} result={precheck.data} textOf={textOf} />}

      {asksTargets?.orAll && (
        <fieldset class="crmx-cancel-mode">
          <legend>{t('batch.cancelWhat')}</legend>
          <label><input type="radio" name="crmx-cancel-mode" checked={all} onChange={() => setAll(true)} /> {t('batch.cancelAll')}</label>
          <label><input type="radio" name="crmx-cancel-mode" checked={!all} onChange={() => setAll(false)} /> {t('batch.cancelChosen')}</label>
        </fieldset>
      )}
      {picksTargets && (
        directory.status === 'ok' && directory.data ? <TargetPicker directory={directory.data} value={targets} onChange={setTargets} idPrefix="crmx-batch-target" />
          : directory.status === 'error' ? <p class="crmx-error" role="alert">{t('batch.directoryFailed', { reason: failureText(directory.error) })}</p>
            : <p role="status">{t('batch.loading')}</p>
      )}
      {asksTags && (
        <TagPicker suggestions={suggestions.status === 'ok' ? suggestions.data.tags : []} value={tags} onChange={setTags}
          note={suggestions.status === 'ok' ? suggestions.data.note : undefined} />
      )}
      {asksAssignee && (
        <>
          <fieldset class="crmx-cancel-mode" data-crmx-reassign-field>
            <legend>{t('reassign.what')}</legend>
            <label><input type="radio" name="crmx-reassign-field" value="aeId" checked={field === 'aeId'} onChange={() => setField('aeId')} /> {t('reassign.ae')}</label>
            <label><input type="radio" name="crmx-reassign-field" value="csrId" checked={field === 'csrId'} onChange={() => setField('csrId')} /> {t('reassign.csr')}</label>
          </fieldset>
          {directory.status === 'ok' && directory.data ? (
            <div class="crmx-form-row">
              <label for="crmx-reassign-person">{t('reassign.person')}</label>
              <select id="crmx-reassign-person" value={userId} onChange={(e) => setUserId(e.currentTarget.value)}>
                <option value="">{t('reassign.choose')}</option>
                {directory.data.users.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
              </select>
            </div>
          ) : directory.status === 'error' ? <p class="crmx-error" role="alert">{t('batch.directoryFailed', { reason: failureText(directory.error) })}</p>
            : <p role="status">{t('batch.loading')}</p>}
        </>
      )}
      {action.note && <p class="crmx-help">{t(action.note)}</p>}
      {action.confirmHost && <p class="crmx-help" data-crmx-confirm-host>{t(action.confirmHost, { count: acting, host: props.crmHost })}</p>}
      {takes && <p class="crmx-danger-note" data-crmx-takes>{t(takes)}</p>}
      {action.destructive && (
        <div class="crmx-danger-note" data-crmx-delete-confirm>
          <p>{t('batch.deleteWarning', { count: acting, host: props.crmHost })}</p>
          {mustType && (
            <>
              <label for="crmx-batch-type-count">{t('batch.typeCount', { count: acting })}</label>
              <input id="crmx-batch-type-count" type="text" inputMode="numeric" autoComplete="off" value={typed} onInput={(e) => setTyped(e.currentTarget.value)} />
            </>
          )}
        </div>
      )}
      {shownError && <p class="crmx-error" role="alert">{shownError}</p>}
      <div class="crmx-dialog-actions" ref={guard.ref}>
        <button type="button" class="crmx-secondary" data-crmx-dismiss onClick={onClose}>{t(action.dismiss ?? 'dialog.cancel')}</button>
        <button type="button" class={action.danger ? 'crmx-danger' : 'crmx-primary'} data-crmx-confirm disabled={!guard.armed || busy || acting === 0}
          onClick={(e) => void confirm(e)}>
          {t(action.confirm ?? 'batch.confirm', { verb: t(action.verb), count: acting })}
        </button>
      </div>
    </Dialog>
  );
}
