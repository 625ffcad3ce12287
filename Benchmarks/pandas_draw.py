#!/usr/bin/env python3
"""The peer of `sondeo sample draw … --strata categoria` for a 10 % proportional sample: pandas reads the
frame, samples 10 % within each category and writes the sample with its weight N_h/n_h.
Prints the seconds for the whole job (import excluded) and the peak memory in MiB."""
import resource
import sys
import time

import pandas as pd

start = time.perf_counter()
frame = pd.read_csv(sys.argv[1], dtype={"id_afiliado": str})
sample = frame.groupby("categoria", group_keys=False).sample(frac=0.1, random_state=20261129)
sizes = frame["categoria"].value_counts()
sample["peso"] = sample["categoria"].map(sizes) / sample["categoria"].map(sample["categoria"].value_counts())
sample.to_csv(sys.argv[2], index=False)
elapsed = time.perf_counter() - start
print(f"{elapsed:.3f} {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f}")
