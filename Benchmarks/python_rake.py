#!/usr/bin/env python3
"""The peer of `sondeo sample weights RESP --frame FRAME --rake sexo,zona`: pandas reads both files, takes
the frame's margins, and a plain iterative proportional fitting (numpy) rakes the responses' weights to a
relative tolerance of 1e-10; then writes them. Prints seconds (import excluded) and peak MiB."""
import resource
import sys
import time

import numpy as np
import pandas as pd

start = time.perf_counter()
responses = pd.read_csv(sys.argv[1], dtype={"id_afiliado": str})
frame = pd.read_csv(sys.argv[2], usecols=["sexo", "zona"])
margins = [(responses[c].to_numpy(), frame[c].value_counts().to_dict()) for c in ("sexo", "zona")]
w = np.ones(len(responses))
for iteration in range(100):
    for labels, targets in margins:
        for category, target in targets.items():
            cell = labels == category
            w[cell] *= target / w[cell].sum()
    gap = max(abs(w[labels == c].sum() - t) / t for labels, targets in margins for c, t in targets.items())
    if gap < 1e-10:
        break
responses["peso_final"] = w
responses.to_csv(sys.argv[3], index=False)
elapsed = time.perf_counter() - start
print(f"{elapsed:.3f} {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f}")
