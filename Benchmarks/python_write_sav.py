#!/usr/bin/env python3
"""The peer of `sondeo data convert base.csv --out base.sav`: pandas.read_csv, then pyreadstat.write_sav
(ReadStat, as Sondeo). Prints seconds (import excluded) and peak MiB. Usage: python_write_sav.py BASE.csv OUT.sav"""
import resource
import sys
import time

import pandas as pd
import pyreadstat

start = time.perf_counter()
frame = pd.read_csv(sys.argv[1], dtype={"id_afiliado": str}, parse_dates=["fecha_afiliacion"])
pyreadstat.write_sav(frame, sys.argv[2])
elapsed = time.perf_counter() - start
print(f"{elapsed:.3f} {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f}")
