<?php
/*
 * Security Groups as the overlay uses them: departments, a group per ACL role and per user (made on demand for
 * sharing), and pools. The kind and ref id are the package's custom fields on SecurityGroups.
 */
namespace CrmOverlay;

if (!defined('sugarEntry') || !sugarEntry) {
    die('Not A Valid Entry Point');
}

/** Security Groups as the overlay sees them: a kind (department, role, user, pool) and a ref id. */
class Groups
{
    const KINDS = array('department', 'role', 'user', 'pool');

    /** Every live group: id, name, kind ('' counts as department), ref_id. */
    public static function all($where = '')
    {
        $db = Support::db();
        $res = $db->query('SELECT g.id, g.name, c.crm_kind_c AS kind, c.crm_ref_id_c AS ref_id FROM securitygroups g'
            . ' LEFT JOIN securitygroups_cstm c ON c.id_c = g.id WHERE g.deleted = 0' . ($where ? " AND ($where)" : '')
            . ' ORDER BY g.name, g.id');
        $out = array();
        while ($r = $db->fetchByAssoc($res, false)) {
            $kind = in_array($r['kind'], self::KINDS, true) ? $r['kind'] : 'department';
            $out[] = array('id' => $r['id'], 'name' => Support::text($r['name']), 'kind' => $kind,
                'ref_id' => empty($r['ref_id']) ? null : $r['ref_id']);
        }
        return $out;
    }

    /** SQL condition on the cstm alias c: groups of the given kind. */
    public static function kindSql($kind)
    {
        $db = Support::db();
        if ($kind === 'department') {
            return "(c.crm_kind_c IS NULL OR c.crm_kind_c NOT IN ('role','user','pool'))";
        }
        return 'c.crm_kind_c = ' . $db->quoted($kind);
    }

    /**
     * The role's or user's group, created on demand. Its id is derived from kind and ref, so two concurrent
     * shares cannot make two groups; a group an administrator made with the same kind and ref is used first.
     */
    public static function ensure($kind, $refId, $name)
    {
        $db = Support::db();
        $found = $db->getOne('SELECT g.id FROM securitygroups g JOIN securitygroups_cstm c ON c.id_c = g.id'
            . ' WHERE g.deleted = 0 AND c.crm_kind_c = ' . $db->quoted($kind) . ' AND c.crm_ref_id_c = ' . $db->quoted($refId)
            . ' ORDER BY g.date_entered LIMIT 1');
        if (!empty($found)) {
            return $found;
        }
        $h = md5("crm_overlay:$kind:$refId");
        $id = substr($h, 0, 8) . '-' . substr($h, 8, 4) . '-' . substr($h, 12, 4) . '-' . substr($h, 16, 4) . '-' . substr($h, 20, 12);
        $gone = $db->getOne('SELECT deleted FROM securitygroups WHERE id = ' . $db->quoted($id));
        if ($gone !== false && $gone !== null) {
            // Deleted by an administrator earlier: bring it back instead of colliding with its id.
            $db->query('UPDATE securitygroups SET deleted = 0, name = ' . $db->quoted($name) . ' WHERE id = ' . $db->quoted($id));
            $db->query('DELETE FROM securitygroups_cstm WHERE id_c = ' . $db->quoted($id));
            $db->query('INSERT INTO securitygroups_cstm (id_c, crm_kind_c, crm_ref_id_c) VALUES (' . $db->quoted($id) . ','
                . $db->quoted($kind) . ',' . $db->quoted($refId) . ')');
            return $id;
        }
        $g = \BeanFactory::newBean('SecurityGroups');
        $g->new_with_id = true;
        $g->id = $id;
        $g->name = $name;
        $g->description = 'Made by the CRM overlay to share customers with one ' . $kind . '.';
        $g->noninheritable = 1;
        $g->assigned_user_id = '1';
        $g->crm_kind_c = $kind;
        $g->crm_ref_id_c = $refId;
        try {
            $g->save(false);
        } catch (\Throwable $e) {
            // A concurrent request made it between our look-up and the insert.
            if (!$db->getOne('SELECT id FROM securitygroups WHERE deleted = 0 AND id = ' . $db->quoted($id))) {
                throw $e;
            }
        }
        return $id;
    }

    /** Makes the group's members exactly $userIds (the role's users, or the one user). */
    public static function syncMembers($groupId, array $userIds)
    {
        $db = Support::db();
        $have = array();
        $res = $db->query('SELECT user_id FROM securitygroups_users WHERE deleted = 0 AND securitygroup_id = ' . $db->quoted($groupId));
        while ($r = $db->fetchByAssoc($res, false)) {
            $have[] = $r['user_id'];
        }
        $now = $db->quoted(Support::nowDb());
        foreach (array_diff($userIds, $have) as $uid) {
            $db->query('INSERT INTO securitygroups_users (id, date_modified, deleted, securitygroup_id, user_id, primary_group, noninheritable)'
                . ' VALUES (' . $db->quoted(create_guid()) . ", $now, 0, " . $db->quoted($groupId) . ',' . $db->quoted($uid) . ', 0, 0)');
        }
        $extra = array_diff($have, $userIds);
        if ($extra) {
            $db->query("UPDATE securitygroups_users SET deleted = 1, date_modified = $now WHERE deleted = 0 AND securitygroup_id = "
                . $db->quoted($groupId) . ' AND user_id IN ' . Support::inList(array_values($extra)));
        }
    }
}
