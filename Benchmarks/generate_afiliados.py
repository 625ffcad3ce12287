#!/usr/bin/env python3
"""Writes an N-row affiliate base with the columns and dialect of Examples/data/afiliados.csv
(UTF-8, ',' delimiter, LF, ISO dates, decimal point, ~15 % empty ultima_satisfaccion).

    python3 Benchmarks/generate_afiliados.py 1000000 Benchmarks/data/afiliados_1m.csv [--seed 1]

The shares of category, municipality and sector follow the example base; the file is generated,
never committed."""
import argparse
import numpy as np

MUNICIPIOS = {
    "Manizales": 9015, "La Dorada": 1808, "Villamaría": 1500, "Chinchiná": 1397, "Riosucio": 890,
    "Anserma": 645, "Supía": 531, "Neira": 503, "Palestina": 376, "Salamina": 331, "Aguadas": 321,
    "Pensilvania": 276, "Viterbo": 257, "Manzanares": 255, "Marquetalia": 218, "Pácora": 215,
    "Aranzazu": 214, "Samaná": 212, "Filadelfia": 187, "Belalcázar": 166, "Risaralda": 145,
    "Marmato": 135, "Victoria": 102, "La Merced": 91, "Norcasia": 87, "San José": 77, "Marulanda": 46,
}
SECTORES = {"servicios": 5792, "comercio": 5147, "industria": 2595, "agropecuario": 2450,
            "público": 2228, "construcción": 1788}


def pick(rng, table, n):
    names = np.array(list(table))
    weights = np.array(list(table.values()), dtype=float)
    return names[rng.choice(len(names), size=n, p=weights / weights.sum())]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("rows", type=int)
    parser.add_argument("out")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    n, rng = args.rows, np.random.default_rng(args.seed)

    # Seven digits up to a million rows (as the example base); eight for the 10-million-row run.
    space, digits = (9_999_999, 7) if n <= 1_000_000 else (99_999_999, 8)
    ids = rng.choice(space, size=n, replace=False) + 1
    ids.sort()
    tipo = np.array(["CC", "CE", "TI", "PA"])[rng.choice(4, size=n, p=[0.948, 0.037, 0.003, 0.012])]
    sexo = np.where(rng.random(n) < 0.534, "M", "F")
    edad = np.clip(rng.normal(40, 12, n).round(), 18, 85).astype(int)
    categoria = np.array(["A", "B", "C"])[rng.choice(3, size=n, p=[0.7005, 0.1984, 0.1011])]
    salario = np.where(categoria == "A", rng.uniform(1, 2, n),
                       np.where(categoria == "B", rng.uniform(2.01, 4, n), rng.uniform(4.01, 30, n)))
    salario = np.where((categoria == "A") & (rng.random(n) < 0.45), 1.0, salario)
    municipio = pick(rng, MUNICIPIOS, n)
    zona = np.where(rng.random(n) < 0.803, "urbana", "rural")
    sector = pick(rng, SECTORES, n)
    cargo = np.clip(rng.poisson(1.3, n), 0, 6)
    usos = [(rng.random(n) < p).astype(int) for p in (0.35, 0.31, 0.49, 0.13, 0.18, 0.47)]
    visitas = np.minimum(rng.negative_binomial(1.2, 0.22, n), 72)
    satisf = rng.choice(5, size=n, p=[0.05, 0.08, 0.2, 0.4, 0.27]) + 1
    satisf_text = np.where(rng.random(n) < 0.154, "", satisf.astype(str))
    pqrsl = np.minimum(rng.poisson(0.11, n), 5)
    start, end = np.datetime64("1995-01-01"), np.datetime64("2026-10-31")
    fechas = start + rng.integers(0, (end - start).astype(int) + 1, n).astype("timedelta64[D]")

    header = ("id_afiliado,tipo_documento,sexo,edad,categoria,municipio,zona,salario_smmlv,sector_empresa,"
              "personas_a_cargo,usa_salud,usa_educacion,usa_recreacion,usa_vivienda,usa_credito,usa_subsidio,"
              "visitas_12m,ultima_satisfaccion,pqrsl_12m,fecha_afiliacion")
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        f.write(header + "\n")
        block = 100_000
        for s in range(0, n, block):
            e = min(n, s + block)
            lines = [
                f"AF{ids[i]:0{digits}d},{tipo[i]},{sexo[i]},{edad[i]},{categoria[i]},{municipio[i]},{zona[i]},"
                f"{salario[i]:.2f},{sector[i]},{cargo[i]},{usos[0][i]},{usos[1][i]},{usos[2][i]},{usos[3][i]},"
                f"{usos[4][i]},{usos[5][i]},{visitas[i]},{satisf_text[i]},{pqrsl[i]},{fechas[i]}"
                for i in range(s, e)
            ]
            f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
