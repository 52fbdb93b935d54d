// Saves a file the background wrote (lib/protocol/export.ts) as a download: a Blob URL on a link that is
// never put in the page, so the host page neither sees the link nor gets its click.
import { fromBase64 } from '../../lib/import/base64';
import type { ExportedFile } from '../../lib/protocol/export';

export function saveFile(file: ExportedFile, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([fromBase64(file.base64) as BlobPart], { type: file.mimeType }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.click();
  // Not at once: the download reads the URL after this task.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
