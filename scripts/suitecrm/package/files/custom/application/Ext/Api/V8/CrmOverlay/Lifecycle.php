<?php
/*
 * Delete and restore. Delete is the web UI's (SugarBean::mark_deleted: the account and its links), without the
 * V8 bug #9886 (a 500 on accounts with related records). Before deleting, the links mark_deleted is about to
 * remove are written to crm_deleted_links_c, so that restore brings the account back whole: its contacts,
 * e-mail addresses, Security Groups, and the notes, cases… that pointed at it.
 */
namespace CrmOverlay;

if (!defined('sugarEntry') || !sugarEntry) {
    die('Not A Valid Entry Point');
}

class Lifecycle
{
    /**
     * DELETE /accounts/{id} — needs SuiteCRM's delete right on the account. Deleting twice answers deleted:false.
     * Body (optional), a file's row: {"phone": the row's number, "chosen": the user picked this account among
     * several with it}. The account is then deleted only while it still has that number and, unless chosen, no
     * other account the caller may see has it (409 'ambiguous' naming them all). Checked here, in the request
     * that deletes, rather than by the client before it: the window for another account to get the number is
     * this request's, not a round trip's.
     */
    public static function delete($request, $user, array $args)
    {
        $id = Support::id($args['id'], 'account id');
        $body = Support::body($request, false);
        Support::onlyKeys($body, array('phone', 'chosen'));
        if (array_key_exists('phone', $body) && (!is_string($body['phone']) || strlen($body['phone']) > 100)) {
            throw new HttpError(400, 'invalid_body', 'phone must be a string of at most 100 characters');
        }
        if (array_key_exists('chosen', $body) && !is_bool($body['chosen'])) {
            throw new HttpError(400, 'invalid_body', 'chosen must be true or false');
        }
        $db = Support::db();
        $deleted = $db->getOne('SELECT deleted FROM accounts WHERE id = ' . $db->quoted($id));
        if ($deleted === false || $deleted === null) {
            throw new HttpError(404, 'not_found', 'Account not found');
        }
        if ((int)$deleted === 1) {
            return array(200, array('meta' => array('deleted' => false), 'data' => array('id' => $id)));
        }
        $account = Support::account($id);
        Support::requireAccess($account, 'delete', 'You may not delete this account');
        if (array_key_exists('phone', $body)) {
            self::requireOnlyHolder($account, $body['phone'], !empty($body['chosen']));
        }

        $links = self::liveLinks($account);
        $db->query('UPDATE accounts_cstm SET crm_deleted_links_c = ' . $db->quoted(json_encode($links)) . ' WHERE id_c = ' . $db->quoted($id));
        if ($db->getAffectedRowCount(null) === 0 && !$db->getOne('SELECT id_c FROM accounts_cstm WHERE id_c = ' . $db->quoted($id))) {
            $db->query('INSERT INTO accounts_cstm (id_c, crm_deleted_links_c) VALUES (' . $db->quoted($id) . ',' . $db->quoted(json_encode($links)) . ')');
        }
        // #9886: the cached bean is flagged deleted before its links are cleaned up, and related beans that
        // reload it get false. Taking it out of the cache is what the web UI's path effectively does.
        \BeanFactory::unregisterBean('Accounts', $id);
        $account->mark_deleted($id);
        \BeanFactory::unregisterBean('Accounts', $id);
        return array(200, array('meta' => array('deleted' => true), 'data' => array('id' => $id)));
    }

    /** POST /accounts/{id}/restore — administrators only. Restoring a live account answers restored:false. */
    public static function restore($request, $user, array $args)
    {
        $id = Support::id($args['id'], 'account id');
        if (!Support::isAdmin($user)) {
            throw new HttpError(403, 'forbidden', 'Only an administrator may restore a deleted account');
        }
        $db = Support::db();
        $row = $db->fetchOne('SELECT a.deleted, a.date_modified, c.crm_deleted_links_c AS links FROM accounts a'
            . ' LEFT JOIN accounts_cstm c ON c.id_c = a.id WHERE a.id = ' . $db->quoted($id));
        if (empty($row)) {
            throw new HttpError(404, 'not_found', 'Account not found');
        }
        if ((int)$row['deleted'] !== 1) {
            return array(200, array('meta' => array('restored' => false), 'data' => array('id' => $id)));
        }
        $links = json_decode(html_entity_decode((string)$row['links'], ENT_QUOTES), true);
        if (is_array($links)) {
            self::revive($id, $links);
        } else {
            // Deleted elsewhere (web UI, V8): revive the link rows mark_deleted marked in the same moment.
            self::reviveByTime($id, $row['date_modified']);
        }
        $db->query('UPDATE accounts SET deleted = 0, date_modified = ' . $db->quoted(Support::nowDb()) . ', modified_user_id = '
            . $db->quoted($user->id) . ' WHERE id = ' . $db->quoted($id));
        $db->query('UPDATE accounts_cstm SET crm_deleted_links_c = NULL WHERE id_c = ' . $db->quoted($id));
        \BeanFactory::unregisterBean('Accounts', $id);
        return array(200, array('meta' => array('restored' => true), 'data' => array('id' => $id)));
    }

