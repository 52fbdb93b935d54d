<?php
// The fields the overlay edits land in SuiteCRM's own change log (accounts_audit, "View Change Log").
// Stock 7.14 audits only name, assigned_user_id, phone_office and parent_id.
foreach (array('name', 'phone_office', 'email1', 'industry', 'assigned_user_id') as $crm_overlay_field) {
    $dictionary['Account']['fields'][$crm_overlay_field]['audited'] = true;
}
unset($crm_overlay_field);
