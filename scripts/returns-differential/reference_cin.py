"""Run data-to-insight's CIN census validator (csc-validator-be-cin, a snapshot unpacked at REF) on one CIN
census XML file and print one JSON line per (rule, child) it flags; file-level findings (the header, the
whole return) as child "*". Part of the differential harness: see docs/returns-differential.md.

usage: python3 reference_cin.py REF FILE.xml [--ruleset cin2025_26]
"""

import argparse
import importlib
import json
import logging
import sys
import xml.etree.ElementTree as ET

args = argparse.ArgumentParser()
args.add_argument("ref")
args.add_argument("file")
args.add_argument("--ruleset", default="cin2025_26")
opts = args.parse_args()
logging.disable(logging.CRITICAL)
sys.path.insert(0, opts.ref)
from cin_validator import cin_validator  # noqa: E402

root = ET.parse(opts.file).getroot()
data = cin_validator.process_data(cin_validator.convert_data(root))
registry = getattr(importlib.import_module(f"cin_validator.rules.{opts.ruleset}"), "registry")
v = cin_validator.CinValidator(data, registry)
seen = set()
for _, row in v.full_issue_df.iterrows():
    key = (str(row["rule_code"]), str(row["child_id"]).strip())
    if key not in seen:
        seen.add(key)
        print("@@" + json.dumps({"rule": key[0], "child": key[1]}))
for _, row in v.multichild_issues.iterrows():
    key = (str(row["rule_code"]), "*")
    if key not in seen:
        seen.add(key)
        print("@@" + json.dumps({"rule": key[0], "child": "*"}))
