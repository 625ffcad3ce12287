#!/usr/bin/env python3
"""Writes Examples/data/respuestas_web.csv: 60 web answers to Questionnaires/satisfaccion-servicios.encuesta
from every 14th affiliate of the demo's sample (from the 8th; the demo phones the first) (sample draw --seed 20261129), obeying its routing.
Usage: Scripts/examples/respuestas_web.py MUESTRA.csv > Examples/data/respuestas_web.csv
       Scripts/examples/respuestas_web.py --synthetic N > respuestas.csv   (N respondents W0000001…, for benchmarks)"""
import csv, random, sys

rng = random.Random(20261130)
if sys.argv[1] == "--synthetic":
    ids = [f"W{i:07d}" for i in range(1, int(sys.argv[2]) + 1)]
else:
    ids = [row["id_afiliado"] for row in csv.DictReader(open(sys.argv[1], encoding="utf-8")) if row["reserva"] == "0"][7::14][:60]
columns = ["id_afiliado", "_modo", "_inicio", "_fin", "consentimiento", "servicio", "usos", "nps", "nps_razon", "csat",
           "atributos_amabilidad", "atributos_espera", "atributos_informacion", "atributos_sedes"] + \
          [f"razones_{c}" for c in range(1, 8)] + ["mejora", "contacto"]
reasons_text = ["Me atendieron rápido", "El personal fue amable", "Tuve que esperar mucho", "No me resolvieron", "Buena información"]
improvements = ["Más horarios de atención", "Menos filas en la sede", "Responder el teléfono", "Explicar mejor los requisitos"]
out = csv.writer(sys.stdout, lineterminator="\n")
out.writerow(columns)
for i, affiliate in enumerate(ids):
    row = dict.fromkeys(columns, "")
    row.update(id_afiliado=affiliate, _modo="web", _inicio=f"2026-12-0{1 + i % 5}T{9 + i % 9:02d}:{i % 60:02d}:00-05:00")
    row["_fin"] = row["_inicio"][:11] + f"{9 + i % 9:02d}:{i % 60:02d}:00-05:00".replace(f"{9 + i % 9:02d}:", f"{10 + i % 9:02d}:", 1)
    if i % 20 == 7:
        row["consentimiento"] = 2
        out.writerow([row[c] for c in columns]); continue
    row["consentimiento"] = 1
    service = rng.choice([1, 2, 2, 3, 4, 5, 6, 6, 98]) if i % 13 else 98
    row["servicio"] = service
    row["usos"] = rng.randint(1, 12)
    nps = rng.choice([10, 10, 9, 9, 9, 8, 8, 7, 6, 5, 3, 0, 98])
    row["nps"] = nps
    if nps < 98 and rng.random() < 0.8:
        row["nps_razon"] = rng.choice(reasons_text)
    csat = rng.choice([5, 5, 4, 4, 4, 3, 2, 1, 99])
    row["csat"] = csat
    for r in ["amabilidad", "espera", "informacion"]:
        row[f"atributos_{r}"] = rng.choice([5, 4, 4, 3, 2, 98])
    if service in (2, 3, 6):
        row["atributos_sedes"] = rng.choice([5, 4, 3])
    if csat in (1, 2, 3):
        chosen = [7] if rng.random() < 0.15 else rng.sample(range(1, 7), rng.randint(1, 3))
        for c in range(1, 8):
            row[f"razones_{c}"] = 1 if c in chosen else 0
    if csat in (1, 2) or nps <= 6:
        if rng.random() < 0.7:
            row["mejora"] = rng.choice(improvements)
            row["contacto"] = rng.choice([1, 2])
    out.writerow([row[c] for c in columns])
