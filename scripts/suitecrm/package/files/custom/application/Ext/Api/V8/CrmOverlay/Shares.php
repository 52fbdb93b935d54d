<?php
/*
 * Sharing = SuiteCRM's record-level Security Groups (securitygroups_records): an account is shared with a
 * department's group, with a role's group ("Role: …", members = the role's users) or with a user's personal
 * group ("User: …"). Set semantics: sharing twice leaves one link, removing twice is a no-op.
 */
namespace CrmOverlay;

if (!defined('sugarEntry') || !sugarEntry) {
    die('Not A Valid Entry Point');
}

class Shares
{
    const MAX_IDS = 200;

    /** GET /accounts/shares?ids=a,b,c — the share sets of the accounts the caller may view (others omitted). */
    public static function listShares($request, $user, array $args)
    {
        $raw = Support::query($request, 'ids');
        if ($raw === null) {
            throw new HttpError(400, 'invalid_query', 'ids is required: account ids separated by commas');
        }
        $ids = array_values(array_unique(array_filter(explode(',', $raw), 'strlen')));
        if (count($ids) > self::MAX_IDS) {
            throw new HttpError(400, 'too_large', 'At most ' . self::MAX_IDS . ' ids');
        }
        foreach ($ids as $id) {
            Support::id($id, 'account id');
        }
        $visible = self::viewable($ids);
        $out = array();
        foreach (self::sharesOf($visible) as $id => $shares) {
            $out[$id] = $shares;
        }
        return array(200, array('data' => (object)$out));
    }

    /** POST /accounts/{id}/shares {departmentIds, roleIds, userIds} — adds shares; needs edit access. */
    public static function addShares($request, $user, array $args)
    {
        $account = Support::account($args['id']);
        Support::requireAccess($account, 'edit', 'You may not edit this account, so you may not share it');
        $body = Support::body($request);
        Support::onlyKeys($body, array('departmentIds', 'roleIds', 'userIds', 'log'));
        $log = Support::logOf($body);
        $deps = Support::idList($body, 'departmentIds', self::MAX_IDS);
        $roles = Support::idList($body, 'roleIds', self::MAX_IDS);
        $users = Support::idList($body, 'userIds', self::MAX_IDS);
        $db = Support::db();

        $unknown = array();
        $groupIds = array();
        if ($deps) {
            $known = array_column(Groups::all('g.id IN ' . Support::inList($deps)), 'kind', 'id');
            foreach ($deps as $d) {
                if (($known[$d] ?? null) !== 'department') {
                    $unknown[] = "department $d";
                } else {
                    $groupIds[] = $d;
                }
            }
        }
        $roleNames = $roles ? self::names('SELECT id, name FROM acl_roles WHERE deleted = 0 AND id IN ' . Support::inList($roles)) : array();
        $userNames = $users ? self::names("SELECT id, TRIM(CONCAT(COALESCE(first_name, ''), ' ', COALESCE(last_name, ''))) AS name"
            . " FROM users WHERE deleted = 0 AND status = 'Active' AND id IN " . Support::inList($users)) : array();
        foreach (array_diff($roles, array_keys($roleNames)) as $r) {
            $unknown[] = "role $r";
        }
        foreach (array_diff($users, array_keys($userNames)) as $u) {
            $unknown[] = "user $u";
        }
        if ($unknown) {
            throw new HttpError(400, 'unknown_ids', 'Unknown or inactive: ' . implode(', ', $unknown));
        }

        foreach ($roleNames as $roleId => $name) {
            $gid = Groups::ensure('role', $roleId, 'Role: ' . $name);
            $members = array();
            $res = $db->query('SELECT user_id FROM acl_roles_users WHERE deleted = 0 AND role_id = ' . $db->quoted($roleId));
            while ($r = $db->fetchByAssoc($res, false)) {
                $members[] = $r['user_id'];
            }
            Groups::syncMembers($gid, $members);
            $groupIds[] = $gid;
        }
        foreach ($userNames as $userId => $name) {
            $gid = Groups::ensure('user', $userId, 'User: ' . ($name !== '' ? $name : $userId));
            Groups::syncMembers($gid, array($userId));
            $groupIds[] = $gid;
        }

        $before = self::sharesOf(array($account->id))[$account->id];
        $linked = self::linkedGroupIds($account->id);
        $now = $db->quoted(Support::nowDb());
        $added = 0;
        foreach (array_unique(array_diff($groupIds, $linked)) as $gid) {
            $db->query('INSERT INTO securitygroups_records (id, securitygroup_id, record_id, module, date_modified, modified_user_id, created_by, deleted)'
                . ' VALUES (' . $db->quoted(create_guid()) . ',' . $db->quoted($gid) . ',' . $db->quoted($account->id)
                . ", 'Accounts', $now, " . $db->quoted($user->id) . ',' . $db->quoted($user->id) . ', 0)');
            $added++;
        }
        if ($added) {
            Support::touch($account->id, $user->id);
        }
        return array(200, self::answer($account->id, $before, $log, $user->id));
    }