    // ---- a file's row: the number and who else has it ---------------------------------------------------

    /**
     * The comparable key of a phone number, as the reference CRM makes it (reference-crm/phone.ts): digits,
     * without Viet Nam's +84 and the trunk 0, so "028 3822 1234", "+84 28 3822 1234" and "2838221234" agree.
     */
    public static function phoneKey($raw)
    {
        $text = trim((string)$raw);
        $digits = preg_replace('/\D+/', '', $text);
        if ($digits === '') {
            return '';
        }
        $international = $text[0] === '+' ? $digits : (strncmp($text, '00', 2) === 0 ? substr($digits, 2) : null);
        if ($international !== null) {
            return strncmp($international, '84', 2) === 0 ? self::withoutTrunkZero(substr($international, 2)) : '+' . $international;
        }
        if (strncmp($digits, '84', 2) === 0 && strlen($digits) >= 11) {
            return self::withoutTrunkZero(substr($digits, 2));
        }
        return self::withoutTrunkZero($digits);
    }

    private static function withoutTrunkZero($digits)
    {
        return strncmp($digits, '0', 1) === 0 ? substr($digits, 1) : $digits;
    }

    /**
     * The account must still have $phone (its office phone: the number the overlay shows and matches) and, unless
     * the user chose it, be the only live account with it among those the caller may see.
     */
    private static function requireOnlyHolder($account, $phone, $chosen)
    {
        $key = self::phoneKey($phone);
        if ($key === '' || self::phoneKey(html_entity_decode((string)$account->phone_office, ENT_QUOTES)) !== $key) {
            throw new HttpError(409, 'not_found', 'This account no longer has the number ' . $phone);
        }
        if ($chosen) {
            return;
        }
        $db = Support::db();
        // The usual separators taken out in SQL narrows the search to numbers ending the same; the key decides.
        $stripped = 'a.phone_office';
        foreach (array(' ', '-', '.', '(', ')', '+', '/') as $c) {
            $stripped = "REPLACE($stripped, " . $db->quoted($c) . ", '')";
        }
        $res = $db->query('SELECT a.id, a.name, a.phone_office, c.crm_code_c AS code FROM accounts a'
            . ' LEFT JOIN accounts_cstm c ON c.id_c = a.id WHERE a.deleted = 0 AND ' . $stripped . ' LIKE '
            . $db->quoted('%' . ltrim($key, '+')) . ' ORDER BY a.id');
        $matches = array();
        while ($r = $db->fetchByAssoc($res, false)) {
            if (self::phoneKey(html_entity_decode((string)$r['phone_office'], ENT_QUOTES)) !== $key) {
                continue;
            }
            // Accounts the caller may not see are not named (nor counted), as the reference CRM does.
            if ($r['id'] !== $account->id) {
                $other = \BeanFactory::getBean('Accounts', $r['id'], array('use_cache' => false));
                if (empty($other) || empty($other->id) || !$other->ACLAccess('view')) {
                    continue;
                }
            }
            $matches[] = array('id' => $r['id'], 'name' => html_entity_decode((string)$r['name'], ENT_QUOTES),
                'code' => html_entity_decode((string)$r['code'], ENT_QUOTES));
        }
        if (count($matches) > 1) {
            throw new HttpError(409, 'ambiguous', count($matches) . ' accounts have the number ' . $phone, array('matches' => $matches));
        }
    }

    // ---- the links of an account ----------------------------------------------------------------------

