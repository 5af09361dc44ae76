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
    return subprocess.run([exe, *args], capture_output=True, text=True, env=env, timeout=60,
                          stdin=subprocess.DEVNULL)


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
          r.returncode == 0 and len(r.stdout.splitlines()) == 8 and
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

# backups: written, listed, restored; anything else is refused and changes nothing
with tempfile.TemporaryDirectory() as tmp:
    d = os.path.join(tmp, "dati")
    copy = os.path.join(tmp, "copia.db")
    run("--data-dir", d, "--demo", "12")

    r = run("--data-dir", d, "--backup", copy)
    check("--backup exits 0 and counts the clients", r.returncode == 0 and "12" in r.stdout, r.stdout + r.stderr)
    with open(copy, "rb") as f:
        check("… into a SQLite file", f.read(16) == b"SQLite format 3\0")
    check("… with no temporary file left", sorted(os.listdir(tmp)) == ["copia.db", "dati"], os.listdir(tmp))
    r = run("--data-dir", d, "--backup", os.path.join(tmp, "no-such-dir", "x.db"))
    check("--backup into a missing folder exits 74", r.returncode == 74, f"{r.returncode} {r.stderr}")

    r = run("--data-dir", d, "--list-backups")
    check("--list-backups with none exits 0 and lists nothing", r.returncode == 0 and r.stdout == "", r.stdout + r.stderr)

    # an import is preceded by a backup of the set
    bundle = os.path.join(tmp, "altro.sportello")
    other = os.path.join(tmp, "altro")
    run("--data-dir", other, "--demo", "3")
    run("--data-dir", other, "--export", bundle)
    r = run("--data-dir", d, "--import", bundle)
    check("--import still exits 0", r.returncode == 0, r.stderr)
    r = run("--data-dir", d, "--list-backups")
    lines = r.stdout.splitlines()
    fields = lines[0].split("\t") if lines else []
    check("--list-backups: one line per backup, date, size, clients, path",
          r.returncode == 0 and len(lines) == 1 and len(fields) == 4 and fields[2].split()[0] == "12"
          and fields[3].startswith(os.path.join(d, "backups", "sportello-")) and fields[3].endswith("-import.db")
          and os.path.exists(fields[3]), r.stdout + r.stderr)

    def clients(data_dir):
        out = os.path.join(tmp, "conta.sportello")
        run("--data-dir", data_dir, "--export", out)
        with open(out, encoding="utf-8") as f:
            n = len(json.load(f)["clients"])
        os.remove(out)
        return n

    check("15 clients after the import", clients(d) == 15, clients(d))

    r = run("--data-dir", d, "--restore", copy)
    check("--restore without --yes, not on a terminal: previews, refuses, exits 64",
          r.returncode == 64 and "12" in r.stdout and "15" in r.stdout and "--yes" in r.stderr, r.stdout + r.stderr)
    check("… and changes nothing", clients(d) == 15)

    r = run("--data-dir", d, "--restore", copy, "--yes")
    check("--restore --yes exits 0", r.returncode == 0, r.stdout + r.stderr)
    check("… the database is the backup again", clients(d) == 12, clients(d))
    r = run("--data-dir", d, "--list-backups")
    check("… and the database as it was was backed up first",
          r.returncode == 0 and any(l.endswith("-restore.db") and l.split("\t")[2].split()[0] == "15" for l in r.stdout.splitlines()),
          r.stdout)

    # on a terminal it asks, in the language of the locale
    import pty

    def run_tty(args, answer):
        master, slave = pty.openpty()
        env = dict(os.environ)
        env.pop("DISPLAY", None)
        env.pop("WAYLAND_DISPLAY", None)
        p = subprocess.Popen([exe, *args], stdin=slave, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             env=env, text=True)
        os.close(slave)
        os.write(master, answer.encode())
        out, err = p.communicate(timeout=60)
        os.close(master)
        return p.returncode, out, err

    run("--data-dir", d, "--import", bundle)
    code, out, err = run_tty(["--data-dir", d, "--restore", copy], "n\n")
    check("--restore on a terminal asks, and a no changes nothing (exit 1)",
          code == 1 and "[s/N]" in out and clients(d) == 15, f"{code} {out} {err}")
    code, out, err = run_tty(["--data-dir", d, "--restore", copy], "s\n")
    check("… and a yes (“s” in Italian) restores", code == 0 and clients(d) == 12, f"{code} {out} {err}")

    def snapshot(data_dir):
        out = {}
        for root, _, names in os.walk(data_dir):
            for name in names:
                with open(os.path.join(root, name), "rb") as f:
                    out[os.path.relpath(os.path.join(root, name), data_dir)] = f.read()
        return out

    text = os.path.join(tmp, "appunti.db")
    with open(text, "w") as f:
        f.write("appunti, non un database")
    plain = os.path.join(tmp, "semplice.db")
    import sqlite3
    con = sqlite3.connect(plain)
    con.execute("CREATE TABLE clients (name TEXT)")
    con.execute("PRAGMA user_version = 3")
    con.commit()
    con.close()
    future = os.path.join(tmp, "futuro.db")
    run("--data-dir", d, "--backup", future)
    con = sqlite3.connect(future)
    con.execute("PRAGMA user_version = 9999")
    con.commit()
    con.close()
    before = snapshot(d)
    for name, path in (("a text file", text), ("a SQLite file not of Sportello", plain),
                       ("a database of a newer Sportello", future), ("a bundle", bundle)):
        r = run("--data-dir", d, "--restore", path, "--yes")
        check(f"--restore of {name} exits 65", r.returncode == 65, f"{r.returncode} {r.stdout} {r.stderr}")
    check("… and the data folder is unchanged, backups included", snapshot(d) == before)
    r = run("--data-dir", d, "--restore", os.path.join(tmp, "manca.db"), "--yes")
    check("--restore of a missing file exits 74", r.returncode == 74, f"{r.returncode} {r.stderr}")
    r = run("--data-dir", d, "--yes")
    check("--yes without --restore exits 64", r.returncode == 64, r.returncode)
    r = run("--data-dir", d, "--backup", copy, "--list-backups")
    check("--backup with --list-backups exits 64", r.returncode == 64, r.returncode)
    r = run("--help", env_extra={"LANGUAGE": "it", "LANG": "it_IT.UTF-8", "LC_ALL": "it_IT.UTF-8"})
    check("--help names the backup options in Italian",
          "Elenca i backup automatici" in r.stdout and "--restore" in r.stdout, r.stdout)

print(f"1..{count}")
sys.exit(1 if failures else 0)