    /**
     * DELETE /accounts/{id}/shares {all:true} | {all:false, departmentIds, roleIds, userIds} — never touches pools;
     * the log entry is written only when a share was removed.
     */
    public static function removeShares($request, $user, array $args)
    {
        $account = Support::account($args['id']);
        Support::requireAccess($account, 'edit', 'You may not edit this account, so you may not cancel its sharing');
        $body = Support::body($request);
        Support::onlyKeys($body, array('all', 'departmentIds', 'roleIds', 'userIds', 'log'));
        if (!array_key_exists('all', $body) || !is_bool($body['all'])) {
            throw new HttpError(400, 'invalid_body', 'all (true or false) is required');
        }
        $log = Support::logOf($body);
        unset($body['log']);
        $before = self::sharesOf(array($account->id))[$account->id];
        $db = Support::db();
        $where = array();
        $rowIds = array();
        if ($body['all']) {
            if (count($body) > 1) {
                throw new HttpError(400, 'invalid_body', 'With all: true, give no id lists');
            }
            $where[] = "NOT (c.crm_kind_c <=> 'pool')";
        } else {
            $deps = Support::idList($body, 'departmentIds', self::MAX_IDS);
            $roles = Support::idList($body, 'roleIds', self::MAX_IDS);
            $users = Support::idList($body, 'userIds', self::MAX_IDS);
            if ($deps) {
                $where[] = '(' . Groups::kindSql('department') . ' AND g.id IN ' . Support::inList($deps) . ')';
            }
            if ($roles) {
                $where[] = "(c.crm_kind_c = 'role' AND c.crm_ref_id_c IN " . Support::inList($roles) . ')';
            }
            if ($users) {
                $where[] = "(c.crm_kind_c = 'user' AND c.crm_ref_id_c IN " . Support::inList($users) . ')';
            }
        }
        if ($where) {
            $res = $db->query('SELECT r.id FROM securitygroups_records r JOIN securitygroups g ON g.id = r.securitygroup_id'
                . ' LEFT JOIN securitygroups_cstm c ON c.id_c = g.id'
                . " WHERE r.deleted = 0 AND r.module = 'Accounts' AND r.record_id = " . $db->quoted($account->id)
                . ' AND (' . implode(' OR ', $where) . ')');
            while ($r = $db->fetchByAssoc($res, false)) {
                $rowIds[] = $r['id'];
            }
            if ($rowIds) {
                $db->query('UPDATE securitygroups_records SET deleted = 1, date_modified = ' . $db->quoted(Support::nowDb())
                    . ', modified_user_id = ' . $db->quoted($user->id) . ' WHERE id IN ' . Support::inList($rowIds));
                Support::touch($account->id, $user->id);
            }
        }
        // Nothing of it was shared: the account is left as it was, unlogged (as the reference CRM does).
        return array(200, self::answer($account->id, $before, $rowIds ? $log : null, $user->id));
    }

