#!/usr/bin/env python3
"""Writes N responses for the regression benchmark by resampling the rows of Examples/data/respuestas.csv
(with replacement, seed 3): the same columns and missing values, csat's 99 (NS/NR) left empty, and the
design scaled so that the weights add up to the population and N_estrato stays above n per stratum.

    python3 Benchmarks/generate_regresion.py 1000000 Benchmarks/data/regresion_1000000.csv"""
import csv
import random
import sys

rows, out = int(sys.argv[1]), sys.argv[2]
source = list(csv.DictReader(open("Examples/data/respuestas.csv", encoding="utf-8")))
columns = ["categoria", "peso", "N_estrato", "sexo", "edad", "canal", "servicio", "nps", "csat", "satisf_general",
           "amabilidad", "tiempo_espera", "claridad_info", "instalaciones", "precio", "recomendaria"]
rng = random.Random(3)
picked = [source[rng.randrange(len(source))] for _ in range(rows)]
counts = {}
for row in picked:
    counts[row["categoria"]] = counts.get(row["categoria"], 0) + 1
population = {row["categoria"]: int(row["N_estrato"]) * 1000 for row in source}
with open(out, "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(columns)
    for row in picked:
        h = row["categoria"]
        values = dict(row, peso=repr(population[h] / counts[h]), N_estrato=population[h], csat="" if row["csat"] == "99" else row["csat"])
        w.writerow([values[c] for c in columns])
