#!/usr/bin/env bash
# Build step: puts TradingView Lightweight Charts (standalone production bundle + license) into
# the jar's static resources. Fetched from the npm registry with npm itself, pinned by version and
# checked against its sha512 integrity; the dashboard never loads anything from the internet.
# Usage: vendor-lightweight-charts.sh VERSION INTEGRITY OUT_DIR
set -euo pipefail
version="$1"
integrity="$2"
out="$3"
bundle="lightweight-charts.standalone.production.js"
if [[ -s "$out/$bundle" && -f "$out/.version" && "$(cat "$out/.version")" == "$version" ]]; then
    exit 0
fi
command -v npm >/dev/null || { echo "vendor-lightweight-charts: npm is required to build" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack "lightweight-charts@$version" --prefer-offline --silent >/dev/null 2>"$work/npm.log") || {
    cat "$work/npm.log" >&2
    exit 1
}
tgz="$work/lightweight-charts-$version.tgz"
# node comes with npm, so no other tool is needed for the digest.
actual="sha512-$(node -e 'process.stdout.write(require("crypto").createHash("sha512").update(require("fs").readFileSync(process.argv[1])).digest("base64"))' "$tgz")"
if [[ "$actual" != "$integrity" ]]; then
    echo "vendor-lightweight-charts: integrity mismatch for $version: $actual" >&2
    exit 1
fi
tar -xzf "$tgz" -C "$work"
mkdir -p "$out"
cp "$work/package/dist/$bundle" "$out/$bundle"
cp "$work/package/LICENSE" "$out/lightweight-charts.LICENSE.txt"
echo "$version" > "$out/.version"
