#!/usr/bin/env python3
"""The peers of `sondeo analyze regress --simple` with 12 terms: pandas reads the file, drops incomplete rows,
codes the categories (treatment coding) and fits by numpy's lstsq (`lstsq`), or statsmodels' OLS with its
standard errors (`statsmodels`). Prints seconds (imports excluded) and peak MiB.
Usage: python_regress.py FILE lstsq|statsmodels"""
import resource
import sys
import time

import numpy as np
import pandas as pd

numeric = ["amabilidad", "tiempo_espera", "claridad_info", "instalaciones", "precio", "edad", "nps", "csat"]
categorical = ["canal", "servicio", "sexo", "categoria"]
if sys.argv[2] == "statsmodels":
    import statsmodels.formula.api as smf
start = time.perf_counter()
d = pd.read_csv(sys.argv[1])
if sys.argv[2] == "lstsq":
    d = d.dropna(subset=["satisf_general"] + numeric + categorical)
    x = pd.get_dummies(d[numeric + categorical], columns=categorical, drop_first=True, dtype=float)
    x.insert(0, "const", 1.0)
    beta, rss, rank, _ = np.linalg.lstsq(x.to_numpy(), d["satisf_general"].to_numpy(float), rcond=None)
else:
    fit = smf.ols("satisf_general ~ " + " + ".join(numeric + categorical), data=d).fit()
    _ = fit.bse
elapsed = time.perf_counter() - start
print(f"{elapsed:.3f} {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f}")
