// The options page's sections for the keyboard shortcuts and the feature switches, in their own dictionary:
// the content script never shows these (as ./adapter-options.ts).
import { currentLanguage, formatMessage, type Language } from '../index';

export const shortcutOptionsEn = {
  'switches.title': 'What the extension adds to the CRM page',
  'switches.help': 'Switch off what you do not use: it is taken off the CRM page at once, in every open tab.',
  'switches.rowMenu': 'Actions menu [···] on each row',
  'switches.followStars': 'Follow stars (on the rows and in the details)',
  'switches.detailsOnClick': 'Open a customer\'s details when their row is clicked',
  'switches.logTimeline': 'Log timeline (the Log item and the latest entries in the details)',
  'switches.batchBar': 'Row selection boxes and the batch-action bar',
  'switches.deleteFromFile': 'Delete from a file (a button of the batch-action bar, for administrators)',
  'switches.needsBatchBar': 'Needs the batch-action bar switched on.',
  'switches.saved': 'Saved.',
  'switches.failed': 'Could not save: {reason}',
  'shortcuts.title': 'Keyboard shortcuts',
  'shortcuts.help': 'Press these keys in the browser. The browser lets you change them.',
  'shortcuts.command': 'Action',
  'shortcuts.keys': 'Keys',
  'shortcuts.openPanel': 'Open the side panel',
  'shortcuts.focus-search': 'Go to the CRM page\'s search field',
  'shortcuts.select-row': 'Select or unselect the customer row you are on',
  'shortcuts.open-row-menu': 'Open the actions menu of the customer row you are on',
  'shortcuts.none': 'Not set',
  'shortcuts.loading': 'Reading the shortcuts…',
  'shortcuts.failed': 'Could not read the shortcuts: {reason}',
  'shortcuts.change': 'Change the shortcuts',
  'shortcuts.firefox': 'To change them: open about:addons, choose the gear button, then “Manage Extension Shortcuts”.',
};

export type ShortcutOptionsKey = keyof typeof shortcutOptionsEn;

export const shortcutOptionsVi: Record<ShortcutOptionsKey, string> = {
  'switches.title': 'Những gì tiện ích thêm vào trang CRM',
  'switches.help': 'Tắt những phần bạn không dùng: chúng được gỡ khỏi trang CRM ngay, trên mọi thẻ đang mở.',
  'switches.rowMenu': 'Menu thao tác [···] trên mỗi dòng',
  'switches.followStars': 'Ngôi sao theo dõi (trên các dòng và trong phần chi tiết)',
  'switches.detailsOnClick': 'Mở chi tiết khách hàng khi bấm vào dòng của họ',
  'switches.logTimeline': 'Dòng thời gian nhật ký (mục Nhật ký và các mục mới nhất trong phần chi tiết)',
  'switches.batchBar': 'Ô chọn dòng và thanh thao tác hàng loạt',
  'switches.deleteFromFile': 'Xóa theo tệp (một nút của thanh thao tác hàng loạt, dành cho quản trị viên)',
  'switches.needsBatchBar': 'Cần bật thanh thao tác hàng loạt.',
  'switches.saved': 'Đã lưu.',
  'switches.failed': 'Không lưu được: {reason}',
  'shortcuts.title': 'Phím tắt',
  'shortcuts.help': 'Bấm các phím này trong trình duyệt. Trình duyệt cho phép bạn đổi chúng.',
  'shortcuts.command': 'Thao tác',
  'shortcuts.keys': 'Phím',
  'shortcuts.openPanel': 'Mở bảng bên',
  'shortcuts.focus-search': 'Chuyển tới ô tìm kiếm của trang CRM',
  'shortcuts.select-row': 'Chọn hoặc bỏ chọn dòng khách hàng đang đứng',
  'shortcuts.open-row-menu': 'Mở menu thao tác của dòng khách hàng đang đứng',
  'shortcuts.none': 'Chưa đặt',
  'shortcuts.loading': 'Đang đọc các phím tắt…',
  'shortcuts.failed': 'Không đọc được các phím tắt: {reason}',
  'shortcuts.change': 'Đổi phím tắt',
  'shortcuts.firefox': 'Để đổi: mở about:addons, chọn nút bánh răng, rồi chọn “Manage Extension Shortcuts” (Quản lý phím tắt của tiện ích).',
};

const dictionaries: Record<Language, Record<ShortcutOptionsKey, string>> = { en: shortcutOptionsEn, vi: shortcutOptionsVi };

/** This section's message in the current language (as t() does for the shared dictionary). */
export function ts(key: ShortcutOptionsKey, params: Record<string, string | number> = {}): string {
  const language = currentLanguage.value;
  return formatMessage(language, dictionaries[language][key], params);
}
