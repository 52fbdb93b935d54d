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
    /** DELETE /accounts/{id} — needs SuiteCRM's delete right on the account. Deleting twice answers deleted:false. */
    public static function delete($request, $user, array $args)
    {
        $id = Support::id($args['id'], 'account id');
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
