<?php
/*
 * The pool ("the high seas"): a customer returned by its account executive loses its assigned user and waits in a
 * pool (a Security Group of kind pool, whose members are the pool's administrators) until another member picks it
 * up. Assignment changes are single conditional UPDATEs, so two people picking up the same customer cannot both
 * win; they are written to SuiteCRM's change log like a save would.
 */
namespace CrmOverlay;

if (!defined('sugarEntry') || !sugarEntry) {
    die('Not A Valid Entry Point');
}

class Pool
{
    const MAX_REASON = 2000;

    /** POST /accounts/{id}/return-to-pool {reason} — the assigned user, a member of the account's pool, or an admin. */
    public static function returnToPool($request, $user, array $args)
    {
        $account = Support::account($args['id']);
        $body = Support::body($request);
        Support::onlyKeys($body, array('reason'));
        $reason = $body['reason'] ?? null;
        if (!is_string($reason) || trim($reason) === '') {
            throw new HttpError(400, 'invalid_body', 'reason is required: why the customer goes back to the pool');
        }
        if (mb_strlen($reason) > self::MAX_REASON) {
            throw new HttpError(400, 'too_large', 'reason: at most ' . self::MAX_REASON . ' characters');
        }
        $reason = trim($reason);
        $db = Support::db();
        $cstm = $db->fetchOne('SELECT crm_pool_id_c FROM accounts_cstm WHERE id_c = ' . $db->quoted($account->id)) ?: array();
        $poolId = $cstm['crm_pool_id_c'] ?? '';
        if ($poolId === '' || !self::isPool($poolId)) {
            $poolId = (string)$db->getOne('SELECT g.id FROM securitygroups g JOIN securitygroups_cstm c ON c.id_c = g.id'
                . " WHERE g.deleted = 0 AND c.crm_kind_c = 'pool' ORDER BY g.date_entered, g.id LIMIT 1");
            if ($poolId === '') {
                throw new HttpError(409, 'no_pool', 'There is no pool to return customers to: an administrator makes one (a Security Group of kind pool)');
            }
        }
        $assigned = (string)$account->assigned_user_id;
        if ($assigned === '') {
            return array(200, self::answer($account->id));   // already in the pool
        }
        if ($assigned !== $user->id && !Support::isAdmin($user) && !self::isMember($poolId, $user->id)) {
            throw new HttpError(403, 'forbidden', "Only the customer's account executive, the pool's administrators or an administrator may return it to the pool");
        }
        $now = Support::nowDb();
        $db->query("UPDATE accounts SET assigned_user_id = '', date_modified = " . $db->quoted($now) . ', modified_user_id = '
            . $db->quoted($user->id) . ' WHERE deleted = 0 AND id = ' . $db->quoted($account->id) . ' AND assigned_user_id = ' . $db->quoted($assigned));
        if ($db->getAffectedRowCount(null) !== 1) {
            throw new HttpError(409, 'changed', 'The account changed hands meanwhile; reload and try again');
        }
        self::setCstm($account->id, array('crm_pool_id_c' => $poolId, 'crm_returned_at_c' => $now, 'crm_return_reason_c' => $reason));
        Support::audit($account->id, $user->id, 'assigned_user_id', 'relate', $assigned, '');
        self::relate($account->id, $poolId, $user->id);
        \BeanFactory::unregisterBean('Accounts', $account->id);
        return array(200, self::answer($account->id));
    }

    /** GET /pool?page=&size=&q= — pooled, unassigned accounts, the most recently returned first. */
    public static function listPool($request, $user, array $args)
    {
        $page = Support::intQuery($request, 'page', 1, 100000);
        $size = Support::intQuery($request, 'size', 25, 200);
        $q = Support::query($request, 'q');
        if ($q !== null && mb_strlen($q) > 100) {
            throw new HttpError(400, 'invalid_query', 'q: at most 100 characters');
        }
        $db = Support::db();
        $where = "a.deleted = 0 AND (a.assigned_user_id IS NULL OR a.assigned_user_id = '') AND c.crm_pool_id_c IS NOT NULL AND c.crm_pool_id_c <> ''";
        if ($q !== null) {
            // SuiteCRM stores text HTML-encoded; search the encoded form, with LIKE's own characters escaped.
            $like = $db->quoted('%' . addcslashes(htmlspecialchars($q, ENT_QUOTES, 'UTF-8'), '%_\\') . '%');
            $where .= " AND (a.name LIKE $like OR c.crm_code_c LIKE $like OR a.phone_office LIKE $like)";
        }
        $from = ' FROM accounts a JOIN accounts_cstm c ON c.id_c = a.id LEFT JOIN securitygroups g ON g.id = c.crm_pool_id_c';
        $total = (int)$db->getOne("SELECT COUNT(*) $from WHERE $where");
        $res = $db->limitQuery('SELECT a.id, a.name, a.phone_office, a.date_modified, c.crm_code_c, c.crm_pool_id_c, g.name AS pool_name,'
            . " c.crm_returned_at_c, c.crm_return_reason_c $from WHERE $where ORDER BY c.crm_returned_at_c DESC, a.id", ($page - 1) * $size, $size);
        $data = array();
        while ($r = $db->fetchByAssoc($res, false)) {
            $data[] = array(
                'id' => $r['id'],
                'name' => Support::text($r['name']),
                'code' => Support::text($r['crm_code_c']),
                'phone' => Support::text($r['phone_office']),
                'poolId' => $r['crm_pool_id_c'],
                'poolName' => Support::text($r['pool_name']),
                'returnedAt' => Support::iso($r['crm_returned_at_c']),
                'returnReason' => Support::text($r['crm_return_reason_c']),
                'dateModified' => Support::iso($r['date_modified']),
            );
        }
        $pools = array();
        foreach (Groups::all("c.crm_kind_c = 'pool'") as $g) {
            $pools[] = array('id' => $g['id'], 'name' => $g['name']);
        }
        return array(200, array('data' => $data, 'meta' => array('total' => $total, 'pools' => $pools)));
    }

