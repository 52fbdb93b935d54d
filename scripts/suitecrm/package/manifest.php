<?php
/*
 * Module-loader manifest of the CRM overlay package for SuiteCRM 7.x (built by scripts/suitecrm/build-package.ts,
 * installed through Admin → Module Loader, or unattended by scripts/suitecrm/install-package.php).
 *
 * What it adds (the contract with the connector: lib/crm-client/suitecrm/ and notes/suitecrm-contract.md):
 *  - custom fields on Accounts (customer code, source, customer service representative, labels, the pool) and on
 *    Security Groups (what kind of group it is for the overlay: department, role, user, pool);
 *  - more Account fields audited, so "View Change Log" shows every field the overlay edits;
 *  - JSON routes under /Api/V8/custom/crm-overlay/ (OAuth2-protected like every V8 route) for what V8 lacks:
 *    org directory, share sets, audit, deleted ids, delete without bug #9886, restore, the pool.
 */
$manifest = array(
    // SuiteCRM 7.x reports sugar_version 6.5.x (flavor CE); the routes need the V8 API of SuiteCRM >= 7.10.
    'acceptable_sugar_versions' => array('regex_matches' => array('6\\.5\\.\\d+')),
    'acceptable_sugar_flavors'  => array('CE'),
    'readme'           => '',
    'key'              => 'crmo',
    'author'           => 'CRM overlay',
    'description'      => 'CRM overlay: customer code, source, service representative, labels and pool fields on Accounts; '
                        . 'department/role/user/pool kinds on Security Groups; /Api/V8/custom/crm-overlay/* routes.',
    'icon'             => '',
    'is_uninstallable' => true,
    'name'             => 'CRM Overlay',
    'published_date'   => '2026-12-03 00:00:00',
    'type'             => 'module',
    // The Module Loader's upgrade detection only works from 1.0.0 on.
    'version'          => '1.0.0',
    'remove_tables'    => 'prompt',
);

/* One custom field definition, in the shape ModuleInstaller::install_custom_fields wants.
 * (Guarded: the Module Loader includes manifest.php more than once in one request.) */
if (!function_exists('crm_overlay_field')) {
    function crm_overlay_field($module, $name, $label, $type, $size, $audited, $help)
    {
        return array(
            'name' => $name, 'label' => $label, 'type' => $type, 'module' => $module, 'help' => $help,
            'comment' => $help, 'default_value' => '', 'max_size' => $size, 'required' => false, 'reportable' => true,
            'audited' => $audited, 'importable' => 'true', 'duplicate_merge' => false, 'mass_update' => 0, 'ext4' => '',
        );
    }
}

$installdefs = array(
    'id' => 'crm_overlay',
    'copy' => array(
        // The routes (CrmOverlay/routes.php) and their handlers, one file per concern. The site's own custom routes
        // file only gains a line that includes them (scripts/post_execute.php), so the site's routes stay.
        array(
            'from' => '<basepath>/files/custom/application/Ext/Api/V8/CrmOverlay',
            'to'   => 'custom/application/Ext/Api/V8/CrmOverlay',
        ),
    ),
    'post_execute' => array('<basepath>/scripts/post_execute.php'),
    'pre_uninstall' => array('<basepath>/scripts/pre_uninstall.php'),
    'custom_fields' => array(
        crm_overlay_field('Accounts', 'crm_code_c', 'LBL_CRM_CODE', 'varchar', '50', true, 'Customer code (e.g. KH000123)'),
        crm_overlay_field('Accounts', 'crm_source_c', 'LBL_CRM_SOURCE', 'varchar', '100', true, 'Where the customer came from'),
        crm_overlay_field('Accounts', 'crm_csr_id_c', 'LBL_CRM_CSR_ID', 'varchar', '36', true, 'Customer service representative (user id)'),
        crm_overlay_field('Accounts', 'crm_labels_c', 'LBL_CRM_LABELS', 'text', '', true, 'Labels, a JSON array of strings'),
        crm_overlay_field('Accounts', 'crm_pool_id_c', 'LBL_CRM_POOL_ID', 'varchar', '36', false, 'The pool (a pool Security Group id) the customer returns to'),
        crm_overlay_field('Accounts', 'crm_returned_at_c', 'LBL_CRM_RETURNED_AT', 'datetime', '', false, 'When the customer was returned to the pool'),
        crm_overlay_field('Accounts', 'crm_return_reason_c', 'LBL_CRM_RETURN_REASON', 'text', '', false, 'Why the customer was returned to the pool'),
        // Written by the overlay's delete route so that restore can bring back the links the delete removed.
        crm_overlay_field('Accounts', 'crm_deleted_links_c', 'LBL_CRM_DELETED_LINKS', 'text', '', false, 'Links removed by the last delete (JSON, for restore)'),
        crm_overlay_field('SecurityGroups', 'crm_kind_c', 'LBL_CRM_KIND', 'varchar', '20', false, "'' or department, role, user, pool"),
        crm_overlay_field('SecurityGroups', 'crm_ref_id_c', 'LBL_CRM_REF_ID', 'varchar', '36', false, 'The role id (kind role) or user id (kind user)'),
    ),
    'language' => array(
        array('from' => '<basepath>/language/Accounts.en_us.lang.php', 'to_module' => 'Accounts', 'language' => 'en_us'),
        array('from' => '<basepath>/language/Accounts.vi_vn.lang.php', 'to_module' => 'Accounts', 'language' => 'vi_vn'),
        array('from' => '<basepath>/language/SecurityGroups.en_us.lang.php', 'to_module' => 'SecurityGroups', 'language' => 'en_us'),
        array('from' => '<basepath>/language/SecurityGroups.vi_vn.lang.php', 'to_module' => 'SecurityGroups', 'language' => 'vi_vn'),
    ),
    'vardefs' => array(
        array('from' => '<basepath>/vardefs/Accounts.crm_overlay.php', 'to_module' => 'Accounts'),
    ),
);
