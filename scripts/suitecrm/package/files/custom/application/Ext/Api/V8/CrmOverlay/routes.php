<?php
/*
 * CRM overlay routes, included from the site's custom routes file (the package's scripts/routes_file.php adds that
 * line). SuiteCRM's V8 API includes that file inside
 *   $app->group('/V8', …)->add(ResourceServerMiddleware) → $app->group('/custom', …)
 * so every route below lives at /Api/V8/custom/crm-overlay/… and already requires a valid Bearer token.
 * The handlers are beside this file, one file per concern; each sets $current_user from the token itself
 * (custom routes get no ParamsMiddleware) and applies SuiteCRM's own ACL.
 */
$crmOverlayDir = __DIR__;
require_once $crmOverlayDir . '/Support.php';
require_once $crmOverlayDir . '/Groups.php';
require_once $crmOverlayDir . '/Org.php';
require_once $crmOverlayDir . '/Shares.php';
require_once $crmOverlayDir . '/History.php';
require_once $crmOverlayDir . '/Lifecycle.php';
require_once $crmOverlayDir . '/Pool.php';
unset($crmOverlayDir);

$app->group('/crm-overlay', function () use ($app) {
    $routes = array(
        array('get', '/ping', array('CrmOverlay\\Org', 'ping')),
        array('get', '/org', array('CrmOverlay\\Org', 'org')),
        array('get', '/meta', array('CrmOverlay\\Org', 'meta')),
        array('get', '/accounts/shares', array('CrmOverlay\\Shares', 'listShares')),
        array('post', '/accounts/{id}/shares', array('CrmOverlay\\Shares', 'addShares')),
        array('delete', '/accounts/{id}/shares', array('CrmOverlay\\Shares', 'removeShares')),
        array('get', '/accounts/{id}/audit', array('CrmOverlay\\History', 'audit')),
        array('get', '/accounts/{id}/log', array('CrmOverlay\\History', 'log')),
        array('get', '/changes', array('CrmOverlay\\History', 'changes')),
        array('delete', '/accounts/{id}', array('CrmOverlay\\Lifecycle', 'delete')),
        array('post', '/accounts/{id}/restore', array('CrmOverlay\\Lifecycle', 'restore')),
        array('post', '/accounts/{id}/return-to-pool', array('CrmOverlay\\Pool', 'returnToPool')),
        array('get', '/pool', array('CrmOverlay\\Pool', 'listPool')),
        array('post', '/accounts/{id}/pick-up', array('CrmOverlay\\Pool', 'pickUp')),
    );
    foreach ($routes as $r) {
        list($method, $path, $handler) = $r;
        $app->$method($path, function ($request, $response, array $args) use ($handler) {
            return \CrmOverlay\Support::run($request, $response, $args, $handler);
        });
    }
});
