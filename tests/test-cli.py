#!/usr/bin/env python3
"""The command line of the sportello binary, without a display."""
import json
import os
import subprocess
import sys
import tempfile
import uuid

exe = sys.argv[1]
failures = 0
count = 0


def run(*args, env_extra=None):
    env = dict(os.environ)
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    if env_extra:
        env.update(env_extra)
    return subprocess.run([exe, *args], capture_output=True, text=True, env=env, timeout=60)


def check(name, cond, detail=""):
    global failures, count
    count += 1
    if cond:
        print(f"ok {count} - {name}")
    else:
        failures += 1
        print(f"not ok {count} - {name}")
        for line in str(detail).splitlines():
            print(f"# {line}")


r = run("--version")
check("--version exits 0", r.returncode == 0, r.stderr)
check("--version prints name and version", r.stdout.startswith("Sportello "), r.stdout)

r = run("--help")
check("--help exits 0", r.returncode == 0, r.stderr)
check("--help lists --data-dir", "--data-dir" in r.stdout, r.stdout)

r = run("--help", env_extra={"LANGUAGE": "it", "LANG": "it_IT.UTF-8", "LC_ALL": "it_IT.UTF-8"})
check("--help in Italian", "Mostra la versione" in r.stdout, r.stdout)

r = run("--no-such-option")
check("unknown option exits 64", r.returncode == 64, f"{r.returncode} {r.stderr}")
check("unknown option is named", "--no-such-option" in r.stderr, r.stderr)

r = run("--data-dir")
check("--data-dir without value exits 64", r.returncode == 64, f"{r.returncode} {r.stderr}")

r = run("--", "-weird")
check("stray dash argument exits 64", r.returncode == 64, f"{r.returncode} {r.stderr}")

