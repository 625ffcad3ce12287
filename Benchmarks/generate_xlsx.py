#!/usr/bin/env python3
"""A workbook as Excel saves one: the first N rows of the affiliate base (shared strings, numbers,
dates as serials with a date format), written by openpyxl. Usage: generate_xlsx.py BASE.csv N OUT.xlsx"""
import csv
import datetime
import sys

import openpyxl

base, rows, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
book = openpyxl.Workbook(write_only=True)
sheet = book.create_sheet("Afiliados")
with open(base, encoding="utf-8") as handle:
    reader = csv.reader(handle)
    header = next(reader)
    sheet.append(header)
    for k, row in enumerate(reader):
        if k >= rows:
            break
        cells = []
        for name, value in zip(header, row):
            if value == "":
                cells.append(None)
            elif name.startswith("fecha"):
                cells.append(datetime.date.fromisoformat(value))
            elif name in ("id_afiliado",) or not value.replace(".", "", 1).lstrip("-").isdigit():
                cells.append(value)
            else:
                cells.append(float(value) if "." in value else int(value))
        sheet.append(cells)
book.save(out)
