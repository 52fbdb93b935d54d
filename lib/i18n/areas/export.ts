// Export to CSV and XLSX, English and Vietnamese. Two parts:
// - exportEn / exportVi: the buttons, spread into the UI dictionaries (lib/i18n/en.ts, vi.ts);
// - exportFileEn / exportFileVi: what only the files say (their names, the job results' words), read by
//   the background that writes the files (lib/export/), so the content script does not carry them.
// The files' column headers are the UI's own field names (details.field.*, poolView.col.*): one name a field.
// Vietnamese must have every English key (tsc checks it).
export const exportEn = {
  'export.group': 'Export',
  'export.csv': 'Export CSV',
  'export.xlsx': 'Export Excel',
  'export.working': 'Preparing the file…',
};

export const exportVi: Record<keyof typeof exportEn, string> = {
  'export.group': 'Xuất tệp',
  'export.csv': 'Xuất CSV',
  'export.xlsx': 'Xuất Excel',
  'export.working': 'Đang chuẩn bị tệp…',
};

export const exportFileEn = {
  /** File names (ASCII, no spaces) and sheet names. */
  'file.customers': 'customers',
  'file.jobResults': 'job-results',
  'file.fileErrors': 'file-delete-errors',
  'sheet.customers': 'Customers',
  'sheet.jobResults': 'Results',
  'sheet.fileErrors': 'Errors',
  'col.result': 'Result',
  'col.row': 'Row in the file',
  'col.value': 'Phone number in the file',
  'result.done': 'Done',
  'result.refused': 'Refused',
  'result.failed': 'Not done',
  'result.skipped': 'Skipped',
  'reason.stopped': 'The job was stopped before it reached this customer.',
  'reason.notReached': 'The job had not reached this customer yet.',
  'customer.unknown': 'A customer no longer in your list',
};

export const exportFileVi: Record<keyof typeof exportFileEn, string> = {
  'file.customers': 'khach-hang',
  'file.jobResults': 'ket-qua-tac-vu',
  'file.fileErrors': 'loi-xoa-theo-tep',
  'sheet.customers': 'Khách hàng',
  'sheet.jobResults': 'Kết quả',
  'sheet.fileErrors': 'Lỗi',
  'col.result': 'Kết quả',
  'col.row': 'Dòng trong tệp',
  'col.value': 'Số điện thoại trong tệp',
  'result.done': 'Đã xong',
  'result.refused': 'Bị từ chối',
  'result.failed': 'Không thực hiện được',
  'result.skipped': 'Bỏ qua',
  'reason.stopped': 'Tác vụ đã dừng trước khi tới khách hàng này.',
  'reason.notReached': 'Tác vụ chưa tới khách hàng này.',
  'customer.unknown': 'Khách hàng không còn trong danh sách của bạn',
};
