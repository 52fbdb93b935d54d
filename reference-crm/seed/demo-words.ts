// Word lists for the demo data generator (reference-crm/seed/demo.ts).

export const VI_FAMILY = [
  'Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô',
  'Dương', 'Lý', 'Đinh', 'Trịnh', 'Mai', 'Tạ',
];
export const VI_MIDDLE = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Thanh', 'Ngọc', 'Quốc', 'Thu', 'Hoài', 'Gia', 'Bảo', 'Xuân', 'Kim'];
export const VI_GIVEN = [
  'An', 'Bình', 'Chi', 'Dũng', 'Giang', 'Hà', 'Hải', 'Hạnh', 'Hiếu', 'Hoa', 'Hùng', 'Hương', 'Khánh', 'Lan',
  'Linh', 'Long', 'Mai', 'Nam', 'Nga', 'Phong', 'Phương', 'Quân', 'Quỳnh', 'Sơn', 'Tâm', 'Thảo', 'Thắng',
  'Trang', 'Trung', 'Tú', 'Tuấn', 'Vy', 'Yến', 'Đạt', 'Ánh', 'Cường', 'Duy', 'Hòa', 'Lộc', 'Nhung',
];
export const VI_COMPANY_FORM = ['Công ty TNHH', 'Công ty Cổ phần', 'Công ty TNHH MTV', 'Tập đoàn', 'Cửa hàng'];
export const VI_COMPANY_NAME = [
  'Thành Đạt', 'Hưng Thịnh', 'Phú Mỹ', 'Việt Tiến', 'Sao Mai', 'Hòa Bình', 'Đại Phát', 'Minh Long', 'An Khang',
  'Trường Sơn', 'Bình Minh', 'Hồng Hà', 'Kim Ngân', 'Tân Phước', 'Đông Á', 'Ngọc Lan', 'Phương Nam', 'Thiên Ân',
];
export const VI_COMPANY_TRADE = [
  'Logistics', 'Xây dựng', 'Thực phẩm', 'Công nghệ', 'Dược phẩm', 'Thương mại', 'Du lịch', 'Nội thất', 'Điện máy',
  'Giáo dục', 'Nông sản', 'Vận tải',
];
export const EN_FIRST = [
  'James', 'Olivia', 'Michael', 'Emma', 'David', 'Sophie', 'Daniel', 'Grace', 'Thomas', 'Chloe', 'Ryan', 'Hannah',
  'Peter', 'Laura', 'Kevin', 'Anna',
];
export const EN_LAST = ['Smith', 'Johnson', 'Brown', 'Taylor', 'Wilson', 'Clarke', 'Walker', 'Wright', 'Hughes', 'Carter', "O'Neill", 'Müller'];
export const EN_COMPANY_FIRST = ['Blue River', 'Northwind', 'Pacific Rim', 'Saigon Digital', 'Red Lotus', 'Evergreen', 'Silver Oak', 'Mekong', 'Harbour', 'Golden Bridge'];
export const EN_COMPANY_LAST = ['Trading Ltd', 'Supplies', 'Foods Co.', 'Partners', 'Solutions JSC', 'Imports', 'Consulting', 'Logistics Ltd'];

export const SOURCES = ['Website', 'Facebook', 'Zalo', 'Referral', 'Trade show', 'Cold call', 'Google Ads', 'Hotline'];
export const BUSINESS_FIELDS = [
  'Bất động sản', 'Giáo dục', 'Logistics', 'Retail', 'Manufacturing', 'F&B', 'Healthcare', 'Fintech', 'Xây dựng',
  'Du lịch', 'Nông nghiệp', 'E-commerce',
];
export const TAGS = ['VIP', 'Hot lead', 'Tiềm năng', 'Đã liên hệ', 'Renewal', 'Cold', 'Event 2024', 'Partner', 'Khách sỉ'];

/** Vietnamese mobile prefixes (without the leading 0). */
export const MOBILE_PREFIXES = ['90', '91', '93', '94', '96', '97', '98', '32', '33', '35', '37', '39', '70', '77', '79', '81', '83', '85', '86', '88', '89'];
/** Landline area codes (without the leading 0): Hà Nội, TP. Hồ Chí Minh, Đà Nẵng, Hải Phòng. */
export const LANDLINE_AREAS = ['24', '28', '236', '225'];

export const EMAIL_HOSTS = ['gmail.com', 'yahoo.com', 'outlook.com', 'hotmail.com'];
export const RETURN_REASONS = [
  'Khách hàng không còn nhu cầu',
  'Không liên lạc được sau 3 lần gọi',
  'Customer moved to a competitor',
  'Sai số điện thoại',
  'Handing over: rep left the team',
];

/** Lower-case ASCII slug: "Nguyễn Văn Đạt" → "nguyen.van.dat". */
export function slug(text: string, sep = '.'): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, sep)
    .replace(new RegExp(`^\\${sep}+|\\${sep}+$`, 'g'), '');
}
