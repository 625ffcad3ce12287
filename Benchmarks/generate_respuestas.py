#!/usr/bin/env python3
"""Writes N survey responses shaped like Examples/data/respuestas.csv after `sondeo sample draw`:
estrato (A/B/C), peso = N_h/n_h, N_estrato, a 30-level domain (`dominio`), canal, servicio, csat 1–5
(some empty), nps 0–10.

    python3 Benchmarks/generate_respuestas.py 1000000 Benchmarks/data/respuestas_1000000.csv"""
import argparse
import numpy as np


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("rows", type=int)
    parser.add_argument("out")
    parser.add_argument("--seed", type=int, default=2)
    args = parser.parse_args()
    n, rng = args.rows, np.random.default_rng(args.seed)
    shares = {"A": 0.47, "B": 0.29, "C": 0.24}
    # The base's strata scaled up so that every stratum's sample stays below its population (a thousand
    # times up to a million responses, as before; ten thousand times for ten million).
    scale = 1000 * max(1, n // 1_000_000)
    population = {"A": 14_010 * scale, "B": 3_968 * scale, "C": 2_022 * scale}
    estrato = np.array(list(shares))[rng.choice(3, size=n, p=list(shares.values()))]
    counts = {s: int((estrato == s).sum()) for s in shares}
    peso = np.array([population[s] / counts[s] for s in estrato])
    big_n = np.array([population[s] for s in estrato])
    dominio = np.array([f"D{d:02d}" for d in range(1, 31)])[rng.integers(0, 30, n)]
    canal = np.array(["telefono", "web", "presencial"])[rng.choice(3, size=n, p=[0.26, 0.42, 0.32])]
    servicio = np.array(["salud", "educacion", "recreacion", "vivienda", "credito", "subsidio"])[rng.integers(0, 6, n)]
    csat = rng.choice(5, size=n, p=[0.05, 0.1, 0.2, 0.4, 0.25]) + 1
    csat_text = np.where(rng.random(n) < 0.03, "", csat.astype(str))
    nps = rng.choice(11, size=n, p=[0.03, 0.02, 0.03, 0.04, 0.04, 0.06, 0.06, 0.12, 0.18, 0.2, 0.22])
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("id,estrato,peso,N_estrato,dominio,canal,servicio,csat,nps\n")
        for s in range(0, n, 100_000):
            e = min(n, s + 100_000)
            f.write("\n".join(f"R{i:07d},{estrato[i]},{float(peso[i])!r},{big_n[i]},{dominio[i]},{canal[i]},{servicio[i]},{csat_text[i]},{nps[i]}"
                              for i in range(s, e)) + "\n")


if __name__ == "__main__":
    main()
