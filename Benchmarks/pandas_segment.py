#!/usr/bin/env python3
"""The peer of `sondeo segment --where … --by municipio --mean edad,salario_smmlv`: pandas reads the base,
filters the segment and groups it. Prints seconds (import excluded) and peak MiB."""
import resource
import sys
import time

import pandas as pd

start = time.perf_counter()
d = pd.read_csv(sys.argv[1], dtype={"id_afiliado": str})
seg = d[(d.categoria == "A") & (d.usa_subsidio == 1) & (d.edad < 35)]
g = seg.groupby("municipio").agg(n=("edad", "size"), edad=("edad", "mean"), salario=("salario_smmlv", "mean"))
base = d.groupby("municipio").size()
g["penetracion"] = g.n / base[g.index]
elapsed = time.perf_counter() - start
print(f"{elapsed:.3f} {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f}")
