<?php
/*
 * SuiteCRM's V8 API includes exactly one custom routes file, custom/application/Ext/Api/V8/Config/routes.php
 * (Api/Core/Loader/CustomLoader.php), which a site may already use for its own routes. The package therefore
 * never replaces it: installing adds one marked line that includes the overlay's routes, uninstalling takes that
 * line out again (and the file, when nothing else was in it).
 */
if (!function_exists('crm_overlay_routes_file')) {
    function crm_overlay_routes_file()
    {
        return 'custom/application/Ext/Api/V8/Config/routes.php';
    }

    function crm_overlay_routes_line()
    {
        return "require_once dirname(__DIR__) . '/CrmOverlay/routes.php'; // CRM Overlay package: its routes (removed on uninstall)";
    }

    /** Adds the include to the site's routes file, creating the file when the site has none. */
    function crm_overlay_add_routes()
    {
        $file = crm_overlay_routes_file();
        $line = crm_overlay_routes_line();
        $text = file_exists($file) ? (string)file_get_contents($file) : '';
        if (strpos($text, $line) !== false) {
            return;
        }
        if (trim($text) === '') {
            $text = "<?php\n";
        } elseif (preg_match('/\?>\s*$/', $text)) {
            // A file ending in a closing tag: the line goes inside PHP.
            $text = preg_replace('/\?>\s*$/', '', $text);
        }
        $text = rtrim($text) . "\n" . $line . "\n";
        if (!is_dir(dirname($file))) {
            mkdir_recursive(dirname($file));
        }
        if (file_put_contents($file, $text) === false) {
            throw new Exception("CRM Overlay: cannot write $file");
        }
        crm_overlay_forget_compiled($file);
    }

    /** The Module Loader runs in the web server's PHP: its opcache would serve the old file for a while. */
    function crm_overlay_forget_compiled($file)
    {
        if (function_exists('opcache_invalidate')) {
            opcache_invalidate($file, true);
        }
    }

    /** Takes the include out again; the file goes when only the opening tag is left (the package made it). */
    function crm_overlay_remove_routes()
    {
        $file = crm_overlay_routes_file();
        if (!file_exists($file)) {
            return;
        }
        $text = str_replace(crm_overlay_routes_line() . "\n", '', (string)file_get_contents($file));
        $text = str_replace(crm_overlay_routes_line(), '', $text);
        if (trim($text) === '<?php') {
            unlink($file);
        } else {
            file_put_contents($file, $text);
        }
        crm_overlay_forget_compiled($file);
    }
}
