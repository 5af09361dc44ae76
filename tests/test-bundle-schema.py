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

    # an attachment, as an export writes it: valid; Sportello takes it too
    import base64
    import hashlib
    payload = bytes(range(256)) + b"\0\0"
    attached = copy.deepcopy(doc)
    attached["attachments"] = [{
        "uuid": "0b6c3f5e-8f7a-4c1e-9a51-6d2f3b4a5c6d",
        "created_at": doc["clients"][0]["created_at"], "updated_at": doc["clients"][0]["updated_at"],
        "origin_consultant": "", "origin_hub": "", "client_uuid": doc["clients"][0]["uuid"],
        "name": "visura.pdf", "media_type": "application/pdf", "size": len(payload),
        "sha256": hashlib.sha256(payload).hexdigest(), "content": base64.b64encode(payload).decode(),
    }]
    errors = list(validator.iter_errors(attached))
    check("an attachment with its bytes is valid", not errors, "\n".join(e.message for e in errors[:5]))
    good = os.path.join(tmp, "attached.sportello")
    with open(good, "w", encoding="utf-8") as f:
        json.dump(attached, f)
    r = subprocess.run([exe, "--validate", good], capture_output=True, text=True, env=env)
    check("… and Sportello takes it", r.returncode == 0, r.stdout + r.stderr)
    for member, value, what in (("sha256", "ABC", "a hash that is no SHA-256"),
                                ("content", "not base64!", "content that is not base64"),
                                ("size", -1, "a negative size")):
        broken = copy.deepcopy(attached)
        broken["attachments"][0][member] = value
        check(f"the schema catches {what}", any(True for _ in validator.iter_errors(broken)))
    # what only Sportello can see: the bytes are not those the hash names
    broken = copy.deepcopy(attached)
    broken["attachments"][0]["sha256"] = hashlib.sha256(b"other").hexdigest()
    with open(bad_hash := os.path.join(tmp, "bad-hash.sportello"), "w", encoding="utf-8") as f:
        json.dump(broken, f)
    r = subprocess.run([exe, "--validate", bad_hash], capture_output=True, text=True, env=env)
    check("Sportello refuses bytes that do not match their SHA-256 (exit 65)",
          r.returncode == 65 and "$.attachments[0].content" in r.stdout + r.stderr, r.stdout + r.stderr)

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
