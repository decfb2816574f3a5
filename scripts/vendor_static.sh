#!/usr/bin/env bash
# Vendor the front-end static assets (and the PDF font) into the repository.
#
# Every package is fetched from the npm registry with `npm pack` at an exact,
# pinned version and checked against the registry's sha512 integrity string
# pinned below, so re-running this script reproduces byte-identical files.
#
# Usage:  scripts/vendor_static.sh            (from anywhere; needs npm, tar, openssl)
#
# To upgrade a package: change its version, run
#   npm view <pkg>@<version> dist.integrity
# paste the new integrity string, re-run this script and update the README
# table that this script writes (cchc/static/vendor/README.md is regenerated).
set -euo pipefail

# --- Pinned packages: name  version  integrity (npm `dist.integrity`) --------------------
BOOTSTRAP_VERSION="5.3.9"
BOOTSTRAP_INTEGRITY="sha512-20cU0rcfw8WdxtVbmfU+xT2EjvVTw9Ror/h1Qvd7DXCujRg8OO9mdBCsmTHdJFf3BuadmBNJtgIuUXsBqSkk/w=="

BOOTSTRAP_ICONS_VERSION="1.13.2"
BOOTSTRAP_ICONS_INTEGRITY="sha512-fAU1Ly3dH7hwRg+CB8EZ0Vl0fF80zgXHeUVJyfUOKzoURr+TbwISbCW5tKUoQLERaWYG2emTCybcPbD96hdD1A=="

HTMX_VERSION="2.0.11"
HTMX_INTEGRITY="sha512-Thx/WtpeOQqSrqBCw/A1cwGJGg4UrVa3+sW0GmrM3p4gJgO89ecH4qtbnyzDDWFvBTqjnIMCgELTNt636dtamA=="

CHARTJS_VERSION="4.6.1"
CHARTJS_INTEGRITY="sha512-hJyniucsFmq//EvXYvJ6c6mahPoI3kaxdjVH8awTaJ/fDNWeSqqqArixMJWkWNN6fcYvPU3HneSANFNYtRi61g=="

AXE_VERSION="4.14.1"
AXE_INTEGRITY="sha512-FHfa+lmNjQZfJz1q8wKqIDwC6DExcHt/pkjNQb09a3NPjCKg2rhu5qb2S4r76ASyFNNtuFooJpZe37OgudVGtQ=="

TINOS_VERSION="0.4.2"   # @expo-google-fonts/tinos (ships Tinos 1.340 TTFs, OFL-1.1)
TINOS_INTEGRITY="sha512-MQkfvUO1Aw7UP3jRtWLcjda+udanoL8ecrbkjbc3ZdhSI1iW/Uil4uD8O0eOiIxU2v/FeAT2XjGNiz5oYUlucg=="

# --- Paths ------------------------------------------------------------------------------
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENDOR="$REPO/cchc/static/vendor"
FONTS="$REPO/cchc/static/fonts"
E2E_VENDOR="$REPO/tests/e2e/vendor"

for tool in npm tar openssl; do
    command -v "$tool" >/dev/null || { echo "vendor_static: '$tool' is required" >&2; exit 1; }
done

WORK="$(mktemp -d "${TMPDIR:-/tmp}/vendor_static.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

# fetch NAME VERSION INTEGRITY -> prints the directory holding the unpacked package/
fetch() {
    local name="$1" version="$2" integrity="$3"
    local dir="$WORK/$(echo "$name" | tr '/@' '__')"
    mkdir -p "$dir"
    local tgz
    # Own npm cache so a stale or poisoned user cache can't matter; no scripts are run by pack.
    tgz="$(cd "$dir" && npm pack --silent --cache "$WORK/.npm-cache" "${name}@${version}" | tail -n 1)"
    local actual
    actual="sha512-$(openssl dgst -sha512 -binary "$dir/$tgz" | openssl base64 -A)"
    if [[ "$actual" != "$integrity" ]]; then
        echo "vendor_static: integrity mismatch for ${name}@${version}" >&2
        echo "  expected $integrity" >&2
        echo "  got      $actual" >&2
        exit 1
    fi
    tar -xzf "$dir/$tgz" -C "$dir"
    echo "$dir/package"
}

