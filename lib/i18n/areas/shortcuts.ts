// What the keyboard shortcuts say on the CRM page (the options page's words are in ./shortcut-options.ts).

export const shortcutsEn = {
  'shortcut.noSearch': 'There is no search field on this page to go to.',
  'shortcut.noRow': 'Move to a customer\'s row first (with Tab), then press the shortcut again.',
  'shortcut.selectOff': 'Selecting rows is switched off in the extension\'s options.',
  'shortcut.menuOff': 'The row menu is switched off in the extension\'s options.',
};

export const shortcutsVi: Record<keyof typeof shortcutsEn, string> = {
  'shortcut.noSearch': 'Trang này không có ô tìm kiếm để chuyển tới.',
  'shortcut.noRow': 'Hãy chuyển tới dòng của một khách hàng trước (bằng phím Tab), rồi bấm lại phím tắt.',
  'shortcut.selectOff': 'Việc chọn dòng đang tắt trong phần tùy chọn của tiện ích.',
  'shortcut.menuOff': 'Menu của dòng đang tắt trong phần tùy chọn của tiện ích.',
};
