#!/usr/bin/env python3
"""Writes Examples/data/medicion_cierre.csv: a SIMULATED closing measurement of the example strategy
(Examples/estrategia_jovenes.estrategia), to show `sondeo strategy review` planned against achieved.

The segment (edad < 30 and usa_recreacion == 0 in Examples/data/afiliados.csv) is sampled as the plan
asks — 700 contacts split in proportion to categoria — and each contact answers with probability
0.42; a respondent now uses recreation with probability 0.27 and visits the sedes as before plus a
Poisson(1.4) number of times. Weights are N_h / respondents_h (the draw's weight adjusted for non-response
within the stratum). Nothing here is real data.

    python3 Scripts/examples/medicion_cierre.py"""
import csv
import math
import random

rng = random.Random(20271215)
base = [r for r in csv.DictReader(open("Examples/data/afiliados.csv", encoding="utf-8"))
        if int(r["edad"]) < 30 and r["usa_recreacion"] == "0"]
strata = {}
for r in base:
    strata.setdefault(r["categoria"], []).append(r)
total, population = 700, len(base)
exact = {h: total * len(rows) / population for h, rows in strata.items()}
sizes = {h: math.floor(x) for h, x in exact.items()}
for h in sorted(exact, key=lambda h: exact[h] - sizes[h], reverse=True)[: total - sum(sizes.values())]:
    sizes[h] += 1


def poisson(lam):
    k, p, limit = 0, 1.0, math.exp(-lam)
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


rows = []
for h in sorted(strata):
    contacted = rng.sample(strata[h], sizes[h])
    answered = [r for r in contacted if rng.random() < 0.42]
    for r in answered:
        rows.append({"id_afiliado": r["id_afiliado"], "estrato": h, "N_estrato": len(strata[h]),
                     "peso": round(len(strata[h]) / len(answered), 6),
                     "usa_recreacion": 1 if rng.random() < 0.27 else 0,
                     "visitas_12m": int(r["visitas_12m"]) + poisson(1.4)})
with open("Examples/data/medicion_cierre.csv", "w", encoding="utf-8", newline="") as f:
    w = csv.DictWriter(f, fieldnames=list(rows[0]))
    w.writeheader()
    w.writerows(rows)
print(f"{len(rows)} respuestas simuladas de {total} contactos")
