#!/usr/bin/env bash
# The end-to-end example: what a Confa analyst does first with the affiliate base.
# Usage: Examples/demo.sh [path/to/sondeo]   (run from anywhere; paths are shown relative to the repository)
set -euo pipefail
sondeo="$(realpath "${1:-$(command -v sondeo)}")"
cd "$(dirname "$0")/.."
data="Examples/data"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Prints the command as a person would type it (with "> FILE" when SAVE_TO is set), then runs it.
step() {
  local title="$1"; shift
  local shown="sondeo"
  for arg in "${@:2}"; do
    if [[ "$arg" == *[[:space:]\"\'\(\)\[\]\<\>\&\|\;\$]* ]]; then shown+=" '${arg//\'/\'\\\'\'}'"; else shown+=" $arg"; fi
  done
  if [ -n "${SAVE_TO:-}" ]; then shown+=" > $SAVE_TO"; fi
  printf '\n== %s\n$ %s\n' "$title" "$shown"
  if [ -n "${SAVE_TO:-}" ]; then "$sondeo" "${@:2}" | tee "$SAVE_TO"; else "$sondeo" "${@:2}"; fi
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

step "7. Paso 35: el segmento «jóvenes de categoría A con subsidio» (guardado en Examples/data/segmentos.txt)" \
  sondeo segment "$data/afiliados.csv" --segment jovenes_subsidio --by zona --mean edad,salario_smmlv --share usa_salud=1

step "8. Paso 36: su mapa frente al resto de la base (también en HTML con gráficos)" \
  sondeo map "$data/afiliados.csv" --segment jovenes_subsidio --format html --out "$work/mapa.html"
"$sondeo" map "$data/afiliados.csv" --segment jovenes_subsidio > "$work/mapa.txt"
echo "(primeras líneas del mapa en texto; el HTML completo quedó en $work/mapa.html)"
sed -n 1,40p "$work/mapa.txt"

step "9. Segmentos a partir de los datos: k-medias con k de 2 a 5" \
  sondeo cluster "$data/afiliados.csv" --columns edad,salario_smmlv,visitas_12m,personas_a_cargo --k 2..5 --restarts 5

step "9b. Pasos 37–38: la estrategia de fidelización para los jóvenes que no usan la recreación, revisada contra la base y los canales que usa el segmento" \
  sondeo strategy check Examples/estrategia_jovenes.estrategia --base "$data/afiliados.csv" --channels "$data/respuestas.csv"

step "9c. …y aprobada con las cuatro preguntas del paso 38 (queda con el SHA-256 del archivo en la auditoría del almacén)" \
  sondeo strategy approve Examples/estrategia_jovenes.estrategia --by "Coordinación de Mercadeo Estratégico" --answers si,si,si,si --store "$work/campo.sqlite"

step "9d. Pasos 39–40: la estrategia se medirá; su plan de medición dice cuántas encuestas pide el margen de cada indicador" \
  sondeo strategy plan Examples/estrategia_jovenes.estrategia --base "$data/afiliados.csv" --store "$work/campo.sqlite"

step "10. ¿Cuántas encuestas para ±3,5 puntos con 95 % de confianza, si responde el 60 %?" \
  sondeo sample size --margin 0.035 --population 20000 --deff 1.1 --response-rate 0.6

step "11. Repartirlas entre las categorías A, B y C (Neyman, con la variabilidad del salario)" \
  sondeo sample allocate "$data/afiliados.csv" --strata categoria --total 850 --method neyman --sd-of salario_smmlv

SAVE_TO="$work/asignacion.json" step "12. La asignación proporcional, guardada para el sorteo" \
  sondeo sample allocate "$data/afiliados.csv" --strata categoria --total 850 --format json

step "13. El sorteo, reproducible con la semilla, con media muestra de reserva" \
  sondeo sample draw "$data/afiliados.csv" --strata categoria --allocation "$work/asignacion.json" \
    --seed 20261129 --reserve 0.5 --out "$work/muestra.csv"

step "14. Paso 42: el cuestionario, en texto plano, revisado antes de salir a campo" \
  sondeo questionnaire check Questionnaires/satisfaccion-servicios.encuesta

# A copy with two typical slips, to show the messages (check exits 1 when there are errors).
sed -e 's/o (nps <= 6 y/o (nsp <= 6 y/' -e 's/^csat: una de satisfaccion5/csat: una de satisfacion5/' \
  Questionnaires/satisfaccion-servicios.encuesta > "$work/con-errores.encuesta"
step "15. Un borrador con dos descuidos: cada error con su línea y una sugerencia" \
  sondeo questionnaire check "$work/con-errores.encuesta" || echo "(código de salida $?: hay errores que corregir)"

step "16. Lo que lee el encuestador por teléfono (documento imprimible)" \
  sondeo questionnaire render Questionnaires/satisfaccion-servicios.encuesta --format markdown --mode telefono --out "$work/cuestionario.md"
sed -n 1,30p "$work/cuestionario.md"
echo "(…; el documento completo quedó en $work/cuestionario.md)"

step "17. El mismo cuestionario como XLSForm para KoboToolbox u ODK, y su libro de códigos" \
  sondeo questionnaire render Questionnaires/satisfaccion-servicios.encuesta --format xlsform --out "$work/xlsform"
"$sondeo" questionnaire render Questionnaires/satisfaccion-servicios.encuesta --format codebook --out "$work/libro"
sed -n 1,12p "$work/xlsform/survey.csv"
echo "(…; el libro de códigos con la sintaxis de SPSS y Stata quedó en $work/libro)"

store="$work/campo.sqlite"
step "18. Paso 43: se publica el cuestionario en el almacén de la encuesta (SQLite)" \
  sondeo questionnaire publish Questionnaires/satisfaccion-servicios.encuesta --store "$store"

step "19. La muestra sorteada en el paso 13 se vuelve la lista de casos por llamar" \
  sondeo sample load "$work/muestra.csv" --questionnaire satisfaccion_servicios --store "$store"

# The encuestador's answers, typed as they would be at the keyboard: call outcome 1 (answered), consent,
# service 6, 40 uses (confirmed), NPS 9 and its reason, CSAT 5, the four aspects, and the closing note.
# --any-day: the demo may run on a weekend or holiday, when the calling rule would call nobody.
SONDEO_INPUT=$'1\n1\n6\n40\ns\n9\nMe atendieron rápido\n5\n5\n4\n4\n5\n\n'
# The encuestador's account, with the name the script says («le habla Laura Gómez»).
"$sondeo" serve user e01 --role encuestador --name "Laura Gómez" --store "$store" <<< "clave-de-demostracion" >/dev/null
step "20. Una entrevista telefónica en la terminal (aquí con las respuestas escritas de antemano)" \
  sondeo collect satisfaccion_servicios --interviewer e01 --store "$store" --cases 1 --any-day <<< "$SONDEO_INPUT"

step "21. Llegan respuestas por la web: cada fila se revisa contra el cuestionario antes de guardarla" \
  sondeo responses import satisfaccion_servicios "$data/respuestas_web.csv" --store "$store"

step "22. ¿Cómo va el campo? Avance por estrato y tasas AAPOR" \
  sondeo responses status satisfaccion_servicios --store "$store"

step "23. Un archivo para el equipo de investigación: SPSS (.sav), una fila por entrevista, con estrato, peso, N_estrato y las etiquetas del cuestionario" \
  sondeo responses export satisfaccion_servicios --store "$store" --out "$work/entrevistas.sav"

step "24. Y el NPS de esas entrevistas, con su error según el diseño (NS y NR, 98 y 99, son faltantes declarados en el .sav)" \
  sondeo analyze nps "$work/entrevistas.sav" --var nps

step "25. Tras el campo: pesos por no respuesta y rastrillados a sexo y categoría del marco" \
  sondeo sample weights "$data/respuestas.csv" --frame "$data/afiliados.csv" --strata categoria \
    --weight peso --rake sexo,categoria --trim 3 --out "$work/ponderadas.csv"

step "26. Análisis: NPS de la encuesta por canal, y la diferencia teléfono − web" \
  sondeo analyze nps "$data/respuestas.csv" --var nps --strata categoria --by canal --compare telefono,web

step "27. CSAT (4–5 en la escala 1–5; el 99 es «no sabe / no responde»)" \
  sondeo analyze csat "$data/respuestas.csv" --var csat --strata categoria --missing 99

step "28. ¿Recomendaría? por canal: tabla cruzada con intervalos y la prueba de Rao–Scott" \
  sondeo analyze crosstab "$data/respuestas.csv" --rows canal --cols recomendaria --strata categoria

step "29. Satisfacción general media por sexo" \
  sondeo analyze mean "$data/respuestas.csv" --var satisf_general --strata categoria --by sexo

step "30. ¿Qué pesa en la satisfacción general? Regresión con el diseño (como svyglm de R)" \
  sondeo analyze regress "$data/respuestas.csv" --formula "satisf_general ~ amabilidad + tiempo_espera + claridad_info + canal" --strata categoria

step "31. ¿Quién recomendaría? Regresión logística (razones de odds)" \
  sondeo analyze logit "$data/respuestas.csv" --formula "recomendaria ~ amabilidad + precio" --level si --strata categoria

step "32. Factores clave: importancia frente a desempeño de cada aspecto" \
  sondeo analyze drivers "$data/respuestas.csv" --outcome satisf_general \
    --drivers amabilidad,tiempo_espera,claridad_info,instalaciones,precio --strata categoria

# PQRSL (procedure steps 1–33): a month of cases from another system, then one case from intake to verification.
step "33. Pasos 1–33, PQRSL: los festivos de 2026 (con el nuevo de la Ley 2578: 13 de julio)" \
  sondeo calendar holidays 2026

step "34. Un mes de casos de octubre de 2026 llega de otro sistema: cada fila se revisa y se le calcula el vencimiento" \
  sondeo cases import "$data/pqrsl_octubre.csv" --store "$store"

step "34b. Paso 36 desde una base de datos: la experiencia de los afiliados con Confa, leída con una consulta SQL (igual con postgres://… y su --query)" \
  sondeo data inspect "$store" --query "SELECT type AS tipo, service AS servicio, channel AS canal, state AS estado FROM pqrs_case"

step "35. Lo que hay que atender el 3 de noviembre: recordatorios (una sola vez), vencen hoy, vencidos" \
  sondeo cases due --on 2026-11-03 --store "$store"

step "36. Sorteo de los reclamos sobre subsidios que se verifican (100 al mes; semilla y huella guardadas)" \
  sondeo cases verify-sample --month 2026-10 --seed 20261101 --on 2026-11-03 --store "$store"

step "37. Una queja nueva por el buzón: se depositó el sábado y el buzón se abrió el lunes" \
  sondeo cases open --channel buzon --type queja --service salud --attribute oportunidad --received 2026-11-23 --deposited 2026-11-21 \
    --text "Esperé tres horas para la cita de medicina general" --store "$store" --actor radicador1

radicado=$("$sondeo" cases list --month 2026-11 --store "$store" | awk '/^CONFA/ {r=$1} END {print r}')
step "38. El servicio responde…" \
  sondeo cases respond "$radicado" --channel correo --on 2026-11-27 --store "$store" --actor salud1
step "39. …se cierra, y como es una queja pasa a la verificación de satisfacción…" \
  sondeo cases close "$radicado" --on 2026-11-27 --store "$store" --actor coordinador
step "40. …y la llamada de verificación la encuentra satisfecha" \
  sondeo cases verify "$radicado" --outcome contactado --satisfied yes --notes "Le asignaron la cita el mismo día" --on 2026-11-30 --time 10:15 --store "$store" --actor verificador1

step "41. Su historia completa: quién hizo qué, cuándo y por qué" \
  sondeo cases show "$radicado" --store "$store"

step "42. El informe de PQRSL de octubre" \
  sondeo cases report --month 2026-10 --on 2026-11-03 --store "$store"

step "43. La encuesta web: un enlace personal por afiliado de la muestra (token de 128 bits), para enviar por correo o WhatsApp" \
  sondeo serve links satisfaccion_servicios --base-url http://127.0.0.1:8089 --out "$work/enlaces.csv" --store "$store"
head -3 "$work/enlaces.csv" | cut -d, -f1,2
port=8089
"$sondeo" serve satisfaccion_servicios --port "$port" --store "$store" 2>/dev/null &
server=$!
for _ in $(seq 50); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.1; done
link=$(sed -n 400p "$work/enlaces.csv" | cut -d, -f2)  # an affiliate who has not answered yet
printf '\n$ sondeo serve satisfaccion_servicios --port %s\n' "$port"
echo "El formulario está en $link (ábralo en el navegador mientras corre el servidor)."
if command -v curl >/dev/null; then curl -s "$link" | grep -o 'Página [0-9]* de [0-9]* · [^<]*' | head -1; fi
kill "$server" 2>/dev/null || true
wait "$server" 2>/dev/null || true

mkdir -p Examples/salida
step "44. El informe para la gerencia: un solo archivo HTML con indicadores, factores clave, preguntas y cruces" \
  sondeo report "$data/respuestas.csv" --questionnaire "$data/respuestas.encuesta" --strata categoria --by canal \
    --outcome satisf_general --drivers amabilidad,tiempo_espera,claridad_info,instalaciones,precio --out Examples/salida/reporte.html
echo "(el informe quedó en Examples/salida/reporte.html: ábralo en el navegador)"

step "45. Al cierre de la estrategia: lo planeado frente a lo logrado (una medición de cierre simulada, Examples/data/medicion_cierre.csv)" \
  sondeo strategy review Examples/estrategia_jovenes.estrategia --base "$data/afiliados.csv" --responses "$data/medicion_cierre.csv" --store "$store"
