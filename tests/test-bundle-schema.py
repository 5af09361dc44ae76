#!/usr/bin/env python3
"""Real exports validate against data/sportello-bundle.schema.json, checked
with an independent validator (python3-jsonschema), and broken ones do not."""
import copy
import json
import os
import subprocess
import sys
import tempfile

import jsonschema

exe, schema_path = sys.argv[1], sys.argv[2]
failures = 0
count = 0


def check(name, cond, detail=""):
    global failures, count
    count += 1
    print(("ok" if cond else "not ok") + f" {count} - {name}")
    if not cond:
        failures += 1
        for line in str(detail).splitlines()[:20]:
            print(f"# {line}")


with open(schema_path, encoding="utf-8") as f:
    schema = json.load(f)
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
check("the schema is a valid draft 2020-12 schema", True)

with tempfile.TemporaryDirectory() as tmp:
    env = dict(os.environ, SOURCE_DATE_EPOCH="1764072000")
    data = os.path.join(tmp, "data")
    bundle = os.path.join(tmp, "all.sportello")
    r = subprocess.run([exe, "--data-dir", data, "--demo", "120"], capture_output=True, text=True, env=env)
    check("demo data", r.returncode == 0, r.stderr)
    r = subprocess.run([exe, "--data-dir", data, "--export", bundle], capture_output=True, text=True, env=env)
    check("export exits 0", r.returncode == 0, r.stderr)

    with open(bundle, encoding="utf-8") as f:
        doc = json.load(f)
    errors = list(validator.iter_errors(doc))
    check("a real export is valid", not errors, "\n".join(e.message for e in errors[:5]))
    check("it has every kind of record",
          all(len(doc[k]) > 0 for k in ("clients", "contacts", "meetings", "follow_ups", "checklists", "assessments")),
          {k: len(doc[k]) for k in ("clients", "contacts", "meetings", "follow_ups", "checklists", "assessments")})
    check("records sorted by UUID",
          all(doc[k] == sorted(doc[k], key=lambda r: r["uuid"])
              for k in ("clients", "contacts", "meetings", "follow_ups", "checklists", "assessments")))

    check("it has events and registrations, some with no contact",
          len(doc.get("events", [])) >= 6 and len(doc.get("registrations", [])) > 0
          and any(r["contact_uuid"] is None for r in doc["registrations"])
          and len({r["status"] for r in doc["registrations"]}) == 5,
          {k: len(doc.get(k, [])) for k in ("events", "registrations")})
    broken = copy.deepcopy(doc)
    broken["registrations"][0]["status"] = "maybe"
    check("the schema catches a registration's unknown status", any(True for _ in validator.iter_errors(broken)))

    broken = copy.deepcopy(doc)
    del broken["clients"][0]["uuid"]
    check("the schema catches a missing UUID", any(True for _ in validator.iter_errors(broken)))
    broken = copy.deepcopy(doc)
    broken["clients"][0]["employees"] = "tre"
    check("the schema catches a wrong type", any(True for _ in validator.iter_errors(broken)))

    # what the schema and Sportello's own checks agree on
    bad = os.path.join(tmp, "bad.sportello")
    broken = copy.deepcopy(doc)
    broken["clients"][2]["vat_number"] = broken["clients"][2]["vat_number"][:10] + str((int(broken["clients"][2]["vat_number"][10]) + 1) % 10) if broken["clients"][2]["vat_number"] else "00743110158"
    with open(bad, "w", encoding="utf-8") as f:
        json.dump(broken, f)
    r = subprocess.run([exe, "--validate", bad], capture_output=True, text=True, env=env)
    check("--validate refuses a wrong check digit with exit 65", r.returncode == 65, f"{r.returncode} {r.stderr}")
    check("… naming the JSON path", "$.clients[2].vat_number" in r.stderr, r.stderr)

    # grant calls and applications (issue 15)
    check("grant calls and applications travel",
          len(doc.get("grant_calls", [])) >= 8 and len(doc.get("grant_applications", [])) > 0,
          {k: len(doc.get(k, [])) for k in ("grant_calls", "grant_applications")})
    check("… in every status",
          {a["status"] for a in doc["grant_applications"]} ==
          {"interested", "preparing", "submitted", "admitted", "funded", "rejected", "withdrawn"},
          sorted({a["status"] for a in doc["grant_applications"]}))
    broken = copy.deepcopy(doc)
    broken["grant_applications"][0]["status"] = "vinta"
    check("the schema catches an unknown application status", any(True for _ in validator.iter_errors(broken)))
    with open(bad, "w", encoding="utf-8") as f:
        json.dump(broken, f)
    r = subprocess.run([exe, "--validate", bad], capture_output=True, text=True, env=env)
    check("--validate refuses it with exit 65 and its JSON path",
          r.returncode == 65 and "$.grant_applications[0].status" in r.stderr, f"{r.returncode} {r.stderr}")
    broken = copy.deepcopy(doc)
    broken["grant_calls"][0]["ateco_sections"] = "C,Z"
    check("the schema catches an unknown ATECO section", any(True for _ in validator.iter_errors(broken)))

    templates = os.path.join(tmp, "templates.sportello")
    r = subprocess.run([exe, "--data-dir", data, "--export", templates, "--templates-only"],
                       capture_output=True, text=True, env=env)
    with open(templates, encoding="utf-8") as f:
        tdoc = json.load(f)
    check("--templates-only carries every call and no client",
          r.returncode == 0 and len(tdoc["grant_calls"]) == len(doc["grant_calls"]) and not tdoc["clients"]
          and not tdoc["grant_applications"] and not list(validator.iter_errors(tdoc)), r.stderr)

print(f"1..{count}")
sys.exit(1 if failures else 0)
