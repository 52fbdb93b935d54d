// Signing out's own words (the options page and the side panel), English and Vietnamese. Vietnamese must have
// every English key (tsc checks it, the test checks the placeholders).
import { currentLanguage, formatMessage, type Language } from '../index';

export const signOutEn = {
  'signOut.section': 'Your sign-in',
  'signOut.signedIn': 'Signed in to {crm}.',
  'signOut.button': 'Sign out',
  'signOut.title': 'Sign out of {crm}?',
  'signOut.body': 'Everything the extension keeps for you on this device is deleted: your sign-in, your customers, follows and logs. The CRM address, the page settings and the language stay.',
  'signOut.pending': '{count, plural, one {# action is still waiting to be sent.} other {# actions are still waiting to be sent.}}',
  'signOut.pendingChoice': '{count, plural, one {Wait until it is sent, or discard it and sign out now.} other {Wait until they are sent, or discard them and sign out now.}}',
  'signOut.jobs': '{count, plural, one {# batch job is still running: signing out stops it.} other {# batch jobs are still running: signing out stops them.}}',
  'signOut.confirm': 'Sign out',
  'signOut.waitThenSignOut': 'Sign out once they are sent',
  'signOut.discard': 'Discard them and sign out',
  'signOut.stay': 'Stay signed in',
  'signOut.more': 'More actions were made meanwhile. Choose again.',
  'signOut.waiting': 'You will be signed out once {count, plural, one {the waiting action is} other {the # waiting actions are}} sent.',
  'signOut.done': 'Signed out. Nothing of yours is kept on this device.',
};

export type SignOutKey = keyof typeof signOutEn;

export const signOutVi: Record<SignOutKey, string> = {
  'signOut.section': 'Đăng nhập của bạn',
  'signOut.signedIn': 'Đã đăng nhập vào {crm}.',
  'signOut.button': 'Đăng xuất',
  'signOut.title': 'Đăng xuất khỏi {crm}?',
  'signOut.body': 'Mọi thứ tiện ích lưu cho bạn trên thiết bị này sẽ bị xóa: thông tin đăng nhập, khách hàng, danh sách theo dõi và nhật ký. Địa chỉ CRM, cài đặt trang và ngôn ngữ được giữ lại.',
  'signOut.pending': '{count, plural, other {Còn # thao tác đang chờ gửi.}}',
  'signOut.pendingChoice': '{count, plural, other {Hãy chờ các thao tác này được gửi, hoặc bỏ chúng và đăng xuất ngay.}}',
  'signOut.jobs': '{count, plural, other {Còn # tác vụ hàng loạt đang chạy: đăng xuất sẽ dừng chúng.}}',
  'signOut.confirm': 'Đăng xuất',
  'signOut.waitThenSignOut': 'Đăng xuất khi đã gửi xong',
  'signOut.discard': 'Bỏ các thao tác và đăng xuất',
  'signOut.stay': 'Giữ đăng nhập',
  'signOut.more': 'Có thêm thao tác mới trong lúc này. Hãy chọn lại.',
  'signOut.waiting': 'Bạn sẽ được đăng xuất khi {count, plural, other {# thao tác đang chờ}} đã được gửi.',
  'signOut.done': 'Đã đăng xuất. Không còn dữ liệu nào của bạn trên thiết bị này.',
};

const dictionaries: Record<Language, Record<SignOutKey, string>> = { en: signOutEn, vi: signOutVi };

/** A sign-out message in the current language (as t() does for the shared dictionary). */
export function tso(key: SignOutKey, params: Record<string, string | number> = {}): string {
  const language = currentLanguage.value;
  return formatMessage(language, dictionaries[language][key], params);
}
