<?php
// Labels of the CRM overlay's custom fields on Accounts (English).
$mod_strings['LBL_CRM_CODE'] = 'Customer code';
$mod_strings['LBL_CRM_SOURCE'] = 'Source';
$mod_strings['LBL_CRM_CSR_ID'] = 'Customer service representative';
$mod_strings['LBL_CRM_LABELS'] = 'Labels';
$mod_strings['LBL_CRM_POOL_ID'] = 'Pool';
$mod_strings['LBL_CRM_RETURNED_AT'] = 'Returned to the pool at';
$mod_strings['LBL_CRM_RETURN_REASON'] = 'Reason for returning to the pool';
$mod_strings['LBL_CRM_DELETED_LINKS'] = 'Links removed on delete (CRM overlay)';
