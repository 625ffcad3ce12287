#!/usr/bin/env bash
# Converts every questionnaire of Questionnaires/ to XLSForm and runs pyxform's xls2xform on it, the
# converter KoboToolbox and ODK use (pip install pyxform; ODK Validate also needs Java).
# Usage: Scripts/reference/validate_xlsform.sh [path/to/sondeo]
set -euo pipefail
cd "$(dirname "$0")/../.."
sondeo="${1:-.build/debug/sondeo}"
command -v xls2xform >/dev/null || { echo "falta xls2xform: pip install pyxform" >&2; exit 69; }
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
for file in Questionnaires/*.encuesta; do
  name="$(basename "$file" .encuesta)"
  "$sondeo" questionnaire render "$file" --format xlsform --out "$work/$name" 2>/dev/null
  (cd "$work/$name" && xls2xform formulario.csv "$name.xml" >/dev/null) && echo "$name: xls2xform lo acepta"
done
