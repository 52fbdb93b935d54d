<?php
/*
 * What every CRM overlay route shares: the caller from the token, JSON in and out, input checks, error answers,
 * time formats, and a few lookups. Errors are {"errors":{"status","code","detail"}} with real HTTP statuses
 * (SuiteCRM's own V8 answers 400 for everything, with stack traces).
 */
namespace CrmOverlay;

if (!defined('sugarEntry') || !sugarEntry) {
    die('Not A Valid Entry Point');
}

/** A refusal the client can act on: status, a stable code and a plain-English detail. */
class HttpError extends \Exception
{
    public $status;
    public $errorCode;
    /** More of the refusal for the client, next to code and detail (e.g. the accounts an ambiguous number names). */
    public $extra;

    public function __construct($status, $errorCode, $detail, array $extra = array())
    {
        parent::__construct($detail);
        $this->status = $status;
        $this->errorCode = $errorCode;
        $this->extra = $extra;
    }
}

class Support
{
    const PACKAGE = 'crm_overlay';
    const VERSION = '1.0.0';
    /** Ids we accept: SuiteCRM's UUIDs, numeric ids (admin is '1') and the demo data's seed_*_id users. */
    const ID_RE = '/^[A-Za-z0-9_-]{1,36}$/';
    const MAX_BODY = 65536;

    /** Runs a handler: sets up the caller, turns refusals into JSON errors and never leaks a stack trace. */
    public static function run($request, $response, array $args, $handler)
    {
        try {
            $user = self::currentUser($request);
            $out = call_user_func($handler, $request, $user, $args);
            return self::json($response, $out[1], $out[0]);
        } catch (HttpError $e) {
            return self::error($response, $e->status, $e->errorCode, $e->getMessage(), $e->extra);
        } catch (\Throwable $e) {
            $GLOBALS['log']->fatal('[crm_overlay] ' . get_class($e) . ': ' . $e->getMessage() . ' at ' . $e->getFile() . ':' . $e->getLine());
            return self::error($response, 500, 'server_error', 'The CRM overlay package failed; see suitecrm.log');
        }
    }

    /** The token's user becomes $current_user, as V8's ParamsMiddleware does for its own routes. */
    public static function currentUser($request)
    {
        $token = \BeanFactory::newBean('OAuth2Tokens');
        $token->retrieve_by_string_fields(array('access_token' => $request->getAttribute('oauth_access_token_id')));
        $user = empty($token->assigned_user_id) ? null : \BeanFactory::getBean('Users', $token->assigned_user_id);
        if (empty($user) || empty($user->id)) {
            throw new HttpError(401, 'unauthorized', 'No user for this token');
        }
        $GLOBALS['current_user'] = $user;
        return $user;
    }

    public static function json($response, $body, $status = 200)
    {
        return $response->withStatus($status)
            ->withHeader('Content-Type', 'application/json; charset=utf-8')
            ->write(json_encode($body, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES));
    }

    public static function error($response, $status, $code, $detail, array $extra = array())
    {
        return self::json($response, array('errors' => array('status' => $status, 'code' => $code, 'detail' => $detail) + $extra), $status);
    }

    // ---- input -----------------------------------------------------------------------------------------

    public static function id($value, $what = 'id')
    {
        if (!is_string($value) || !preg_match(self::ID_RE, $value)) {
            throw new HttpError(400, 'invalid_id', "Invalid $what: expected a SuiteCRM id (letters, digits, '-' or '_', at most 36)");
        }
        return $value;
    }

    /** The JSON body as an array (application/json or application/vnd.api+json); $required: an empty body is an error. */
    public static function body($request, $required = true)
    {
        $raw = (string)$request->getBody();
        if (strlen($raw) > self::MAX_BODY) {
            throw new HttpError(400, 'too_large', 'Body larger than ' . self::MAX_BODY . ' bytes');
        }
        if (trim($raw) === '') {
            if ($required) {
                throw new HttpError(400, 'invalid_body', 'A JSON object body is required');
            }
            return array();
        }
        $data = json_decode($raw, true);
        if (!is_array($data) || (array_keys($data) === range(0, count($data) - 1) && count($data) > 0)) {
            throw new HttpError(400, 'invalid_body', 'The body must be a JSON object');
        }
        return $data;
    }

