#!/usr/bin/env bash
# Regenerates the embedded board-paper fonts: DejaVu Sans (regular and bold), subset to the
# characters a board paper needs, so the PDF export chunk stays small.
#   Latin-1, Latin Extended-A and -B (Welsh ŵ ŷ and the rest), General Punctuation (– — ‘ ’ “ ” •),
#   currency symbols (£ €), arrows ← ↑ → ↓, ▲ ▼, ≤ ≥, − and ✓ ✗.
# Needs pyftsubset (Debian/Ubuntu: `sudo apt-get install -y fonttools`) and the DejaVu fonts
# (`fonts-dejavu-core`), or set DEJAVU_DIR to a folder holding DejaVuSans.ttf and
# DejaVuSans-Bold.ttf. Usage: `npm run fonts`.
set -euo pipefail
cd "$(dirname "$0")/.."

SOURCE="${DEJAVU_DIR:-/usr/share/fonts/truetype/dejavu}"
TARGET="src/features/board-paper/assets/fonts"
UNICODES="U+0020-007E,U+00A0-00FF,U+0100-017F,U+0180-024F,U+2000-206F,U+20A0-20CF,U+2190-2193,U+2212,U+2264-2265,U+25B2,U+25BC,U+2713,U+2717"

command -v pyftsubset >/dev/null || { echo "pyftsubset not found: sudo apt-get install -y fonttools" >&2; exit 1; }

for pair in "DejaVuSans.ttf:dejavu-sans.ttf" "DejaVuSans-Bold.ttf:dejavu-sans-bold.ttf"; do
  from="$SOURCE/${pair%%:*}"
  to="$TARGET/${pair##*:}"
  [ -f "$from" ] || { echo "$from not found (install fonts-dejavu-core or set DEJAVU_DIR)" >&2; exit 1; }
  pyftsubset "$from" --unicodes="$UNICODES" --output-file="$to" \
    --no-hinting --desubroutinize --layout-features='' --name-IDs='*' --notdef-outline
  echo "$to: $(wc -c < "$to") bytes"
done
