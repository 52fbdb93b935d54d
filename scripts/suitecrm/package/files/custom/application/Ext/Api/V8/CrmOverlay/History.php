<?php
/*
 * What V8 cannot read: an account's change log (accounts_audit, SuiteCRM's "View Change Log"), the overlay's log
 * Notes to the second, and the ids of deleted accounts (V8 never lists deleted rows), for the connector's timeline,
 * change records and delta sync.
 */
namespace CrmOverlay;

if (!defined('sugarEntry') || !sugarEntry) {
    die('Not A Valid Entry Point');
}

class History
{
    const MAX_AUDIT = 1000;
    const MAX_LOG = 1000;
    /** The name of every Note the overlay writes as a log entry (lib/crm-client/suitecrm/connector.ts). */
    const LOG_PREFIX = '[CRM overlay] ';
    const MAX_DELETED = 10000;

    /** GET /accounts/{id}/audit?since= — change rows, newest first; 403 without view access. */
    public static function audit($request, $user, array $args)
    {
        $since = Support::sinceToDb(Support::query($request, 'since'));
        $account = Support::account($args['id']);
        Support::requireAccess($account, 'view', 'You may not view this account');
        $db = Support::db();
        $res = $db->limitQuery('SELECT id, date_created, created_by, field_name, before_value_string, after_value_string,'
            . ' before_value_text, after_value_text FROM accounts_audit WHERE parent_id = ' . $db->quoted($account->id)
            . ($since ? ' AND date_created >= ' . $db->quoted($since) : '') . ' ORDER BY date_created DESC, id DESC', 0, self::MAX_AUDIT);
        $data = array();
        while ($r = $db->fetchByAssoc($res, false)) {
            // Text fields keep their values in *_value_text, the others in *_value_string.
            $text = $r['before_value_text'] !== null || $r['after_value_text'] !== null;
            $data[] = array(
                'id' => $r['id'],
                'at' => Support::iso($r['date_created']),
                'user_id' => $r['created_by'],
                'field' => $r['field_name'],
                'before' => Support::text($text ? $r['before_value_text'] : $r['before_value_string']),
                'after' => Support::text($text ? $r['after_value_text'] : $r['after_value_string']),
            );
        }
        return array(200, array('data' => $data));
    }

    /**
     * GET /accounts/{id}/log?since=&until=&before=&limit= — the overlay's own entries (its Notes on the account,
     * named with LOG_PREFIX), newest first, to the second: V8 answers a note's time only to the minute, which put
     * an overlay entry before a change made in SuiteCRM earlier in the same minute. `before` is exclusive (paging),
     * `since` and `until` inclusive; 403 without view access to the account.
     */
    public static function log($request, $user, array $args)
    {
        $since = Support::sinceToDb(Support::query($request, 'since'));
        $until = Support::sinceToDb(Support::query($request, 'until'), 'until');
        $before = Support::sinceToDb(Support::query($request, 'before'), 'before');
        $limit = Support::intQuery($request, 'limit', 100, self::MAX_LOG);
        $account = Support::account($args['id']);
        Support::requireAccess($account, 'view', 'You may not view this account');
        $db = Support::db();
        $where = 'parent_type = ' . $db->quoted('Accounts') . ' AND parent_id = ' . $db->quoted($account->id)
            . ' AND deleted = 0 AND name LIKE ' . $db->quoted(self::LOG_PREFIX . '%')
            . ($since ? ' AND date_entered >= ' . $db->quoted($since) : '')
            . ($until ? ' AND date_entered <= ' . $db->quoted($until) : '')
            . ($before ? ' AND date_entered < ' . $db->quoted($before) : '');
        $res = $db->limitQuery('SELECT id, date_entered, name, description, assigned_user_id FROM notes WHERE ' . $where
            . ' ORDER BY date_entered DESC, id DESC', 0, $limit);
        $data = array();
        while ($r = $db->fetchByAssoc($res, false)) {
            $data[] = array(
                'id' => $r['id'],
                'at' => Support::iso($r['date_entered']),
                'user_id' => $r['assigned_user_id'],
                'name' => Support::text($r['name']),
                'description' => Support::text($r['description']),
            );
        }
        return array(200, array('data' => $data));
    }

    /** GET /changes?since= — the server's time and the ids of accounts deleted since then (date_modified >= since). */
    public static function changes($request, $user, array $args)
    {
        $since = Support::sinceToDb(Support::query($request, 'since'));
        $db = Support::db();
        $now = Support::nowDb();
        $res = $db->limitQuery('SELECT id FROM accounts WHERE deleted = 1'
            . ($since ? ' AND date_modified >= ' . $db->quoted($since) : '') . ' ORDER BY date_modified, id', 0, self::MAX_DELETED);
        $ids = array();
        while ($r = $db->fetchByAssoc($res, false)) {
            $ids[] = $r['id'];
        }
        return array(200, array('data' => array('now' => Support::iso($now), 'deleted' => $ids)));
    }
}
