// Labels in batch: "set" overwrites the selected customers' tags, "add" appends to them. Tags are
// picked from those already in use or typed (Enter makes a new one).
import type { BatchAction, BatchApi, TagSuggestions } from '../../../components/batch/batch-action';
import type { Id } from '../../../lib/domain/types';
import { t } from '../../../lib/i18n/index';
import { batchActionFeature } from '../batch-actions';

/** Tag suggestions: no message asks the CRM for its tags, so the tags of the cached customers (or of the chosen ones). */
export async function tagSuggestions(api: BatchApi, ids: readonly Id[]): Promise<TagSuggestions> {
  try {
    const { items } = await api.request('searchCached', { limit: 1000 });
    return { tags: [...new Set(items.flatMap((c) => c.tags))].sort(), note: t('batch.panel.tagsFromCache') };
  } catch {
    const sample = ids.slice(0, 20);
    const details = await Promise.allSettled(sample.map((id) => api.getCustomer(id)));
    const tags = details.flatMap((d) => (d.status === 'fulfilled' ? d.value.customer.tags : []));
    return { tags: [...new Set(tags)].sort(), note: t('batch.panel.tagsFromCache') };
  }
}

export const setLabelsAction: BatchAction = {
  id: 'setLabels',
  label: 'batch.action.setLabels',
  title: 'batch.title.setLabels',
  verb: 'batch.verb.label',
  asks: { tags: { suggestions: tagSuggestions } },
  // It overwrites: drawn in the danger style and worded apart from add labels.
  danger: { takes: () => 'batch.takes.setLabels' },
  confirm: 'batch.confirm.setLabels',
  request: (customerIds, { tags }) => ({ kind: 'setLabels', customerIds, tags }),
};

export const addLabelsAction: BatchAction = {
  id: 'addLabels',
  label: 'batch.action.addLabels',
  title: 'batch.title.addLabels',
  verb: 'batch.verb.label',
  asks: { tags: { suggestions: tagSuggestions } },
  note: 'batch.addAppends',
  confirm: 'batch.confirm.addLabels',
  request: (customerIds, { tags }) => ({ kind: 'addLabels', customerIds, tags }),
};

export const labelsFeature = batchActionFeature('labels', { actions: [setLabelsAction, addLabelsAction] });
