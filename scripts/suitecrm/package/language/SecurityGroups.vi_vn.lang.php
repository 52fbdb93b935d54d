<?php
// Labels of the CRM overlay's custom fields on Security Groups (Vietnamese).
$mod_strings['LBL_CRM_KIND'] = 'Loại (CRM overlay: phòng ban, vai trò, người dùng, kho chung)';
$mod_strings['LBL_CRM_REF_ID'] = 'Vai trò hoặc người dùng (CRM overlay)';
