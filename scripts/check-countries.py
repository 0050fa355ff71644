#!/usr/bin/env python3
"""Compares the COW numbers and abbreviations of data/countries.tsv with R countrycode's codelist.

The codelist comes with the PyPI package `countrycode` (GPL-3.0; only compared, never copied):
  pip download --no-deps countrycode==0.6.0 -d /tmp/cc && cd /tmp/cc && python3 -m zipfile -e *.whl x
Usage: python3 scripts/check-countries.py /tmp/cc/x/countrycode/data/codelist.pickle
Prints every difference and every COW state the table lacks; exits 1 when a code differs.
"""
import csv
import pickle
import sys

# Where the table departs from countrycode on purpose (see data/README.md).
KNOWN = {
    "SRB": "COW's 345 (Yugoslavia) continues as Serbia; countrycode leaves Serbia without a COW code",
    "VAT": "countrycode gives the Holy See COW's Papal States (327, to 1870); the table keeps 327 as its own row",
}


def text(x):
    if x is None or (isinstance(x, float) and x != x):
        return ""
    return str(int(x)) if isinstance(x, float) else str(x)


def main(path):
    cols = pickle.load(open(path, "rb"))
    rows = [{k: text(cols[k][i]) for k in ("iso3c", "wb", "cowc", "cown", "cow.name")}
            for i in range(len(cols["iso3c"]))]
    by_iso = {r["iso3c"] or r["wb"]: r for r in rows if r["iso3c"] or r["wb"]}
    by_cown = {r["cown"]: r for r in rows if r["cown"]}
    ours = list(csv.DictReader(open("data/countries.tsv", encoding="utf-8"), delimiter="\t"))
    bad = 0
    for o in ours:
        theirs = by_iso.get(o["iso3"]) if o["iso3"] else by_cown.get(o["cow"])
        if theirs is None:
            if o["cow"]:
                print(f"not in the codelist: COW {o['cow']} {o['cowc']} ({o['names'].split('|')[0]})")
            continue
        if (theirs["cown"], theirs["cowc"]) != (o["cow"], o["cowc"]):
            why = KNOWN.get(o["iso3"])
            print(f"{'known' if why else 'DIFFERS'}: {o['iso3'] or o['cowc']} table {o['cow']} {o['cowc']}, "
                  f"codelist {theirs['cown']} {theirs['cowc']}" + (f" ({why})" if why else ""))
            bad += why is None
    have = {o["cow"] for o in ours}
    for code, r in sorted(by_cown.items(), key=lambda kv: int(kv[0])):
        if code not in have:
            print(f"missing: COW {code} {r['cowc']} {r['cow.name']}")
            bad += 1
    print(f"{len(ours)} rows; {bad} unexplained differences")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
