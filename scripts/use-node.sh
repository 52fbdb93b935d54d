# Source this file (`. scripts/use-node.sh`) to run the project on its Node.js, the version in .nvmrc.
# It installs Node's official build for this machine from the npm registry (the packages node-<os>-<arch>
# carry them, headers included) into .runtime/ when that version is not there yet, puts it first on PATH,
# and points native builds (better-sqlite3) at its headers. npm itself stays the one on PATH.
_crmx_root="$(cd "$(dirname "${BASH_SOURCE[0]:-$0}")/.." && pwd)"
_crmx_version="$(tr -d ' \n\r' < "$_crmx_root/.nvmrc")"
case "$(uname -s)" in Linux) _crmx_os=linux ;; Darwin) _crmx_os=darwin ;; *) _crmx_os=unsupported ;; esac
case "$(uname -m)" in x86_64 | amd64) _crmx_arch=x64 ;; aarch64 | arm64) _crmx_arch=arm64 ;; *) _crmx_arch=unsupported ;; esac
_crmx_pkg="node-$_crmx_os-$_crmx_arch"
_crmx_home="$_crmx_root/.runtime/node_modules/$_crmx_pkg"
if [ "$_crmx_os" = unsupported ] || [ "$_crmx_arch" = unsupported ]; then
  echo "scripts/use-node.sh: no Node.js build for $(uname -s) $(uname -m) here; install Node.js $_crmx_version yourself (e.g. nvm install)" >&2
  return 1 2>/dev/null || exit 1
fi
if [ "$("$_crmx_home/bin/node" --version 2>/dev/null)" != "v$_crmx_version" ]; then
  echo "Installing Node.js $_crmx_version ($_crmx_pkg from the npm registry) into .runtime/"
  npm install --prefix "$_crmx_root/.runtime" --no-save --no-package-lock --no-audit --no-fund "$_crmx_pkg@$_crmx_version" >/dev/null ||
    { return 1 2>/dev/null || exit 1; }
fi
export PATH="$_crmx_home/bin:$PATH"
export npm_config_nodedir="$_crmx_home"
unset _crmx_root _crmx_version _crmx_os _crmx_arch _crmx_pkg _crmx_home
echo "Node.js $(node --version) from $(command -v node)"
