"""A questionnaire of N questions in the .encuesta language, for `questionnaire check` beside
`xls2xform`: sections of 10, a mix of types, lists, and a condition on every third question that names an
earlier one.

    python3 Benchmarks/generate_questionnaire.py N out.encuesta
"""
import sys

n, out = int(sys.argv[1]), sys.argv[2]
lines = [f'encuesta generada "Cuestionario de {n} preguntas"', "versión 1", "modos web, teléfono",
         'especiales NS = 98 "No sabe", NR = 99 "No responde"',
         "lista sino: 1 Sí | 2 No", "lista cinco: 1 Muy mal | 2 Mal | 3 Regular | 4 Bien | 5 Muy bien", ""]
lines += ['sección "Consentimiento"', "consentimiento: una de sino",
          '  "¿Acepta participar? Sus datos se tratan según la Ley 1581 de 2012."', "  si consentimiento = 2 → terminar rechazo"]
for i in range(n):
    if i % 10 == 0:
        lines.append(f'sección "Bloque {i // 10 + 1}"')
    kind = i % 4
    q = f"q{i}"
    if kind == 0:
        lines += [f"{q}: una de cinco, permite NS", f'  "Pregunta {i}: ¿cómo califica el servicio?"']
    elif kind == 1:
        lines += [f"{q}: entero 0..100", f'  "Pregunta {i}: ¿cuántas veces?"']
    elif kind == 2:
        lines += [f"{q}: sino", f'  "Pregunta {i}: ¿lo usó?"']
    else:
        lines += [f"{q}: texto, opcional", f'  "Pregunta {i}: ¿por qué?"']
    if i % 3 == 2 and i >= 3:
        j = i - 3 + (0 if (i - 3) % 4 != 3 else -1)
        k = j % 4
        cond = {0: f"q{j} en (1, 2)", 1: f"q{j} > 10", 2: f"q{j} = 1"}.get(k, f"q{j - 1} respondida")
        lines.append(f"  mostrar si {cond}")
open(out, "w", encoding="utf-8").write("\n".join(lines) + "\n")