    /** Rejects keys the route does not know, so a typo is an error instead of a silent no-op. */
    public static function onlyKeys(array $data, array $allowed)
    {
        $unknown = array_diff(array_keys($data), $allowed);
        if ($unknown) {
            throw new HttpError(400, 'invalid_body', 'Unknown field(s): ' . implode(', ', $unknown) . '; allowed: ' . implode(', ', $allowed));
        }
    }

    /** An optional list of ids under $key: array of valid ids, at most $max, duplicates removed. */
    public static function idList(array $data, $key, $max = 200)
    {
        if (!array_key_exists($key, $data) || $data[$key] === null) {
            return array();
        }
        if (!is_array($data[$key]) || (count($data[$key]) > 0 && array_keys($data[$key]) !== range(0, count($data[$key]) - 1))) {
            throw new HttpError(400, 'invalid_body', "$key must be an array of ids");
        }
        if (count($data[$key]) > $max) {
            throw new HttpError(400, 'too_large', "$key: at most $max ids");
        }
        foreach ($data[$key] as $v) {
            self::id($v, "id in $key");
        }
        return array_values(array_unique($data[$key]));
    }

    public static function query($request, $name)
    {
        $q = $request->getQueryParams();
        if (!isset($q[$name]) || $q[$name] === '') {
            return null;
        }
        if (!is_string($q[$name])) {
            throw new HttpError(400, 'invalid_query', "Query parameter $name must be given once, as text");
        }
        return $q[$name];
    }

    /** A positive integer query parameter within [1, $max], or $default. */
    public static function intQuery($request, $name, $default, $max)
    {
        $v = self::query($request, $name);
        if ($v === null) {
            return $default;
        }
        if (!ctype_digit($v) || (int)$v < 1 || (int)$v > $max) {
            throw new HttpError(400, 'invalid_query', "$name must be a whole number from 1 to $max");
        }
        return (int)$v;
    }

    // ---- time ------------------------------------------------------------------------------------------

    /**
     * ISO 8601 (2026-12-03T22:25:26Z, with an offset, or SuiteCRM's 'Y-m-d H:i:s' taken as UTC) → DB format (UTC).
     * $name: the query parameter it came from, for the error.
     */
    public static function sinceToDb($value, $name = 'since')
    {
        if ($value === null) {
            return null;
        }
        if (!preg_match('/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?)?$/', $value)) {
            throw new HttpError(400, 'invalid_query', "$name must be an ISO 8601 time such as 2026-12-03T22:25:26Z");
        }
        try {
            $d = new \DateTime($value, new \DateTimeZone('UTC'));
        } catch (\Exception $e) {
            throw new HttpError(400, 'invalid_query', "$name is not a valid time");
        }
        $d->setTimezone(new \DateTimeZone('UTC'));
        return $d->format('Y-m-d H:i:s');
    }

    /** DB datetime (UTC) → ISO 8601 UTC with seconds; null for empty. */
    public static function iso($db)
    {
        if (empty($db)) {
            return null;
        }
        return str_replace(' ', 'T', substr($db, 0, 19)) . 'Z';
    }

    public static function nowDb()
    {
        return gmdate('Y-m-d H:i:s');
    }

    /** SuiteCRM stores text HTML-encoded; answers carry the raw text. */
    public static function text($v)
    {
        return $v === null ? null : html_entity_decode((string)$v, ENT_QUOTES | ENT_HTML5, 'UTF-8');
    }

    // ---- lookups ---------------------------------------------------------------------------------------

    public static function db()
    {
        return \DBManagerFactory::getInstance();
    }

    /** SQL list of quoted values: ('a','b'). Callers check for an empty list first. */
    public static function inList(array $values)
    {
        $db = self::db();
        return '(' . implode(',', array_map(function ($v) use ($db) { return $db->quoted($v); }, $values)) . ')';
    }