    // ---- helpers ---------------------------------------------------------------------------------------

    /** The shares before and after; the operation's log entry written when the body asked for one. */
    private static function answer($accountId, array $before, $log, $userId)
    {
        $after = self::sharesOf(array($accountId))[$accountId];
        $public = function (array $s) {
            return array('departmentIds' => $s['departmentIds'], 'roleIds' => $s['roleIds'], 'userIds' => $s['userIds']);
        };
        Support::logNote($log, $accountId, $userId, array(array('field' => 'shares', 'before' => $public($before), 'after' => $public($after))));
        return array('data' => array('id' => $accountId, 'before' => $before, 'shares' => $after));
    }

    /** The ids among $ids of live accounts the caller may view (one query when the role gives "All"). */
    private static function viewable(array $ids)
    {
        if (!$ids) {
            return array();
        }
        $db = Support::db();
        $live = array();
        $res = $db->query('SELECT id FROM accounts WHERE deleted = 0 AND id IN ' . Support::inList($ids));
        while ($r = $db->fetchByAssoc($res, false)) {
            $live[] = $r['id'];
        }
        global $current_user;
        if (Support::isAdmin($current_user) || \ACLController::checkAccess('Accounts', 'view', false, 'module', false)) {
            return $live;
        }
        $out = array();
        foreach ($live as $id) {
            $bean = \BeanFactory::getBean('Accounts', $id);
            if ($bean && $bean->ACLAccess('view')) {
                $out[] = $id;
            }
        }
        return $out;
    }

    /** accountId → {departmentIds, roleIds, userIds, poolGroupIds} (every id in $ids gets an entry). */
    public static function sharesOf(array $ids)
    {
        $out = array();
        foreach ($ids as $id) {
            $out[$id] = array('departmentIds' => array(), 'roleIds' => array(), 'userIds' => array(), 'poolGroupIds' => array());
        }
        if (!$ids) {
            return $out;
        }
        $db = Support::db();
        $res = $db->query('SELECT r.record_id, g.id, c.crm_kind_c AS kind, c.crm_ref_id_c AS ref_id FROM securitygroups_records r'
            . ' JOIN securitygroups g ON g.id = r.securitygroup_id AND g.deleted = 0 LEFT JOIN securitygroups_cstm c ON c.id_c = g.id'
            . " WHERE r.deleted = 0 AND r.module = 'Accounts' AND r.record_id IN " . Support::inList($ids) . ' ORDER BY g.id');
        while ($r = $db->fetchByAssoc($res, false)) {
            $s = &$out[$r['record_id']];
            switch ($r['kind']) {
                case 'role':
                    $s['roleIds'][] = $r['ref_id'];
                    break;
                case 'user':
                    $s['userIds'][] = $r['ref_id'];
                    break;
                case 'pool':
                    $s['poolGroupIds'][] = $r['id'];
                    break;
                default:
                    $s['departmentIds'][] = $r['id'];
            }
            unset($s);
        }
        foreach ($out as $id => $s) {   // a concurrent share may have doubled a link row
            foreach ($s as $k => $list) {
                $out[$id][$k] = array_values(array_unique($list));
            }
        }
        return $out;
    }

    private static function linkedGroupIds($accountId)
    {
        $db = Support::db();
        $res = $db->query("SELECT securitygroup_id FROM securitygroups_records WHERE deleted = 0 AND module = 'Accounts' AND record_id = "
            . $db->quoted($accountId));
        $out = array();
        while ($r = $db->fetchByAssoc($res, false)) {
            $out[] = $r['securitygroup_id'];
        }
        return $out;
    }

    private static function names($sql)
    {
        $db = Support::db();
        $res = $db->query($sql);
        $out = array();
        while ($r = $db->fetchByAssoc($res, false)) {
            $out[$r['id']] = Support::text($r['name']);
        }
        return $out;
    }
}
