<?php
/*
 * Unattended install of a SuiteCRM module-loader package, doing what Admin → Module Loader does
 * (modules/Administration/UpgradeWizard_commit.php, type module): copy the zip to upload/upgrades/module/,
 * unzip it to a temp dir, ModuleInstaller::install(), and an UpgradeHistory row so that the package is listed in
 * the Module Loader and an administrator can uninstall it there.
 *
 * Run it as the web server's user (files must stay owned by it), from anywhere:
 *   php install-package.php DOCROOT ZIP               install (or upgrade in place: same id, new version)
 *   php install-package.php DOCROOT ZIP uninstall     uninstall that package
 *   php install-package.php DOCROOT - uninstall ID    uninstall whatever package with id ID is installed
 */
if (PHP_SAPI !== 'cli') {
    exit(1);
}
if ($argc < 3) {
    fwrite(STDERR, "usage: php install-package.php DOCROOT ZIP|- [install|uninstall] [ID]\n");
    exit(2);
}
$docroot = $argv[1];
$mode = $argv[3] ?? 'install';
$zip = $argv[2] === '-' ? null : realpath($argv[2]);
if ($argv[2] !== '-' && !$zip) {
    fwrite(STDERR, "no such zip: {$argv[2]}\n");
    exit(2);
}
define('sugarEntry', true);
chdir($docroot);
require_once 'include/entryPoint.php';
require_once 'ModuleInstall/ModuleInstaller.php';
require_once 'include/utils/php_zip_utils.php';
global $current_user, $sugar_config, $mod_strings, $current_language;
$current_user = BeanFactory::getBean('Users', '1');   // the installer checks is_admin
$current_language = $sugar_config['default_language'];
$mod_strings = return_module_language($current_language, 'Administration');
$GLOBALS['app_list_strings'] = return_app_list_strings_language($current_language);
$db = DBManagerFactory::getInstance();
$uploadDir = rtrim($sugar_config['upload_dir'] ?? 'upload/', '/');

/** Unzips $zipPath into a fresh temp dir under upload/upgrades/temp and reads its manifest. */
function crmo_unpack($zipPath, $uploadDir)
{
    $tmp = "$uploadDir/upgrades/temp/" . uniqid('crmo', true);
    mkdir_recursive($tmp);
    unzip($zipPath, $tmp);
    $manifest = $installdefs = null;
    require "$tmp/manifest.php";
    if (empty($installdefs['id'])) {
        fwrite(STDERR, "$zipPath: manifest.php has no installdefs id\n");
        exit(1);
    }
    return array($tmp, $manifest, $installdefs);
}

$t0 = microtime(true);
if ($mode === 'uninstall') {
    if ($zip === null) {
        // By id: the zip the Module Loader kept when it was installed.
        $id = $argv[4] ?? '';
        $row = $db->fetchOne("SELECT id, filename FROM upgrade_history WHERE status = 'installed' AND id_name = " . $db->quoted($id));
        if (empty($row)) {
            echo "not installed: $id\n";
            exit(0);
        }
        $zip = $row['filename'];
    }
    list($tmp, $manifest, $installdefs) = crmo_unpack($zip, $uploadDir);
    $_REQUEST['install_file'] = $zip;   // ModuleInstaller restores its -restore backups from beside it
    $mi = new ModuleInstaller();
    $mi->silent = true;
    $mi->uninstall($tmp);
    // upgrade_history has no `deleted` column, so remove its row with SQL rather than through the bean.
    $db->query('DELETE FROM upgrade_history WHERE id_name = ' . $db->quoted($installdefs['id']));
    rmdir_recursive($tmp);
    echo "uninstalled {$installdefs['id']} in ", round(microtime(true) - $t0, 2), " s\n";
    exit(0);
}

$dest = "$uploadDir/upgrades/module/" . basename($zip);
mkdir_recursive(dirname($dest));
copy($zip, $dest);
list($tmp, $manifest, $installdefs) = crmo_unpack($dest, $uploadDir);
$_REQUEST['install_file'] = $dest;   // ModuleInstaller::install_copy keeps its -restore backup next to it
$prevId = $db->getOne("SELECT id FROM upgrade_history WHERE status = 'installed' AND id_name = " . $db->quoted($installdefs['id']));
$mi = new ModuleInstaller();
$mi->silent = true;
$mi->install($tmp);
$uh = new UpgradeHistory();
if (!empty($prevId)) {
    $uh->id = $prevId;   // an upgrade keeps its row, as the Module Loader does
}
$uh->filename = $dest;
$uh->md5sum = md5_file($dest);
$uh->type = $manifest['type'];
$uh->version = $manifest['version'];
$uh->status = 'installed';
$uh->name = $manifest['name'];
$uh->description = $manifest['description'];
$uh->id_name = $installdefs['id'];
$uh->manifest = base64_encode(serialize(array('manifest' => $manifest, 'installdefs' => $installdefs, 'upgrade_manifest' => array())));
$uh->enabled = 1;
$uh->save();
rmdir_recursive($tmp);
echo "installed {$installdefs['id']} {$manifest['version']} in ", round(microtime(true) - $t0, 2), " s\n";