    /** The live account, or 404. Fresh from the DB (the bean cache may hold a stale copy). */
    public static function account($id)
    {
        self::id($id, 'account id');
        $bean = \BeanFactory::getBean('Accounts', $id, array('use_cache' => false));
        if (empty($bean) || empty($bean->id) || !empty($bean->deleted)) {
            throw new HttpError(404, 'not_found', 'Account not found');
        }
        return $bean;
    }

    public static function requireAccess($bean, $action, $detail)
    {
        if (!$bean->ACLAccess($action)) {
            throw new HttpError(403, 'forbidden', $detail);
        }
    }

    /** One row of SuiteCRM's change log (accounts_audit) for a change made here with SQL instead of a bean save. */
    public static function audit($accountId, $userId, $field, $type, $before, $after)
    {
        $db = self::db();
        $text = $type === 'text';
        $db->query('INSERT INTO accounts_audit (id, parent_id, date_created, created_by, field_name, data_type,'
            . ' before_value_string, after_value_string, before_value_text, after_value_text) VALUES ('
            . $db->quoted(create_guid()) . ',' . $db->quoted($accountId) . ',' . $db->quoted(self::nowDb()) . ','
            . $db->quoted($userId) . ',' . $db->quoted($field) . ',' . $db->quoted($type) . ','
            . ($text ? 'NULL' : $db->quoted((string)$before)) . ',' . ($text ? 'NULL' : $db->quoted((string)$after)) . ','
            . ($text ? $db->quoted((string)$before) : 'NULL') . ',' . ($text ? $db->quoted((string)$after) : 'NULL') . ')');
    }

    /** Marks the account modified now by $userId, so modified-since scans see changes that are not field saves. */
    public static function touch($accountId, $userId)
    {
        $db = self::db();
        $db->query('UPDATE accounts SET date_modified = ' . $db->quoted(self::nowDb()) . ', modified_user_id = '
            . $db->quoted($userId) . ' WHERE id = ' . $db->quoted($accountId));
        \BeanFactory::unregisterBean('Accounts', $accountId);
    }

    /**
     * The optional `log` of a body: {"id": <uuid chosen by the caller>, "type": <log type>}. The operation's
     * entry in the account's history is then written in the same request, with the caller's id: a replay of
     * the same operation finds it there and writes none (exactly once without idempotency keys).
     */
    public static function logOf(array $body)
    {
        if (!array_key_exists('log', $body) || $body['log'] === null) {
            return null;
        }
        $log = $body['log'];
        if (!is_array($log) || !isset($log['id'], $log['type']) || !is_string($log['type']) || count($log) !== 2) {
            throw new HttpError(400, 'invalid_body', 'log must be {"id": a UUID, "type": a log type}');
        }
        self::id($log['id'], 'log id');
        if (!preg_match('/^[A-Za-z ]{1,60}$/', $log['type'])) {
            throw new HttpError(400, 'invalid_body', 'log type: letters and spaces, at most 60');
        }
        return $log;
    }

    /** Writes the log entry as a Note on the account (its History subpanel), once per id. */
    public static function logNote($log, $accountId, $userId, array $changes, $details = '')
    {
        if ($log === null) {
            return;
        }
        $db = self::db();
        $exists = $db->getOne('SELECT id FROM notes WHERE id = ' . $db->quoted($log['id']));
        if ($exists) {
            return;
        }
        $note = \BeanFactory::newBean('Notes');
        $note->new_with_id = true;
        $note->id = $log['id'];
        $note->name = '[CRM overlay] ' . $log['type'];
        $note->description = json_encode(array('details' => $details, 'changes' => $changes), JSON_UNESCAPED_UNICODE);
        $note->parent_type = 'Accounts';
        $note->parent_id = $accountId;
        $note->assigned_user_id = $userId;
        $note->save(false);
    }

    public static function isAdmin($user)
    {
        return is_admin($user);
    }
}
