// sync strings, English and Vietnamese. Vietnamese must have every English key (tsc checks it).
export const syncEn = {
  'sync.now': 'Sync now',
  'sync.never': 'Not synced yet',
  'sync.last': 'Last synced {time}',
  'sync.running': 'Syncing…',
  'sync.phase.org': 'Syncing the organisation…',
  'sync.phase.customers': 'Syncing customers… {done}',
  'sync.phase.follows': 'Syncing followed customers…',
  'sync.phase.logs': 'Syncing history… {done, plural, one {# entry} other {# entries}}',
  'sync.offline': 'The CRM cannot be reached: showing what was synced {time}.',
  'sync.failed': 'The last sync failed: {error}',
  'timeline.fromCache': 'Offline: history as of the last sync.',
  'timeline.empty': 'No operations match.',
  'timeline.more': 'Older entries',
} as const satisfies Record<string, string>;

export const syncVi: Record<keyof typeof syncEn, string> = {
  'sync.now': 'Đồng bộ ngay',
  'sync.never': 'Chưa đồng bộ',
  'sync.last': 'Đồng bộ lần cuối {time}',
  'sync.running': 'Đang đồng bộ…',
  'sync.phase.org': 'Đang đồng bộ tổ chức…',
  'sync.phase.customers': 'Đang đồng bộ khách hàng… {done}',
  'sync.phase.follows': 'Đang đồng bộ khách hàng theo dõi…',
  'sync.phase.logs': 'Đang đồng bộ lịch sử… {done} mục',
  'sync.offline': 'Không kết nối được CRM: đang hiển thị dữ liệu đồng bộ lúc {time}.',
  'sync.failed': 'Lần đồng bộ gần nhất thất bại: {error}',
  'timeline.fromCache': 'Ngoại tuyến: lịch sử tính đến lần đồng bộ gần nhất.',
  'timeline.empty': 'Không có thao tác nào phù hợp.',
  'timeline.more': 'Các mục cũ hơn',
} as const;
