#!/usr/bin/env bash
# The end-to-end example: what a Confa analyst does first with the affiliate base.
# Usage: Examples/demo.sh [path/to/sondeo]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
sondeo="${1:-sondeo}"
data="$here/data"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

step() { printf '\n\033[1m== %s\033[0m\n$ %s\n' "$1" "${*:2}"; "${@:2}"; }

step "1. ¿Qué trae la base de afiliados?" \
  "$sondeo" data inspect "$data/afiliados.csv"

step "2. La misma base, guardada por Excel en español (Windows-1252, «;», coma decimal)" \
  "$sondeo" data inspect "$data/afiliados_excel.csv"

step "3. Respuestas de la encuesta: 99 = «no sabe / no responde»" \
  "$sondeo" data inspect "$data/respuestas.csv" --missing 99

step "4. Afiliados jóvenes de categoría A que usan el subsidio" \
  "$sondeo" data head "$data/afiliados.csv" --rows 5 \
    --where 'categoria == "A" and usa_subsidio == 1 and edad < 35' \
    --columns id_afiliado,edad,municipio,salario_smmlv,fecha_afiliacion

step "5. Afiliados rurales de Manizales y Villamaría, para abrir en Excel" \
  "$sondeo" data convert "$data/afiliados.csv" --out "$work/rurales.csv" --excel \
    --where 'municipio in ["Manizales", "Villamaría"] and zona == "rural"'

step "6. Y leído de vuelta" \
  "$sondeo" data head "$work/rurales.csv" --rows 3 --columns id_afiliado,municipio,zona,salario_smmlv,fecha_afiliacion
