#!/usr/bin/env python3
"""The polars and DuckDB peers of Sondeo's data jobs, each doing what the Sondeo command does:

    polars_duckdb.py ENGINE JOB FILE [OUT]     ENGINE: polars | duckdb
    JOB: inspect  read the base; per column count, missing, distinct, mean/sd/min/max of numbers
         segment  categoria A, usa_subsidio 1, edad < 35, grouped by municipio: n, mean edad and salario,
                  and the share of the municipio's affiliates (penetración)
         draw     10 % of each categoria, at random, written to OUT with the weight N_h / n_h
         rake     (FILE = responses, OUT = frame) not here: pandas + numpy does it (python_rake.py)

Prints the seconds of the job (import excluded) and the process's peak MiB, as the other peers do.
Both engines use every core they find; Sondeo's figures come from the same machine."""
import resource
import sys
import time

engine, job, path = sys.argv[1], sys.argv[2], sys.argv[3]
out = sys.argv[4] if len(sys.argv) > 4 else None
SEGMENT = "categoria = 'A' AND usa_subsidio = 1 AND edad < 35"

if engine == "polars":
    import polars as pl
    start = time.perf_counter()
    if job == "inspect":
        frame = pl.read_csv(path, schema_overrides={"id_afiliado": pl.Utf8})
        summary = frame.describe()
        distinct = frame.select(pl.all().n_unique())
    elif job == "segment":
        scan = pl.scan_csv(path, schema_overrides={"id_afiliado": pl.Utf8})
        seg = (scan.filter((pl.col("categoria") == "A") & (pl.col("usa_subsidio") == 1) & (pl.col("edad") < 35))
               .group_by("municipio").agg(pl.len().alias("n"), pl.col("edad").mean(), pl.col("salario_smmlv").mean()))
        base = scan.group_by("municipio").agg(pl.len().alias("N"))
        result = seg.join(base, on="municipio").with_columns((pl.col("n") / pl.col("N")).alias("penetracion"))
        result.collect()
    elif job == "draw":
        frame = pl.read_csv(path, schema_overrides={"id_afiliado": pl.Utf8})
        sample = frame.filter(pl.int_range(pl.len()).shuffle(seed=20261129).over("categoria")
                              < (pl.len().over("categoria") * 0.1).round())
        sizes = frame.group_by("categoria").agg(pl.len().alias("N"))
        taken = sample.group_by("categoria").agg(pl.len().alias("n"))
        sample = sample.join(sizes, on="categoria").join(taken, on="categoria").with_columns(
            (pl.col("N") / pl.col("n")).alias("peso")).drop("N", "n")
        sample.write_csv(out)
    else:
        sys.exit(f"polars: trabajo desconocido {job}")
elif engine == "duckdb":
    import duckdb
    con = duckdb.connect()
    start = time.perf_counter()
    source = f"read_csv('{path}', types={{'id_afiliado': 'VARCHAR'}})"
    if job == "inspect":
        con.sql(f"SUMMARIZE SELECT * FROM {source}").fetchall()
    elif job == "segment":
        con.sql(f"""WITH base AS (SELECT * FROM {source}),
                    seg AS (SELECT municipio, count(*) n, avg(edad) edad, avg(salario_smmlv) salario FROM base
                            WHERE {SEGMENT} GROUP BY municipio),
                    tot AS (SELECT municipio, count(*) total FROM base GROUP BY municipio)
                    SELECT seg.*, n / total AS penetracion FROM seg JOIN tot USING (municipio)""").fetchall()
    elif job == "draw":
        con.sql("SELECT setseed(0.2026)")
        con.sql(f"""COPY (WITH shuffled AS (SELECT *, random() u FROM {source}),
                          base AS (SELECT *, row_number() OVER (PARTITION BY categoria ORDER BY u) r,
                                          count(*) OVER (PARTITION BY categoria) total FROM shuffled),
                          s AS (SELECT * FROM base WHERE r <= round(total * 0.1))
                     SELECT * EXCLUDE (u, r, total), total / count(*) OVER (PARTITION BY categoria) AS peso FROM s)
                     TO '{out}' (HEADER)""")
    else:
        sys.exit(f"duckdb: trabajo desconocido {job}")
else:
    sys.exit(f"motor desconocido {engine}")
elapsed = time.perf_counter() - start
print(f"{elapsed:.3f} {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f}")