# put SRC DEST: copy one file, failing loudly if the package no longer ships it
put() {
    [[ -f "$1" ]] || { echo "vendor_static: missing $1" >&2; exit 1; }
    mkdir -p "$(dirname "$2")"
    cp "$1" "$2"
    chmod 0644 "$2"
}

echo "vendor_static: fetching pinned packages into $WORK" >&2
# Fetch and verify everything first, so a failure leaves the working tree untouched.
PKG_BOOTSTRAP="$(fetch bootstrap "$BOOTSTRAP_VERSION" "$BOOTSTRAP_INTEGRITY")"
PKG_BOOTSTRAP_ICONS="$(fetch bootstrap-icons "$BOOTSTRAP_ICONS_VERSION" "$BOOTSTRAP_ICONS_INTEGRITY")"
PKG_HTMX="$(fetch htmx.org "$HTMX_VERSION" "$HTMX_INTEGRITY")"
PKG_CHARTJS="$(fetch chart.js "$CHARTJS_VERSION" "$CHARTJS_INTEGRITY")"
PKG_AXE="$(fetch axe-core "$AXE_VERSION" "$AXE_INTEGRITY")"
PKG_TINOS="$(fetch @expo-google-fonts/tinos "$TINOS_VERSION" "$TINOS_INTEGRITY")"

# --- bootstrap ----------------------------------------------------------------------------
# The .map files are kept: both minified files end with a sourceMappingURL comment, and
# Django's ManifestStaticFilesStorage (used in production) fails collectstatic if the
# referenced map is missing.
pkg="$PKG_BOOTSTRAP"
rm -rf "$VENDOR/bootstrap"
put "$pkg/dist/css/bootstrap.min.css"           "$VENDOR/bootstrap/bootstrap.min.css"
put "$pkg/dist/css/bootstrap.min.css.map"       "$VENDOR/bootstrap/bootstrap.min.css.map"
put "$pkg/dist/js/bootstrap.bundle.min.js"      "$VENDOR/bootstrap/bootstrap.bundle.min.js"
put "$pkg/dist/js/bootstrap.bundle.min.js.map"  "$VENDOR/bootstrap/bootstrap.bundle.min.js.map"
put "$pkg/LICENSE"                              "$VENDOR/bootstrap/LICENSE"

# --- bootstrap-icons (CSS refers to fonts/… relatively) --------------------------------------
pkg="$PKG_BOOTSTRAP_ICONS"
rm -rf "$VENDOR/bootstrap-icons"
put "$pkg/font/bootstrap-icons.min.css"         "$VENDOR/bootstrap-icons/bootstrap-icons.min.css"
put "$pkg/font/fonts/bootstrap-icons.woff2"     "$VENDOR/bootstrap-icons/fonts/bootstrap-icons.woff2"
put "$pkg/font/fonts/bootstrap-icons.woff"      "$VENDOR/bootstrap-icons/fonts/bootstrap-icons.woff"
put "$pkg/LICENSE"                              "$VENDOR/bootstrap-icons/LICENSE"

# --- htmx ------------------------------------------------------------------------------------
pkg="$PKG_HTMX"
rm -rf "$VENDOR/htmx"
put "$pkg/dist/htmx.min.js"                     "$VENDOR/htmx/htmx.min.js"
put "$pkg/LICENSE"                              "$VENDOR/htmx/LICENSE"

# --- Chart.js (chart.umd.js is already minified; its map is kept for the same reason) ---------
pkg="$PKG_CHARTJS"
rm -rf "$VENDOR/chartjs"
chart="chart.umd.js"
[[ -f "$pkg/dist/$chart" ]] || chart="chart.umd.min.js"
put "$pkg/dist/$chart"                          "$VENDOR/chartjs/$chart"
if grep -q "sourceMappingURL=$chart.map" "$pkg/dist/$chart"; then
    put "$pkg/dist/$chart.map"                  "$VENDOR/chartjs/$chart.map"
fi
put "$pkg/LICENSE.md"                           "$VENDOR/chartjs/LICENSE.md"

# --- axe-core (browser accessibility tests only; not served) --------------------------------
pkg="$PKG_AXE"
rm -f "$E2E_VENDOR/axe.min.js" "$E2E_VENDOR"/axe-core-LICENSE*
put "$pkg/axe.min.js"                           "$E2E_VENDOR/axe.min.js"
put "$pkg/LICENSE"                              "$E2E_VENDOR/axe-core-LICENSE.txt"
put "$pkg/LICENSE-3RD-PARTY.txt"                "$E2E_VENDOR/axe-core-LICENSE-3RD-PARTY.txt"

