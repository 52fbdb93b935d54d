// One batch action's dialog: the target customers, what to share/unshare/label, the pre-check ("37 of
// 500 can't be shared: you can't edit them"), then startBatch. Refused customers are skipped and
// reported in the job's summary.
import { useState } from 'preact/hooks';
import { refusalText, t, type MessageKey } from '../../lib/i18n';
import type { Id, ShareTargets } from '../../lib/domain/types';
import type { ContentApi } from '../../lib/ui/api';
import { failureText } from '../../lib/ui/outcome';
import type { BatchRequest, JobView, PrecheckResult } from '../../lib/protocol/jobs';
import { useConfirmGuard } from '../confirm-guard';
import { Dialog } from '../Dialog';
import { useLoad } from '../use-load';
import { TagPicker } from './TagPicker';
import { TargetList } from './TargetList';
import { countTargets, NO_TARGETS, TargetsPicker } from './TargetsPicker';

export type BatchKind = Exclude<BatchRequest['kind'], 'deleteByPhone'>;

/** Above this many customers a delete asks the user to type the count. */
export const TYPE_COUNT_ABOVE = 100;

const TITLE: Record<BatchKind, MessageKey> = {
  share: 'batch.kind.share', cancelShare: 'batch.kind.cancelShare', setLabels: 'batch.kind.setLabels',
  addLabels: 'batch.kind.addLabels', follow: 'batch.kind.follow', unfollow: 'batch.kind.unfollow', delete: 'batch.kind.delete',
};
const VERB: Record<BatchKind, MessageKey> = {
  share: 'batch.verb.share', cancelShare: 'batch.verb.cancelShare', setLabels: 'batch.verb.label', addLabels: 'batch.verb.label',
  follow: 'batch.verb.follow', unfollow: 'batch.verb.unfollow', delete: 'batch.verb.delete',
};

export interface BatchDialogProps {
  kind: BatchKind;
  ids: readonly Id[];
  names: ReadonlyMap<Id, string>;
  /** Selected customers the user does not see now (chosen on another page of the list): named, not hidden. */
  notOnScreen?: readonly Id[];
  api: Pick<ContentApi, 'request'>;
  /** The CRM's host, named in delete confirmations. */
  crmHost: string;
  tagSuggestions(): Promise<{ tags: string[]; note?: string }>;
  returnFocus: HTMLElement | null;
  onClose(): void;
  onStarted(job: JobView): void;
}

export function buildRequest(kind: BatchKind, customerIds: Id[], input: { targets: ShareTargets; all: boolean; tags: string[] }): BatchRequest {
  switch (kind) {
    case 'share': return { kind, customerIds, targets: input.targets };
    case 'cancelShare': return input.all ? { kind, customerIds, all: true } : { kind, customerIds, all: false, targets: input.targets };
    case 'setLabels': case 'addLabels': return { kind, customerIds, tags: input.tags };
    default: return { kind, customerIds };
  }
}

export function PrecheckNote({ kind, result }: { kind: BatchKind; result: PrecheckResult }) {
  if (result.refused.length === 0) return <p class="crmx-precheck-ok" data-crmx-precheck="ok">{t('batch.precheckAll', { count: result.total })}</p>;
  return (
    <div class="crmx-precheck" role="status" data-crmx-precheck="refused">
      {result.refused.map((r) => (
        <p key={r.rule} data-crmx-refused={r.rule} data-crmx-refused-count={r.count}>
          {t('batch.refused', { count: r.count, total: result.total, verb: t(VERB[kind]) })} {refusalText(r.rule)}
        </p>
      ))}
      <p class="crmx-help">{t('batch.refusedSkipped')}</p>
    </div>
  );
}