with tempfile.TemporaryDirectory() as tmp:
    a = os.path.join(tmp, "a")
    b = os.path.join(tmp, "b")
    bundle = os.path.join(tmp, "dossier.sportello")

    r = run("--data-dir", a, "--demo", "25")
    check("--demo exits 0", r.returncode == 0, r.stderr)
    r = run("--data-dir", a, "--demo", "-3")
    check("--demo with a negative number exits 64", r.returncode == 64, r.returncode)

    r = run("--data-dir", a, "--export", bundle)
    check("--export exits 0", r.returncode == 0, r.stderr)
    check("… and leaves no temporary file next to it", sorted(os.listdir(tmp)) == ["a", "dossier.sportello"],
          os.listdir(tmp))

    only = os.path.join(tmp, "modelli.sportello")
    r = run("--data-dir", a, "--export", only, "--templates-only")
    with open(only, encoding="utf-8") as f:
        exported = json.load(f)
    check("--templates-only: checklists, no client", r.returncode == 0 and exported["clients"] == []
          and len(exported["checklists"]) >= 1 and "templates" in exported, r.stderr)
    os.remove(only)
    r = run("--data-dir", a, "--templates-only")
    check("--templates-only without --export exits 64", r.returncode == 64, r.returncode)

    r = run("--validate", bundle)
    check("--validate a good bundle exits 0", r.returncode == 0 and "25" in r.stdout, r.stdout + r.stderr)

    os.makedirs(b)
    r = run("--data-dir", b, "--import", bundle, "--dry-run")
    check("--dry-run exits 0 and previews", r.returncode == 0 and "25" in r.stdout, r.stdout + r.stderr)
    r = run("--data-dir", b, "--export", os.path.join(tmp, "empty.sportello"))
    with open(os.path.join(tmp, "empty.sportello"), encoding="utf-8") as f:
        check("--dry-run changed nothing", '"clients": []' in f.read())

    r = run("--data-dir", b, "--import", bundle, "--on-conflict", "theirs")
    check("--import exits 0", r.returncode == 0, r.stderr)
    r = run("--data-dir", b, "--import", bundle)
    check("importing twice: nothing new",
          r.returncode == 0 and len(r.stdout.splitlines()) == 10 and
          all(line.split(":")[1].split()[0] == "0" for line in r.stdout.splitlines()), r.stdout)

    # a colleague's client with a VAT number of ours: a duplicate, merged on request
    with open(bundle, encoding="utf-8") as f:
        data = json.load(f)
    twin = next(c for c in data["clients"] if c["vat_number"])
    old_uuid, twin["uuid"] = twin["uuid"], str(uuid.uuid4())
    moved = {}
    for kind in ("contacts", "meetings", "assessments", "documents"):
        for record in data[kind]:
            if record["client_uuid"] == old_uuid:
                new_uuid = str(uuid.uuid4())
                if kind == "meetings":
                    moved[record["uuid"]] = new_uuid
                record["client_uuid"], record["uuid"] = twin["uuid"], new_uuid
    for record in data["follow_ups"]:
        if record["meeting_uuid"] in moved:
            record["meeting_uuid"], record["uuid"] = moved[record["meeting_uuid"]], str(uuid.uuid4())
    dup = os.path.join(tmp, "gemello.sportello")
    with open(dup, "w", encoding="utf-8") as f:
        json.dump(data, f)
    r = run("--data-dir", b, "--import", dup, "--dry-run")
    check("a client with our VAT number is a possible duplicate",
          r.returncode == 0 and r.stdout.splitlines()[0].split(",")[4].split()[0] == "1"
          and "--merge-duplicates" in r.stderr, r.stdout + r.stderr)
    r = run("--data-dir", b, "--import", dup, "--merge-duplicates")
    check("--merge-duplicates names the merge", r.returncode == 0 and twin["name"] in r.stdout, r.stdout + r.stderr)
    after = os.path.join(tmp, "dopo.sportello")
    run("--data-dir", b, "--export", after)
    with open(after, encoding="utf-8") as f:
        merged = json.load(f)
    check("… no second client, its meetings joined ours",
          len(merged["clients"]) == 25 and len(moved) > 0 and
          sum(m["client_uuid"] == old_uuid for m in merged["meetings"] if m["uuid"] in moved.values()) == len(moved),
          f'{len(merged["clients"])} clients, {len(moved)} moved')
    r = run("--data-dir", b, "--merge-duplicates")
    check("--merge-duplicates without --import exits 64", r.returncode == 64, r.returncode)

    r = run("--data-dir", b, "--import", bundle, "--on-conflict", "mine")
    check("a bad --on-conflict exits 64", r.returncode == 64, r.returncode)
    r = run("--dry-run")
    check("--dry-run alone exits 64", r.returncode == 64, r.returncode)
    r = run("--export", bundle, "--import", bundle)
    check("two jobs at once exit 64", r.returncode == 64, r.returncode)

    not_json = os.path.join(tmp, "note.sportello")
    with open(not_json, "w") as f:
        f.write("appunti, non JSON")
    r = run("--validate", not_json)
    check("--validate of a non-JSON file exits 65", r.returncode == 65, f"{r.returncode} {r.stderr}")
    r = run("--data-dir", b, "--import", not_json)
    check("--import of a non-JSON file exits 65", r.returncode == 65, f"{r.returncode} {r.stderr}")

    r = run("--validate", os.path.join(tmp, "missing.sportello"))
    check("--validate of a missing file exits 74", r.returncode == 74, f"{r.returncode} {r.stderr}")
    r = run("--data-dir", a, "--export", os.path.join(tmp, "no-such-dir", "x.sportello"))
    check("--export into a missing folder exits 74", r.returncode == 74, f"{r.returncode} {r.stderr}")

    r = run("--validate", not_json, env_extra={"LANGUAGE": "it", "LANG": "it_IT.UTF-8", "LC_ALL": "it_IT.UTF-8"})
    check("errors are translated", "JSON" in r.stderr and "non" in r.stderr, r.stderr)

    not_db = os.path.join(tmp, "c")
    os.makedirs(not_db)
    with open(os.path.join(not_db, "sportello.db"), "w") as f:
        f.write("not a database, certainly not one")
    r = run("--data-dir", not_db, "--demo", "1")
    check("a data folder whose database is not SQLite exits 65", r.returncode == 65, f"{r.returncode} {r.stderr}")
    with open(os.path.join(not_db, "sportello.db")) as f:
        check("… and the file is untouched", f.read() == "not a database, certainly not one")

print(f"1..{count}")
sys.exit(1 if failures else 0)