# --- Tinos (Times New Roman metric-compatible serif, full Vietnamese) for WeasyPrint PDFs --
pkg="$PKG_TINOS"
rm -f "$FONTS"/Tinos-*
put "$pkg/400Regular/Tinos_400Regular.ttf"               "$FONTS/Tinos-Regular.ttf"
put "$pkg/700Bold/Tinos_700Bold.ttf"                     "$FONTS/Tinos-Bold.ttf"
put "$pkg/400Regular_Italic/Tinos_400Regular_Italic.ttf" "$FONTS/Tinos-Italic.ttf"
put "$pkg/700Bold_Italic/Tinos_700Bold_Italic.ttf"       "$FONTS/Tinos-BoldItalic.ttf"
put "$pkg/LICENSE_FONT"                                  "$FONTS/Tinos-OFL.txt"

# --- README ------------------------------------------------------------------------------
cat >"$VENDOR/README.md" <<EOF
# Vendored front-end assets

Generated by \`scripts/vendor_static.sh\` — do not edit these files by hand.
**Regenerate with \`scripts/vendor_static.sh\`** (needs npm, tar and openssl; it fetches each
package from the npm registry with \`npm pack\` at the exact version below, checks it against the
pinned sha512 integrity, and copies the files unchanged). To upgrade, change the version and
integrity in the script and re-run it; this README is rewritten by the script.

| Package (npm) | Version | License | Files (destination) |
| --- | --- | --- | --- |
| \`bootstrap\` | $BOOTSTRAP_VERSION | MIT (\`LICENSE\`) | \`vendor/bootstrap/\`: \`bootstrap.min.css\` (+ \`.map\`), \`bootstrap.bundle.min.js\` (+ \`.map\`), \`LICENSE\` |
| \`bootstrap-icons\` | $BOOTSTRAP_ICONS_VERSION | MIT (\`LICENSE\`) | \`vendor/bootstrap-icons/\`: \`bootstrap-icons.min.css\`, \`fonts/bootstrap-icons.woff2\`, \`fonts/bootstrap-icons.woff\`, \`LICENSE\` |
| \`htmx.org\` | $HTMX_VERSION | 0BSD (\`LICENSE\`) | \`vendor/htmx/\`: \`htmx.min.js\`, \`LICENSE\` |
| \`chart.js\` | $CHARTJS_VERSION | MIT (\`LICENSE.md\`) | \`vendor/chartjs/\`: \`$chart\` (+ \`.map\`), \`LICENSE.md\` |
| \`axe-core\` | $AXE_VERSION | MPL-2.0 (\`axe-core-LICENSE.txt\`, \`axe-core-LICENSE-3RD-PARTY.txt\`) | \`tests/e2e/vendor/\`: \`axe.min.js\` and licenses — used by the browser accessibility tests, not served |
| \`@expo-google-fonts/tinos\` | $TINOS_VERSION (Tinos font 1.340) | OFL-1.1 for the fonts (\`Tinos-OFL.txt\`, shipped as \`LICENSE_FONT\`); the package's own MIT license covers only its JS wrapper, which is not vendored | \`fonts/\`: \`Tinos-Regular.ttf\`, \`Tinos-Bold.ttf\`, \`Tinos-Italic.ttf\`, \`Tinos-BoldItalic.ttf\`, \`Tinos-OFL.txt\` |

Paths in the last column are relative to \`cchc/static/\` unless they start with \`tests/\`.

Notes:

- The \`.map\` files are kept on purpose: \`bootstrap.min.css\`, \`bootstrap.bundle.min.js\` and
  \`$chart\` end with a \`sourceMappingURL\` comment, and Django's manifest static storage
  (used when \`CCHC_STATIC_MANIFEST\` is on) fails \`collectstatic\` when a referenced file is missing.
- \`bootstrap-icons.min.css\` loads its fonts with relative \`url("fonts/…")\`, so the \`fonts/\`
  folder must stay next to it.
- Tinos is metric-compatible with Times New Roman and covers Vietnamese (all precomposed letters
  U+1EA0–U+1EF9 plus Ă Đ Ĩ Ũ Ơ Ư); it is used by WeasyPrint for PDF output through \`@font-face\`.
EOF

echo "vendor_static: done" >&2
