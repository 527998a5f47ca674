#!/usr/bin/env bash
# Refreshes the board paper's PDF font: Liberation Sans 2 (regular and bold; Arial-metric, SIL OFL
# 1.1), copied unmodified, with its licence. jsPDF embeds only the glyphs a paper uses, so each PDF
# carries a subset while the files here stay the Original Version.
#
# Why not subset these files as well: Liberation's copyright declares the Reserved Font Name
# "Liberation", and a subset is a Modified Version under the OFL, which may not keep that name.
# Copying the originals keeps the name legitimate, at the cost of about 0.8 MB in the precache.
#
# Needs Debian's fonts-liberation2 (`sudo apt-get install -y fonts-liberation2`), or set
# LIBERATION_DIR to a folder holding LiberationSans-Regular.ttf and LiberationSans-Bold.ttf.
# Usage: `npm run fonts`.
set -euo pipefail
cd "$(dirname "$0")/.."

SOURCE="${LIBERATION_DIR:-/usr/share/fonts/truetype/liberation2}"
TARGET="src/features/board-paper/assets/fonts"

for pair in "LiberationSans-Regular.ttf:liberation-sans.ttf" "LiberationSans-Bold.ttf:liberation-sans-bold.ttf"; do
  from="$SOURCE/${pair%%:*}"
  to="$TARGET/${pair##*:}"
  [ -f "$from" ] || { echo "$from not found (install fonts-liberation2 or set LIBERATION_DIR)" >&2; exit 1; }
  cp "$from" "$to"
  echo "$to: $(wc -c < "$to") bytes"
done
