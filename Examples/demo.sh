#!/usr/bin/env bash
# The end-to-end example: what a Confa analyst does first with the affiliate base.
# Usage: Examples/demo.sh [path/to/sondeo]   (run from anywhere; paths are shown relative to the repository)
set -euo pipefail
sondeo="$(realpath "${1:-$(command -v sondeo)}")"
cd "$(dirname "$0")/.."
data="Examples/data"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Prints the command as a person would type it, then runs it.
step() {
  local title="$1"; shift
  local shown="sondeo"
  for arg in "${@:2}"; do
    if [[ "$arg" == *[[:space:]\"\'\(\)\[\]\<\>\&\|\;\$]* ]]; then shown+=" '${arg//\'/\'\\\'\'}'"; else shown+=" $arg"; fi
  done
  printf '\n== %s\n$ %s\n' "$title" "$shown"
  "$sondeo" "${@:2}"
}

step "1. ¿Qué trae la base de afiliados?" \
  sondeo data inspect "$data/afiliados.csv"

step "2. La misma base, guardada por Excel en español (Windows-1252, «;», coma decimal)" \
  sondeo data inspect "$data/afiliados_excel.csv"

step "3. Respuestas de la encuesta: 99 = «no sabe / no responde»" \
  sondeo data inspect "$data/respuestas.csv" --missing 99

step "4. Afiliados jóvenes de categoría A que usan el subsidio" \
  sondeo data head "$data/afiliados.csv" --rows 5 \
    --where 'categoria == "A" and usa_subsidio == 1 and edad < 35' \
    --columns id_afiliado,edad,municipio,salario_smmlv,fecha_afiliacion

step "5. Afiliados rurales de Manizales y Villamaría, para abrir en Excel" \
  sondeo data convert "$data/afiliados.csv" --out "$work/rurales.csv" --excel \
    --where 'municipio in ["Manizales", "Villamaría"] and zona == "rural"'

step "6. Y leído de vuelta" \
  sondeo data head "$work/rurales.csv" --rows 3 --columns id_afiliado,municipio,zona,salario_smmlv,fecha_afiliacion