    /**
     * How each link of Accounts is stored: ['m2m', table, column] for a join table (the row is marked deleted),
     * ['o2m', table, column, roleColumn, roleValue] for a child's foreign key (the key is cleared).
     */
    private static function storage($bean)
    {
        $out = array();
        $factory = \SugarRelationshipFactory::getInstance();
        foreach ($bean->get_linked_fields() as $name => $def) {
            if (empty($def['relationship'])) {
                continue;
            }
            $rel = $factory->getRelationshipDef($def['relationship']);
            if (empty($rel)) {
                continue;
            }
            if (!empty($rel['join_table']) && (empty($rel['rhs_table']) || $rel['join_table'] !== $rel['rhs_table'])) {
                foreach (array('lhs' => 'join_key_lhs', 'rhs' => 'join_key_rhs') as $side => $key) {
                    if (($rel[$side . '_module'] ?? '') === 'Accounts' && !empty($rel[$key])) {
                        $out[$rel['join_table'] . '.' . $rel[$key]] = array('m2m', $rel['join_table'], $rel[$key]);
                    }
                }
            } elseif (($rel['lhs_module'] ?? '') === 'Accounts' && !empty($rel['rhs_table']) && !empty($rel['rhs_key'])
                && ($rel['rhs_module'] ?? '') !== 'Accounts') {
                $role = !empty($rel['relationship_role_column']) ? array($rel['relationship_role_column'], $rel['relationship_role_column_value'] ?? '') : array(null, null);
                $out[$rel['rhs_table'] . '.' . $rel['rhs_key'] . '.' . $role[1]] = array('o2m', $rel['rhs_table'], $rel['rhs_key'], $role[0], $role[1]);
            }
        }
        return array_values($out);
    }

    /** The rows that tie the account to others now: [{kind, table, column, roleColumn?, roleValue?, ids}]. */
    private static function liveLinks($bean)
    {
        $db = Support::db();
        $out = array();
        foreach (self::storage($bean) as $s) {
            list($kind, $table, $col) = $s;
            $sql = "SELECT id FROM $table WHERE deleted = 0 AND $col = " . $db->quoted($bean->id);
            if ($kind === 'o2m' && $s[3]) {
                $sql .= " AND {$s[3]} = " . $db->quoted($s[4]);
            }
            $res = $db->query($sql, false);
            if (!$res) {
                continue;   // a link whose table is missing on this site
            }
            $ids = array();
            while ($r = $db->fetchByAssoc($res, false)) {
                $ids[] = $r['id'];
            }
            if ($ids) {
                $out[] = array('kind' => $kind, 'table' => $table, 'column' => $col, 'roleColumn' => $s[3] ?? null,
                    'roleValue' => $s[4] ?? null, 'ids' => $ids);
            }
        }
        return $out;
    }

    /** Puts back what liveLinks saw, unless a child has since been given to another parent. */
    private static function revive($id, array $links)
    {
        $db = Support::db();
        $now = $db->quoted(Support::nowDb());
        foreach ($links as $l) {
            // Table and column names come from our own snapshot; check them anyway before building SQL.
            if (!preg_match('/^\w+$/', $l['table'] ?? '') || !preg_match('/^\w+$/', $l['column'] ?? '') || empty($l['ids'])) {
                continue;
            }
            $in = Support::inList($l['ids']);
            if ($l['kind'] === 'm2m') {
                $db->query("UPDATE {$l['table']} SET deleted = 0, date_modified = $now WHERE deleted = 1 AND id IN $in AND {$l['column']} = "
                    . $db->quoted($id), false);
            } elseif ($l['kind'] === 'o2m') {
                $set = "{$l['column']} = " . $db->quoted($id);
                if (!empty($l['roleColumn']) && preg_match('/^\w+$/', $l['roleColumn'])) {
                    $set .= ", {$l['roleColumn']} = " . $db->quoted($l['roleValue']);
                }
                $db->query("UPDATE {$l['table']} SET $set WHERE deleted = 0 AND id IN $in AND ({$l['column']} IS NULL OR {$l['column']} = '')", false);
            }
        }
    }

    /** For accounts deleted outside the overlay: join-table rows marked deleted within the delete's few seconds. */
    private static function reviveByTime($id, $deletedAt)
    {
        $db = Support::db();
        $bean = \BeanFactory::newBean('Accounts');
        $from = $db->quoted(gmdate('Y-m-d H:i:s', strtotime($deletedAt . ' UTC') - 10));
        $to = $db->quoted($deletedAt);
        foreach (self::storage($bean) as $s) {
            if ($s[0] === 'm2m') {
                $db->query("UPDATE {$s[1]} SET deleted = 0 WHERE deleted = 1 AND {$s[2]} = " . $db->quoted($id)
                    . " AND date_modified BETWEEN $from AND $to", false);
            }
        }
    }
}
