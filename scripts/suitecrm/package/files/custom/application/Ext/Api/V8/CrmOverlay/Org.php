<?php
/*
 * Who is who: the package's ping, the org directory (users, ACL roles, Security Groups with the overlay's kinds)
 * and the dropdown labels V8 does not expose.
 */
namespace CrmOverlay;

if (!defined('sugarEntry') || !sugarEntry) {
    die('Not A Valid Entry Point');
}

class Org
{
    /** GET /ping — the connector checks the package and its version, and learns who it is. */
    public static function ping($request, $user, array $args)
    {
        return array(200, array('meta' => array(
            'package' => Support::PACKAGE,
            'version' => Support::VERSION,
            'user_id' => $user->id,
            'is_admin' => Support::isAdmin($user),
        )));
    }

    /** GET /org — active users, ACL roles and Security Groups with their members, in one answer. */
    public static function org($request, $user, array $args)
    {
        $db = Support::db();
        // Active, real users (not group or portal users); e-mail = the primary address.
        $res = $db->query("SELECT u.id, u.user_name, u.first_name, u.last_name, u.reports_to_id, u.is_admin, u.status,"
            . " (SELECT ea.email_address FROM email_addr_bean_rel r JOIN email_addresses ea ON ea.id = r.email_address_id AND ea.deleted = 0"
            . "   WHERE r.bean_id = u.id AND r.bean_module = 'Users' AND r.deleted = 0 ORDER BY r.primary_address DESC LIMIT 1) AS email"
            . " FROM users u WHERE u.deleted = 0 AND u.status = 'Active' AND COALESCE(u.is_group, 0) = 0 AND COALESCE(u.portal_only, 0) = 0"
            . " ORDER BY u.user_name");
        $users = array();
        while ($r = $db->fetchByAssoc($res, false)) {
            $users[] = array(
                'id' => $r['id'],
                'user_name' => Support::text($r['user_name']),
                'name' => Support::text(trim($r['first_name'] . ' ' . $r['last_name'])),
                'email' => $r['email'] === null || $r['email'] === '' ? null : Support::text($r['email']),
                'reports_to_id' => empty($r['reports_to_id']) ? null : $r['reports_to_id'],
                'is_admin' => (int)$r['is_admin'] === 1,
                'status' => $r['status'],
            );
        }

        $roles = array();
        $res = $db->query('SELECT id, name FROM acl_roles WHERE deleted = 0 ORDER BY name');
        while ($r = $db->fetchByAssoc($res, false)) {
            $roles[$r['id']] = array('id' => $r['id'], 'name' => Support::text($r['name']), 'user_ids' => array());
        }
        $res = $db->query('SELECT ru.role_id, ru.user_id FROM acl_roles_users ru JOIN users u ON u.id = ru.user_id AND u.deleted = 0'
            . ' WHERE ru.deleted = 0 ORDER BY ru.user_id');
        while ($r = $db->fetchByAssoc($res, false)) {
            if (isset($roles[$r['role_id']])) {
                $roles[$r['role_id']]['user_ids'][] = $r['user_id'];
            }
        }

        $groups = array();
        foreach (Groups::all() as $g) {
            $groups[$g['id']] = $g + array('user_ids' => array());
        }
        $res = $db->query('SELECT su.securitygroup_id, su.user_id FROM securitygroups_users su JOIN users u ON u.id = su.user_id AND u.deleted = 0'
            . ' WHERE su.deleted = 0 ORDER BY su.user_id');
        while ($r = $db->fetchByAssoc($res, false)) {
            if (isset($groups[$r['securitygroup_id']])) {
                $groups[$r['securitygroup_id']]['user_ids'][] = $r['user_id'];
            }
        }

        return array(200, array('data' => array(
            'users' => $users,
            'roles' => array_values($roles),
            'groups' => array_values($groups),
        )));
    }

    /** GET /meta[?lang=vi_vn] — the labels of the Accounts dropdowns, in the caller's language (or lang, if installed). */
    public static function meta($request, $user, array $args)
    {
        global $sugar_config;
        $lang = Support::query($request, 'lang');
        $installed = get_languages();
        if ($lang !== null && !isset($installed[$lang])) {
            throw new HttpError(400, 'invalid_query', 'lang must be one of: ' . implode(', ', array_keys($installed)));
        }
        if ($lang === null) {
            $pref = $user->getPreference('language');
            $lang = !empty($pref) && isset($installed[$pref]) ? $pref : $sugar_config['default_language'];
        }
        $strings = return_app_list_strings_language($lang);
        $out = array('language' => $lang);
        foreach (array('industry' => 'industry_dom', 'account_type' => 'account_type_dom') as $key => $dom) {
            $list = array();
            foreach ((array)($strings[$dom] ?? array()) as $k => $label) {
                if ($k !== '') {
                    $list[(string)$k] = Support::text($label);
                }
            }
            $out[$key] = (object)$list;
        }
        return array(200, array('data' => $out));
    }
}
