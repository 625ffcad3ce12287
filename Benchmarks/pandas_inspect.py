#!/usr/bin/env python3
"""The peer of `sondeo data inspect`: pandas.read_csv + describe(include="all") on the same file.
Prints seconds for read+describe (import excluded) and the process's peak memory in MiB."""
import resource
import sys
import time

import pandas as pd

start = time.perf_counter()
frame = pd.read_csv(sys.argv[1], dtype={"id_afiliado": str})
summary = frame.describe(include="all")
missing = frame.isna().sum()
elapsed = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"{elapsed:.3f} {peak:.0f}")
