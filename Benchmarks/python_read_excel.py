#!/usr/bin/env python3
"""The peers of `sondeo data inspect libro.xlsx`: pandas.read_excel (openpyxl) or polars.read_excel
(calamine), then a describe. Prints seconds (import excluded) and peak MiB. Usage: python_read_excel.py pandas|polars FILE"""
import resource
import sys
import time

which, path = sys.argv[1], sys.argv[2]
if which == "pandas":
    import pandas as pd
    start = time.perf_counter()
    frame = pd.read_excel(path, engine="openpyxl")
    frame.describe(include="all")
else:
    import polars as pl
    start = time.perf_counter()
    frame = pl.read_excel(path)
    frame.describe()
elapsed = time.perf_counter() - start
print(f"{elapsed:.3f} {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f}")