export function BatchDialog(props: BatchDialogProps) {
  const { kind, ids, api, onClose } = props;
  const needsTargets = kind === 'share' || kind === 'cancelShare';
  const needsTags = kind === 'setLabels' || kind === 'addLabels';
  const [targets, setTargets] = useState<ShareTargets>(NO_TARGETS);
  const [all, setAll] = useState(kind === 'cancelShare');
  const [tags, setTags] = useState<string[]>([]);
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const guard = useConfirmGuard();
  const shownError = error ?? guard.notice;

  const directory = useLoad(async () => (needsTargets ? api.request('getOrgDirectory', undefined) : null), [kind]);
  const suggestions = useLoad<{ tags: string[]; note?: string }>(async () => (needsTags ? props.tagSuggestions() : { tags: [] }), [kind]);
  // The rules' answer depends on the action and the customers, not on what is shared or which tags.
  const precheck = useLoad(() => api.request('precheckBatch', buildRequest(kind, [...ids], { targets: NO_TARGETS, all: true, tags: ['-'] })), [kind, ids]);

  const mustType = kind === 'delete' && ids.length > TYPE_COUNT_ABOVE;

  const confirm = async (event: MouseEvent) => {
    setError(null);
    const refused = await guard.refusal(event, 'batch.untrusted');
    if (refused) return setError(refused);
    if (needsTargets && !(kind === 'cancelShare' && all) && countTargets(targets) === 0) return setError(t('batch.pickTargets'));
    if (needsTags && tags.length === 0) return setError(t('batch.pickTags'));
    if (mustType && typed.trim() !== String(ids.length)) return setError(t('batch.typeCountWrong', { count: ids.length }));
    setBusy(true);
    try {
      const job = await api.request('startBatch', buildRequest(kind, [...ids], { targets, all, tags }));
      props.onStarted(job);
      onClose();
    } catch (e) {
      setBusy(false);
      setError(failureText(e));
    }
  };

  return (
    <Dialog kind={`batch-${kind}`} title={t(TITLE[kind])} onClose={onClose} returnFocus={props.returnFocus} wide>
      <TargetList ids={ids} names={props.names} notOnScreen={props.notOnScreen} />
      {precheck.status === 'loading' && <p role="status">{t('batch.checking')}</p>}
      {precheck.status === 'error' && <p class="crmx-error" role="alert">{t('batch.precheckFailed', { reason: failureText(precheck.error) })}</p>}
      {precheck.status === 'ok' && <PrecheckNote kind={kind} result={precheck.data} />}

      {kind === 'cancelShare' && (
        <fieldset class="crmx-cancel-mode">
          <legend>{t('batch.cancelWhat')}</legend>
          <label><input type="radio" name="crmx-cancel-mode" checked={all} onChange={() => setAll(true)} /> {t('batch.cancelAll')}</label>
          <label><input type="radio" name="crmx-cancel-mode" checked={!all} onChange={() => setAll(false)} /> {t('batch.cancelChosen')}</label>
        </fieldset>
      )}
      {needsTargets && !(kind === 'cancelShare' && all) && (
        directory.status === 'ok' && directory.data ? <TargetsPicker directory={directory.data} value={targets} onChange={setTargets} />
          : directory.status === 'error' ? <p class="crmx-error" role="alert">{t('batch.directoryFailed', { reason: failureText(directory.error) })}</p>
            : <p role="status">{t('batch.loading')}</p>
      )}
      {kind === 'share' && <p class="crmx-help">{t('batch.shareAdds')}</p>}
      {needsTags && (
        <>
          <TagPicker suggestions={suggestions.status === 'ok' ? suggestions.data.tags : []} value={tags} onChange={setTags}
            note={suggestions.status === 'ok' ? suggestions.data.note : undefined} />
          <p class="crmx-help">{t(kind === 'setLabels' ? 'batch.setOverwrites' : 'batch.addAppends')}</p>
        </>
      )}
      {kind === 'delete' && (
        <div class="crmx-danger" data-crmx-delete-confirm>
          <p>{t('batch.deleteWarning', { count: ids.length, host: props.crmHost })}</p>
          {mustType && (
            <>
              <label for="crmx-batch-type-count">{t('batch.typeCount', { count: ids.length })}</label>
              <input id="crmx-batch-type-count" type="text" inputMode="numeric" autoComplete="off" value={typed} onInput={(e) => setTyped(e.currentTarget.value)} />
            </>
          )}
        </div>
      )}
      {shownError && <p class="crmx-error" role="alert">{shownError}</p>}
      <div class="crmx-dialog-actions" ref={guard.ref}>
        <button type="button" onClick={onClose}>{t('dialog.cancel')}</button>
        <button type="button" class={kind === 'delete' ? 'crmx-danger-button' : 'crmx-primary'} data-crmx-confirm disabled={!guard.armed || busy}
          onClick={(e) => void confirm(e)}>
          {t('batch.confirm', { verb: t(VERB[kind]), count: ids.length })}
        </button>
      </div>
    </Dialog>
  );
}
