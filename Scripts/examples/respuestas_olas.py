#!/usr/bin/env python3
"""Writes Examples/data/respuestas_olas.csv: the example survey as two waves stacked (column `ola`):
2026-1 is respuestas.csv as it is; in 2026-2 every fifth answer is two points higher on the 0–10
recommendation and one point higher on CSAT (capped at the scale's top). `estrato_ola` is the wave
and category together, so that each wave is its own stratified sample.

    python3 Scripts/examples/respuestas_olas.py"""
import csv

rows = list(csv.DictReader(open("Examples/data/respuestas.csv", encoding="utf-8")))
fields = ["ola"] + list(rows[0].keys()) + ["estrato_ola"]
with open("Examples/data/respuestas_olas.csv", "w", encoding="utf-8", newline="") as f:
    w = csv.DictWriter(f, fieldnames=fields)
    w.writeheader()
    for wave in ("2026-1", "2026-2"):
        for i, r in enumerate(rows):
            r = dict(r)
            if wave == "2026-2":
                if i % 5 == 0:
                    r["nps"] = str(min(10, int(r["nps"]) + 2))
                    if r["csat"] not in ("", "99"):
                        r["csat"] = str(min(5, int(r["csat"]) + 1))
                r["id_afiliado"] = r["id_afiliado"] + "-2"
            r["ola"] = wave
            r["estrato_ola"] = wave + " " + r["categoria"]
            w.writerow(r)
