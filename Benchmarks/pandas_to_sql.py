#!/usr/bin/env python3
"""The peer of `sondeo responses import` and `export`: pandas.read_csv + DataFrame.to_sql into SQLite,
then read_sql + to_csv (no validation against the questionnaire, one wide table).
Usage: pandas_to_sql.py RESPUESTAS.csv STORE.sqlite OUT.csv
Prints import seconds, export seconds and the process's peak memory in MiB (pandas' import excluded)."""
import resource
import sqlite3
import sys
import time

import pandas as pd

start = time.perf_counter()
frame = pd.read_csv(sys.argv[1], dtype={"id_afiliado": str})
with sqlite3.connect(sys.argv[2]) as connection:
    frame.to_sql("respuestas", connection, if_exists="replace", index=False, chunksize=10_000)
loaded = time.perf_counter()
with sqlite3.connect(sys.argv[2]) as connection:
    pd.read_sql("SELECT * FROM respuestas", connection).to_csv(sys.argv[3], index=False)
done = time.perf_counter()
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"{loaded - start:.3f} {done - loaded:.3f} {peak:.0f}")
