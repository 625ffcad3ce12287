#!/usr/bin/env python3
"""The peer of `sondeo cluster --columns edad,salario_smmlv,visitas_12m,personas_a_cargo --k 6 --restarts 10`:
pandas reads the base, StandardScaler, scikit-learn KMeans(n_clusters=6, n_init=10). Prints seconds
(import excluded), peak MiB and the inertia."""
import resource
import sys
import time

import pandas as pd
from sklearn.cluster import KMeans
from sklearn.preprocessing import StandardScaler

start = time.perf_counter()
d = pd.read_csv(sys.argv[1], usecols=["edad", "salario_smmlv", "visitas_12m", "personas_a_cargo"])
x = StandardScaler().fit_transform(d.dropna().values)
km = KMeans(n_clusters=6, n_init=10, random_state=0).fit(x)
elapsed = time.perf_counter() - start
print(f"{elapsed:.3f} {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f}", file=sys.stdout)
print(f"inercia scikit-learn: {km.inertia_:.1f}", file=sys.stderr)
