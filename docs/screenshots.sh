#!/bin/sh
# Remakes the README's screenshots with Debian's headless Chromium: of the seed's page,
# docs/seed-page.png at a desktop's width (1200 px, the whole page),
# docs/seed-page-phone.png at a phone's (390 px, the top of the page),
# and of the audit page: docs/audit-page.png (fixtures/audit/ by outlet and month, 1200 px).
# Run from anywhere with the project's Python on the path: sh docs/screenshots.sh
set -eu
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"${PYTHON:-python3}" -m quotes analyze seeds/north-korea-kursk.txt --format html -o "$work/seed.html"
shoot() {
    /usr/bin/chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --user-data-dir="$work/profile-$1" --hide-scrollbars --window-size="$2" \
        --screenshot="$PWD/docs/$1" "file://$work/${3:-seed.html}" 2>/dev/null
}
shoot seed-page.png 1200,2620
shoot seed-page-phone.png 390,1900
"${PYTHON:-python3}" -m quotes audit fixtures/audit/attributions.csv --summary fixtures/audit/summary.csv \
    --by outlet --period month --date-column date --format html -o "$work/audit.html" --quiet 2>/dev/null
shoot audit-page.png 1200,3150 audit.html
