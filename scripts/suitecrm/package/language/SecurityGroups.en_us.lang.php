<?php
// Labels of the CRM overlay's custom fields on Security Groups (English).
$mod_strings['LBL_CRM_KIND'] = 'Kind (CRM overlay: department, role, user, pool)';
$mod_strings['LBL_CRM_REF_ID'] = 'Role or user (CRM overlay)';
