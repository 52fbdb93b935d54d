// What the keyboard shortcuts say on the CRM page (the options page's words are in ./shortcut-options.ts).

export const shortcutsEn = {
  'shortcut.noSearch': 'This page has no search field.',
  'shortcut.noRow': 'Go to a customer\'s row first (Tab).',
  'shortcut.off': 'This is switched off in the options.',
};

export const shortcutsVi: Record<keyof typeof shortcutsEn, string> = {
  'shortcut.noSearch': 'Trang này không có ô tìm kiếm.',
  'shortcut.noRow': 'Hãy chuyển tới dòng của một khách hàng trước (phím Tab).',
  'shortcut.off': 'Phần này đang tắt trong phần tùy chọn.',
};
