#!/usr/bin/env python3
"""An independent computation of the monthly verification sample (reference `pqrsl.md` §5.2), to pin
`sondeo cases verify-sample` in Tests/SondeoCLITests/CasesCLITests.swift.

Population: the reclamos about subsidies, not from the SSF, answered in the month (after `sondeo cases import`
they are closed and wait for the draw). Sorted by radicado as UTF-8 bytes; fingerprint = SHA-256 of the
radicados joined by "\n"; k = min(100, N); SplitMix64 + Lemire's bounded integers + partial Fisher–Yates.

Usage: python3 Scripts/reference/pqrsl_sample.py Examples/data/pqrsl_octubre.csv 2026-10 20261101"""
import csv
import hashlib
import sys

MASK = (1 << 64) - 1


class SplitMix64:
    def __init__(self, seed):
        self.state = seed & MASK

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def bounded(self, n):
        # Lemire: high half of x·n; reject while the low half is below (2^64 − n) mod n.
        x = self.next()
        m = x * n
        low = m & MASK
        if low < n:
            threshold = ((1 << 64) - n) % n
            while low < threshold:
                x = self.next()
                m = x * n
                low = m & MASK
        return m >> 64


path, month, seed = sys.argv[1], sys.argv[2], int(sys.argv[3])
rows = list(csv.DictReader(open(path, encoding="utf-8")))
population = sorted((r["radicado"] for r in rows if r["tipo"] == "reclamo" and r["subsidio"] == "si" and r["desde_ssf"] == "no"
                     and r["fecha_respuesta"].startswith(month + "-")), key=lambda s: s.encode("utf-8"))
print("N", len(population))
print("sha256", hashlib.sha256("\n".join(population).encode("utf-8")).hexdigest())
k = min(100, len(population))
g = SplitMix64(seed)
a = list(range(len(population)))
for i in range(k):
    j = i + g.bounded(len(population) - i)
    a[i], a[j] = a[j], a[i]
print("selected", " ".join(population[i] for i in a[:k]))
