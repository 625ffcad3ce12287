#!/usr/bin/env python3
"""Adds primary sampling units to a responses file of generate_respuestas.py: `upm`, 3,000 clusters
nested in the strata (rows of a stratum dealt to its clusters at random), and `grupo`, the cluster's
random group of 100 for a grouped jackknife (JK1 over groups).

    python3 Benchmarks/add_clusters.py IN.csv OUT.csv"""
import sys
import numpy as np
import pandas as pd

def main():
    src, out = sys.argv[1], sys.argv[2]
    rng = np.random.default_rng(3)
    d = pd.read_csv(src, dtype={"csat": "string"}, keep_default_na=False)
    shares = {"A": 1410, "B": 900, "C": 690}
    upm = np.empty(len(d), dtype=object)
    grupo = np.empty(len(d), dtype=np.int64)
    for s, k in shares.items():
        rows = np.flatnonzero(d["estrato"].to_numpy() == s)
        cluster = rng.integers(0, k, len(rows))
        groups = rng.integers(1, 101, k)
        upm[rows] = [f"{s}{c:04d}" for c in cluster]
        grupo[rows] = groups[cluster]
    d["upm"] = upm
    d["grupo"] = grupo
    d.to_csv(out, index=False)

if __name__ == "__main__":
    main()
