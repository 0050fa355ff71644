"""Reads Entente's CSV exports with Python's csv module, as a spreadsheet's import would, and
fails if any cell would start a formula: after white space a spreadsheet may trim, a cell must not
begin with =, +, -, @, tab or carriage return unless the whole cell is a plain decimal number.
Prints every file's rows as JSON ({path: [[cell, ...], ...]}) for the Rust test to compare.

Usage: python3 csv_reads.py FILE.csv [FILE.csv ...]
"""
import csv
import json
import re
import sys

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?")

rows_of = {}
bad = []
for path in sys.argv[1:]:
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    rows_of[path] = rows
    for line, row in enumerate(rows, start=1):
        for column, cell in enumerate(row, start=1):
            seen = cell.lstrip(" ")
            if seen.startswith(FORMULA_STARTS) and not NUMBER.fullmatch(cell):
                bad.append(f"{path}: row {line}, column {column}: {cell!r}")

if bad:
    print("cells a spreadsheet would read as formulas:", *bad, sep="\n", file=sys.stderr)
    sys.exit(1)
print(json.dumps(rows_of))
