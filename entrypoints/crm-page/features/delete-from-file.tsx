// Bulk delete from a file (administrators), offered when nothing is selected: a template to fill, the
// upload, a preview of what matched, a confirmation naming the count and the host, then progress and
// the rows not deleted with why (components/batch/DeleteFromFileDialog.tsx).
import type { BatchTool } from '../../../components/batch/batch-action';
import { t } from '../../../lib/i18n/index';
import { batchActionFeature } from '../batch-actions';

export const deleteFromFileTool: BatchTool = {
  id: 'deleteFromFile',
  adminOnly: true,
  button: (open) => (
    <button type="button" data-crmx-delete-file onClick={(e) => open(e.currentTarget)}>{t('batch.file.open')}</button>
  ),
  dialog: (kit, props) => <kit.DeleteFromFileDialog {...props} />,
};

export const deleteFromFileFeature = batchActionFeature('delete-from-file', { tools: [deleteFromFileTool] });