    /** POST /accounts/{id}/pick-up — the caller becomes the account executive; 409 when someone else was first. */
    public static function pickUp($request, $user, array $args)
    {
        $account = Support::account($args['id']);
        $db = Support::db();
        $assigned = (string)$account->assigned_user_id;
        if ($assigned === $user->id) {
            return array(200, self::answer($account->id));
        }
        if ($assigned !== '') {
            throw self::taken($assigned);
        }
        $poolId = (string)$db->getOne('SELECT crm_pool_id_c FROM accounts_cstm WHERE id_c = ' . $db->quoted($account->id));
        if ($poolId === '') {
            throw new HttpError(409, 'not_in_pool', 'This customer is not in a pool: it has no account executive, but nobody returned it');
        }
        $db->query('UPDATE accounts SET assigned_user_id = ' . $db->quoted($user->id) . ', date_modified = ' . $db->quoted(Support::nowDb())
            . ', modified_user_id = ' . $db->quoted($user->id) . ' WHERE deleted = 0 AND id = ' . $db->quoted($account->id)
            . " AND (assigned_user_id IS NULL OR assigned_user_id = '')");
        if ($db->getAffectedRowCount(null) !== 1) {
            $now = (string)$db->getOne('SELECT assigned_user_id FROM accounts WHERE id = ' . $db->quoted($account->id));
            if ($now === $user->id) {
                return array(200, self::answer($account->id));
            }
            throw self::taken($now);
        }
        self::setCstm($account->id, array('crm_returned_at_c' => null));
        Support::audit($account->id, $user->id, 'assigned_user_id', 'relate', '', $user->id);
        \BeanFactory::unregisterBean('Accounts', $account->id);
        return array(200, self::answer($account->id));
    }

    // ---- helpers ---------------------------------------------------------------------------------------

    private static function answer($accountId)
    {
        $db = Support::db();
        $r = $db->fetchOne('SELECT a.id, a.assigned_user_id, a.date_modified, c.crm_pool_id_c, c.crm_returned_at_c, c.crm_return_reason_c'
            . ' FROM accounts a LEFT JOIN accounts_cstm c ON c.id_c = a.id WHERE a.id = ' . $db->quoted($accountId));
        return array('data' => array(
            'id' => $r['id'],
            'assignedUserId' => empty($r['assigned_user_id']) ? null : $r['assigned_user_id'],
            'poolId' => empty($r['crm_pool_id_c']) ? null : $r['crm_pool_id_c'],
            'returnedAt' => Support::iso($r['crm_returned_at_c']),
            'returnReason' => Support::text($r['crm_return_reason_c']),
            'dateModified' => Support::iso($r['date_modified']),
        ));
    }

    private static function taken($userId)
    {
        $db = Support::db();
        $name = trim((string)$db->getOne("SELECT CONCAT(COALESCE(first_name, ''), ' ', COALESCE(last_name, '')) FROM users WHERE id = " . $db->quoted($userId)));
        return new HttpError(409, 'taken', 'Already picked up by ' . ($name !== '' ? Support::text($name) : 'another user'));
    }

    private static function isPool($groupId)
    {
        $db = Support::db();
        return (bool)$db->getOne('SELECT g.id FROM securitygroups g JOIN securitygroups_cstm c ON c.id_c = g.id WHERE g.deleted = 0'
            . " AND c.crm_kind_c = 'pool' AND g.id = " . $db->quoted($groupId));
    }

    private static function isMember($groupId, $userId)
    {
        $db = Support::db();
        return (bool)$db->getOne('SELECT id FROM securitygroups_users WHERE deleted = 0 AND securitygroup_id = ' . $db->quoted($groupId)
            . ' AND user_id = ' . $db->quoted($userId));
    }

    /** Writes the account's custom columns (the accounts_cstm row may not exist yet). */
    private static function setCstm($accountId, array $values)
    {
        $db = Support::db();
        if (!$db->getOne('SELECT id_c FROM accounts_cstm WHERE id_c = ' . $db->quoted($accountId))) {
            $db->query('INSERT INTO accounts_cstm (id_c) VALUES (' . $db->quoted($accountId) . ')');
        }
        $set = array();
        foreach ($values as $col => $v) {
            $set[] = "$col = " . ($v === null ? 'NULL' : $db->quoted($v));
        }
        $db->query('UPDATE accounts_cstm SET ' . implode(', ', $set) . ' WHERE id_c = ' . $db->quoted($accountId));
    }

    /** The pooled account is linked to its pool's Security Group, so the pool's administrators see it. */
    private static function relate($accountId, $groupId, $userId)
    {
        $db = Support::db();
        $has = $db->getOne("SELECT id FROM securitygroups_records WHERE deleted = 0 AND module = 'Accounts' AND record_id = "
            . $db->quoted($accountId) . ' AND securitygroup_id = ' . $db->quoted($groupId));
        if (!$has) {
            $now = $db->quoted(Support::nowDb());
            $db->query('INSERT INTO securitygroups_records (id, securitygroup_id, record_id, module, date_modified, modified_user_id, created_by, deleted)'
                . ' VALUES (' . $db->quoted(create_guid()) . ',' . $db->quoted($groupId) . ',' . $db->quoted($accountId)
                . ", 'Accounts', $now, " . $db->quoted($userId) . ',' . $db->quoted($userId) . ', 0)');
        }
    }
}
