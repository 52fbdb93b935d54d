<?php
// Labels of the CRM overlay's custom fields on Accounts (Vietnamese).
$mod_strings['LBL_CRM_CODE'] = 'Mã khách hàng';
$mod_strings['LBL_CRM_SOURCE'] = 'Nguồn';
$mod_strings['LBL_CRM_CSR_ID'] = 'Nhân viên chăm sóc khách hàng';
$mod_strings['LBL_CRM_LABELS'] = 'Nhãn';
$mod_strings['LBL_CRM_POOL_ID'] = 'Kho khách hàng chung';
$mod_strings['LBL_CRM_RETURNED_AT'] = 'Thời điểm trả về kho chung';
$mod_strings['LBL_CRM_RETURN_REASON'] = 'Lý do trả về kho chung';
$mod_strings['LBL_CRM_DELETED_LINKS'] = 'Liên kết bị gỡ khi xóa (CRM overlay)';
