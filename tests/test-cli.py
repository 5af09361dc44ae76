#!/usr/bin/env python3
"""The command line of the sportello binary, without a display."""
import hashlib
import json
import os
import resource
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid

exe = sys.argv[1]
failures = 0
count = 0


def run(*args, env_extra=None, timeout=60, stdin=subprocess.DEVNULL):
    env = dict(os.environ)
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    if env_extra:
        env.update(env_extra)
    return subprocess.run([exe, *args], capture_output=True, text=True, env=env, timeout=timeout, stdin=stdin)


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


def check_pdf_document(pdf, title=None):
    """A real document: metadata, tagged structure, and well formed."""
    info = subprocess.run(["pdfinfo", "-enc", "UTF-8", pdf], capture_output=True, text=True).stdout
    fields = dict(l.split(":", 1) for l in info.splitlines() if ":" in l)
    fields = {k: v.strip() for k, v in fields.items()}
    check(f"{os.path.basename(pdf)}: tagged", fields.get("Tagged") == "yes", info)
    check(f"{os.path.basename(pdf)}: Creator names Sportello and its version",
          fields.get("Creator", "").startswith("Sportello ") and len(fields["Creator"].split()) == 2, info)
    check(f"{os.path.basename(pdf)}: a title and a creation date",
          fields.get("Title", "") != "" and fields.get("CreationDate", "") != "" and
          (title is None or fields.get("Title") == title), info)
    q = subprocess.run(["qpdf", "--check", pdf], capture_output=True, text=True)
    check(f"{os.path.basename(pdf)}: qpdf --check finds nothing wrong",
          q.returncode == 0 and "WARNING" not in q.stdout + q.stderr, q.stdout + q.stderr)
    return fields


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
    r = run("--validate", bundle, env_extra={"LANGUAGE": "it", "LANG": "it_IT.UTF-8", "LC_ALL": "it_IT.UTF-8"})
    check("--validate counts with plurals, in Italian", ": valido, 25 clienti, " in r.stdout, r.stdout)
    r = run("--validate", bundle, env_extra={"LANGUAGE": "", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"})
    check("--validate counts with plurals, in English", ": valid, 25 clients, " in r.stdout, r.stdout)

    os.makedirs(b)
    r = run("--data-dir", b, "--import", bundle, "--dry-run")
    check("--dry-run exits 0 and previews", r.returncode == 0 and "25" in r.stdout, r.stdout + r.stderr)
    # a dry run says what would happen; the import, what happened
    r = run("--data-dir", b, "--import", bundle, "--dry-run", env_extra={"LANGUAGE": "it", "LANG": "it_IT.UTF-8", "LC_ALL": "it_IT.UTF-8"})
    check("--dry-run in Italian: “da aggiungere”, a simulation",
          "25 elementi da aggiungere, 0 da aggiornare, 0 invariati, 0 in conflitto, 0 possibili doppioni" in r.stdout
          and "Simulazione: non è stato modificato nulla" in r.stdout, r.stdout)
    r = run("--data-dir", b, "--import", bundle, "--dry-run", env_extra={"LANGUAGE": "", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"})
    check("--dry-run in English: “to add”",
          "25 records to add, 0 to update, 0 unchanged, 0 conflicting, 0 possible duplicates" in r.stdout
          and "Dry run: nothing was changed" in r.stdout, r.stdout)
    r = run("--data-dir", b, "--export", os.path.join(tmp, "empty.sportello"))
    with open(os.path.join(tmp, "empty.sportello"), encoding="utf-8") as f:
        check("--dry-run changed nothing", '"clients": []' in f.read())

    r = run("--data-dir", b, "--import", bundle, "--on-conflict", "theirs", env_extra={"LANGUAGE": "it", "LANG": "it_IT.UTF-8", "LC_ALL": "it_IT.UTF-8"})
    check("--import exits 0", r.returncode == 0, r.stderr)
    check("--import in Italian says what was done, not what would be",
          "25 elementi aggiunti, 0 aggiornati, 0 invariati, 0 conflitti risolti, 0 possibili doppioni" in r.stdout
          and "da aggiungere" not in r.stdout and "da aggiornare" not in r.stdout
          and "Simulazione" not in r.stdout, r.stdout)
    base_run = run("--data-dir", b, "--import", bundle, env_extra={"LANGUAGE": "", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"})
    check("--import in English says what was done",
          "0 records added, 0 updated, 25 unchanged, 0 conflicts settled, 0 possible duplicates" in base_run.stdout
          and "to add" not in base_run.stdout and "Dry run" not in base_run.stdout, base_run.stdout)
    r = run("--data-dir", b, "--import", bundle)
    check("importing twice: nothing new",
          # one line per kind of record: 13
          r.returncode == 0 and len(r.stdout.splitlines()) == 13 and
          all(line.split(":")[1].split()[0] == "0" for line in r.stdout.splitlines()), r.stdout)

    # a colleague's client with a VAT number of ours: a duplicate, merged on request
    with open(bundle, encoding="utf-8") as f:
        data = json.load(f)
    twin = next(c for c in data["clients"] if c["vat_number"])
    old_uuid, twin["uuid"] = twin["uuid"], str(uuid.uuid4())
    moved = {}
    moved_contacts = {}
    for kind in ("contacts", "meetings", "assessments", "documents"):
        for record in data[kind]:
            if record["client_uuid"] == old_uuid:
                new_uuid = str(uuid.uuid4())
                if kind == "meetings":
                    moved[record["uuid"]] = new_uuid
                if kind == "contacts":
                    moved_contacts[record["uuid"]] = new_uuid
                record["client_uuid"], record["uuid"] = twin["uuid"], new_uuid
    # the registrations of its people follow them
    for record in data.get("registrations", []):
        if record["contact_uuid"] in moved_contacts:
            record["contact_uuid"] = moved_contacts[record["contact_uuid"]]
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
    check("… one duplicate, in the singular", "1 possibile doppione" in r.stdout.splitlines()[0], r.stdout)
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

    # -- a VAT number written as on a letterhead enters in its plain form:
    # a duplicate of the same number, exported so that the schema holds
    with open(bundle, encoding="utf-8") as f:
        data = json.load(f)
    firm = next(c for c in data["clients"] if c["vat_number"])
    plain = firm["vat_number"]
    firm["vat_number"] = f"IT {plain[:3]}.{plain[3:6]}.{plain[6:9]}-{plain[9:]}"
    firm["uuid"] = str(uuid.uuid4())
    # the firm alone: every other array of records empty
    data.update({k: [] for k, v in data.items() if isinstance(v, list)})
    data["clients"] = [firm]
    letterhead = os.path.join(tmp, "carta-intestata.sportello")
    with open(letterhead, "w", encoding="utf-8") as f:
        json.dump(data, f)
    r = run("--data-dir", a, "--import", letterhead, "--dry-run")
    check("a VAT number with prefix, spaces, dots and hyphens is a duplicate of the plain one",
          r.returncode == 0 and r.stdout.splitlines()[0].split(",")[4].split()[0] == "1", r.stdout + r.stderr)
    lettered = os.path.join(tmp, "lettered")
    r = run("--data-dir", lettered, "--import", letterhead)
    again = os.path.join(tmp, "lettered.sportello")
    r2 = run("--data-dir", lettered, "--export", again)
    with open(again, encoding="utf-8") as f:
        exported = json.load(f)
    check("… is stored and exported as its 11 digits",
          r.returncode == 0 and r2.returncode == 0 and exported["clients"][0]["vat_number"] == plain,
          r.stderr + r2.stderr)
    try:
        import jsonschema
        with open(os.path.join(os.environ["SPORTELLO_SOURCE_DIR"], "data", "sportello-bundle.schema.json"),
                  encoding="utf-8") as f:
            schema = json.load(f)
        problems = [e.message for e in jsonschema.Draft202012Validator(schema).iter_errors(exported)]
        check("… and that export passes the bundle's own schema", not problems, "\n".join(problems[:5]))
    except ImportError:
        pass

    # -- a named pipe or a folder is refused at once, never waited on;
    # standard input is read only when asked with "-"
    fifo = os.path.join(tmp, "pipe.sportello")
    os.mkfifo(fifo)
    for option in ("--validate", "--import"):
        try:
            r = run("--data-dir", b, option, fifo, timeout=20)
            check(f"{option} of a named pipe exits 74 without waiting", r.returncode == 74 and fifo in r.stderr,
                  f"{r.returncode} {r.stderr}")
        except subprocess.TimeoutExpired:
            check(f"{option} of a named pipe exits 74 without waiting", False, "it waited for a writer")
    r = run("--validate", tmp)
    check("--validate of a folder exits 74", r.returncode == 74 and tmp in r.stderr, f"{r.returncode} {r.stderr}")
    with open(bundle, "rb") as f:
        r = run("--validate", "-", stdin=f)
    check("--validate - reads standard input", r.returncode == 0 and "25" in r.stdout, r.stdout + r.stderr)
    with open(not_json, "rb") as f:
        r = run("--validate", "-", stdin=f)
    check("… and refuses what is not a bundle with 65", r.returncode == 65, f"{r.returncode} {r.stderr}")
    fresh = os.path.join(tmp, "from-stdin")
    with open(bundle, "rb") as f:
        r = run("--data-dir", fresh, "--import", "-", stdin=f)
    check("--import - imports from standard input", r.returncode == 0 and "25" in r.stdout, r.stdout + r.stderr)

    # -- another program's SQLite file named sportello.db is never changed
    def digest(path):
        with open(path, "rb") as f:
            return hashlib.sha256(f.read()).hexdigest()

    for version in (0, 5):
        foreign = os.path.join(tmp, f"foreign-{version}")
        os.makedirs(foreign)
        path = os.path.join(foreign, "sportello.db")
        con = sqlite3.connect(path)
        con.executescript(f"CREATE TABLE songs (title TEXT); INSERT INTO songs VALUES ('Azzurro'); "
                          f"PRAGMA user_version = {version};")
        con.close()
        before = digest(path)
        r = run("--data-dir", foreign, "--export", os.path.join(tmp, f"foreign-{version}.sportello"))
        check(f"another program's database at user_version {version} is refused with 65",
              r.returncode == 65 and path in r.stderr, f"{r.returncode} {r.stderr}")
        check("… byte for byte untouched, not switched to WAL",
              digest(path) == before and sorted(os.listdir(foreign)) == ["sportello.db"]
              and not os.path.exists(os.path.join(tmp, f"foreign-{version}.sportello")), os.listdir(foreign))

    # -- a lock held by another program is said as such: 74, not "not a database"
    con = sqlite3.connect(os.path.join(a, "sportello.db"), isolation_level=None)
    con.execute("PRAGMA locking_mode = EXCLUSIVE")
    con.execute("BEGIN EXCLUSIVE")
    con.execute("INSERT INTO info (key, value) VALUES ('held', 'by another program')")
    r = run("--data-dir", a, "--export", os.path.join(tmp, "locked.sportello"))
    con.close()
    check("a database locked by another program exits 74", r.returncode == 74, f"{r.returncode} {r.stderr}")
    check("… and is not called “not a Sportello database”",
          "non è un database" not in r.stderr and "bloccato" in r.stderr, r.stderr)

    # -- an export killed half-way or stopped by a full disk never leaves
    # half a bundle under the final name, nor a temporary file for good
    big = os.path.join(tmp, "big")
    run("--data-dir", big, "--demo", "300")
    out = os.path.join(tmp, "out")
    os.makedirs(out)
    target = os.path.join(out, "tutto.sportello")
    env = dict(os.environ)
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)

    def whole_bundle(path):
        try:
            with open(path, encoding="utf-8") as f:
                return json.load(f)["format"] == "sportello-bundle"
        except (OSError, ValueError, KeyError):
            return False

    killed_midway = 0
    intact = True
    for attempt in range(12):
        old = None
        if attempt % 2 == 1:
            old = b"the bundle that was there before"
            with open(target, "wb") as f:
                f.write(old)
        elif os.path.exists(target):
            os.remove(target)
        p = subprocess.Popen([exe, "--data-dir", big, "--export", target], env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        # wait until the export has started writing, then kill it
        while p.poll() is None and not any(n != "tutto.sportello" for n in os.listdir(out)):
            pass
        for _ in range(attempt * 200):
            pass
        p.kill()
        p.wait()
        if p.returncode != 0:
            killed_midway += 1
        if os.path.exists(target):
            with open(target, "rb") as f:
                ok = (old is not None and f.read() == old) or whole_bundle(target)
        else:
            ok = old is None
        intact = intact and ok
    check("an export killed at any moment leaves no half bundle under the final name",
          intact and killed_midway > 0, f"{killed_midway} killed mid-way")
    r = run("--data-dir", big, "--export", target)
    check("… and the next export there removes the temporary files it left",
          r.returncode == 0 and os.listdir(out) == ["tutto.sportello"] and whole_bundle(target), os.listdir(out))

    # two exports into one folder at once: neither removes the other's
    # temporary file, each bundle is whole, nothing is left behind
    together = os.path.join(tmp, "together")
    os.makedirs(together)
    names = ["uno.sportello", "due.sportello", "uno.sportello", "tre.sportello"]
    procs = [subprocess.Popen([exe, "--data-dir", big, "--export", os.path.join(together, n)], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True) for n in names]
    errors = [p.communicate()[1] for p in procs]
    check("exports into one folder at once all succeed, whole, with no temporary file left",
          all(p.returncode == 0 for p in procs) and sorted(os.listdir(together)) == sorted(set(names))
          and all(whole_bundle(os.path.join(together, n)) for n in names), f"{errors} {os.listdir(together)}")

    def small_disk():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (256 * 1024, 256 * 1024))

    full = os.path.join(out, "pieno.sportello")
    p = subprocess.run([exe, "--data-dir", big, "--export", full], env=env, capture_output=True, text=True,
                       preexec_fn=small_disk, timeout=60)
    check("an export that runs out of space exits 74 and says why",
          p.returncode == 74 and full in p.stderr, f"{p.returncode} {p.stderr}")
    check("… and leaves neither the new name nor a temporary file",
          os.listdir(out) == ["tutto.sportello"], os.listdir(out))
    with open(full, "wb") as f:
        f.write(b"old")
    p = subprocess.run([exe, "--data-dir", big, "--export", full], env=env, capture_output=True, text=True,
                       preexec_fn=small_disk, timeout=60)
    with open(full, "rb") as f:
        check("… over an existing file, the old bytes stay", p.returncode == 74 and f.read() == b"old",
              f"{p.returncode} {p.stderr}")


# --- bundles protected with a password: standard OpenPGP, opened by gpg too
def gpg(home, *args):
    return subprocess.run(["gpg", "--homedir", home, "--batch", "--quiet", "--pinentry-mode", "loopback", *args],
                          capture_output=True, timeout=60)


def agents_of(path):
    """gpg-agent processes whose command line names @path (an agent told
    to stop may take a moment to go)"""
    for _ in range(50):
        found = running_agents(path)
        if not found:
            return found
        time.sleep(0.1)
    return found


def running_agents(path):
    found = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                cmdline = f.read().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if "gpg-agent" in cmdline and path in cmdline:
            found.append(cmdline)
    return found


with tempfile.TemporaryDirectory() as tmp, tempfile.TemporaryDirectory(prefix="gpg-", dir="/tmp") as gnupghome:
    home = os.path.join(tmp, "home")
    engine_tmp = os.path.join(tmp, "t")
    os.makedirs(home)
    os.makedirs(engine_tmp)
    # the user's own keyring would be under HOME; the engine's homes go to TMPDIR
    env = {"HOME": home, "TMPDIR": engine_tmp, "GNUPGHOME": os.path.join(home, ".gnupg"),
           "SOURCE_DATE_EPOCH": "1764072000"}
    a = os.path.join(tmp, "a")
    b = os.path.join(tmp, "b")
    pfile = os.path.join(tmp, "password.txt")
    wrong = os.path.join(tmp, "wrong.txt")
    with open(pfile, "w") as f:
        f.write("una password lunga e segreta\nsecond line, ignored as gpg does\n")
    with open(wrong, "w") as f:
        f.write("non è questa\n")
    plain = os.path.join(tmp, "plain.sportello")
    protected = os.path.join(tmp, "protetto.sportello")

    run("--data-dir", a, "--demo", "12", env_extra=env)
    run("--data-dir", a, "--export", plain, env_extra=env)
    r = run("--data-dir", a, "--export", protected, "--passphrase-file", pfile, env_extra=env)
    check("--export --passphrase-file exits 0", r.returncode == 0, r.stderr)
    with open(protected, "rb") as f:
        head = f.read()
    check("… the file is no JSON, and names nothing", head[:1] != b"{" and b"sportello-bundle" not in head, head[:40])
    d = gpg(gnupghome, "--passphrase-file", pfile, "--decrypt", protected)
    with open(plain, "rb") as f:
        check("gpg --decrypt gives the bundle, byte for byte", d.returncode == 0 and d.stdout == f.read(),
              d.stderr.decode(errors="replace"))
    p = gpg(gnupghome, "--passphrase-file", pfile, "--list-packets", protected)
    listing = p.stdout.decode(errors="replace")
    check("… AES-256 (cipher 9) with an integrity check",
          p.returncode == 0 and "cipher 9" in listing and ("mdc_method: 2" in listing or "aead" in listing), listing)
    check("Sportello left no ~/.gnupg in HOME", not os.path.exists(os.path.join(home, ".gnupg")), os.listdir(home))
    check("… no engine home in TMPDIR", os.listdir(engine_tmp) == [], os.listdir(engine_tmp))
    check("… and no gpg-agent running", agents_of(engine_tmp) == [], agents_of(engine_tmp))

    r = run("--validate", protected, "--passphrase-file", pfile, env_extra=env)
    check("--validate --passphrase-file exits 0", r.returncode == 0 and "12" in r.stdout, r.stdout + r.stderr)
    r = run("--validate", protected, env_extra=env)
    check("--validate without a password exits 65 and says so",
          r.returncode == 65 and "--passphrase-file" in r.stderr, f"{r.returncode} {r.stderr}")
    r = run("--validate", protected, "--passphrase-file", wrong, env_extra=env)
    check("--validate with a wrong password exits 65 and says so",
          r.returncode == 65 and "password" in r.stderr.lower(), f"{r.returncode} {r.stderr}")

    os.makedirs(b)
    run("--data-dir", b, "--demo", "2", env_extra=env)
    before = os.path.join(tmp, "before.sportello")
    run("--data-dir", b, "--export", before, env_extra=env)

    def unchanged():
        now = os.path.join(tmp, "now.sportello")
        run("--data-dir", b, "--export", now, env_extra=env)
        with open(before, "rb") as f1, open(now, "rb") as f2:
            return f1.read() == f2.read()

    r = run("--data-dir", b, "--import", protected, env_extra=env)
    check("--import without a password exits 65", r.returncode == 65 and "--passphrase-file" in r.stderr,
          f"{r.returncode} {r.stderr}")
    r = run("--data-dir", b, "--import", protected, "--passphrase-file", wrong, env_extra=env)
    check("--import with a wrong password exits 65", r.returncode == 65, f"{r.returncode} {r.stderr}")
    r = run("--data-dir", b, "--import", protected, "--passphrase-file", wrong,
            env_extra={**env, "LANGUAGE": "it", "LANG": "it_IT.UTF-8", "LC_ALL": "it_IT.UTF-8"})
    check("… said in Italian", "Password errata" in r.stderr, r.stderr)
    check("… and the database is unchanged", unchanged())

    with open(protected, "rb") as f:
        data = bytearray(f.read())
    data[len(data) // 2] ^= 0x20
    tampered = os.path.join(tmp, "manomesso.sportello")
    with open(tampered, "wb") as f:
        f.write(data)
    r = run("--data-dir", b, "--import", tampered, "--passphrase-file", pfile, env_extra=env)
    check("a changed byte: --import exits 65", r.returncode == 65, f"{r.returncode} {r.stderr}")
    check("… and the database is unchanged", unchanged())

    r = run("--data-dir", b, "--import", protected, "--passphrase-file", pfile, env_extra=env)
    check("--import --passphrase-file exits 0", r.returncode == 0 and r.stdout.split(":")[1].split()[0] == "12",
          r.stdout + r.stderr)

    # a colleague without Sportello: gpg alone, binary and armored
    for armor in ([], ["--armor"]):
        theirs = os.path.join(tmp, "collega.sportello" + (".asc" if armor else ".gpg"))
        e = gpg(gnupghome, "--passphrase-file", pfile, "--symmetric", "--cipher-algo", "AES256", *armor,
                "-o", theirs, plain)
        r = run("--validate", theirs, "--passphrase-file", pfile, env_extra=env)
        check("a bundle protected by gpg " + ("armored " if armor else "") + "validates",
              e.returncode == 0 and r.returncode == 0 and "12" in r.stdout, r.stdout + r.stderr)
    c = os.path.join(tmp, "c")
    r = run("--data-dir", c, "--import", theirs, "--passphrase-file", pfile, env_extra=env)
    check("… and imports", r.returncode == 0 and r.stdout.split(":")[1].split()[0] == "12", r.stdout + r.stderr)

    r = run("--validate", plain, "--passphrase-file", pfile, env_extra=env)
    check("a password for a plain bundle does no harm", r.returncode == 0, r.stderr)
    empty = os.path.join(tmp, "empty.txt")
    open(empty, "w").close()
    r = run("--data-dir", a, "--export", protected, "--passphrase-file", empty, env_extra=env)
    check("an empty --passphrase-file exits 64", r.returncode == 64, f"{r.returncode} {r.stderr}")
    r = run("--data-dir", a, "--export", protected, "--passphrase-file", os.path.join(tmp, "none.txt"), env_extra=env)
    check("a missing --passphrase-file exits 74", r.returncode == 74, f"{r.returncode} {r.stderr}")
    r = run("--data-dir", a, "--passphrase-file", pfile, env_extra=env)
    check("--passphrase-file alone exits 64", r.returncode == 64, f"{r.returncode} {r.stderr}")

    check("in the end: still no ~/.gnupg", not os.path.exists(os.path.join(home, ".gnupg")), os.listdir(home))
    check("… no engine home left", os.listdir(engine_tmp) == [], os.listdir(engine_tmp))
    check("… no gpg-agent left", agents_of(engine_tmp) == [], agents_of(engine_tmp))
    subprocess.run(["gpgconf", "--homedir", gnupghome, "--kill", "all"], capture_output=True)


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


# Events (issue 16): attendance from a CSV, certificates as a PDF
with tempfile.TemporaryDirectory() as tmp:
    data = os.path.join(tmp, "data")
    dump = os.path.join(tmp, "all.sportello")
    out = os.path.join(tmp, "out")
    os.makedirs(out)

    def export():
        r = run("--data-dir", data, "--export", dump)
        with open(dump, encoding="utf-8") as f:
            return json.load(f)

    r = run("--data-dir", data, "--demo", "20")
    check("events: demo data", r.returncode == 0, r.stderr)
    doc = export()
    regs = doc["registrations"]
    attended = {}
    for reg in regs:
        if reg["status"] == "attended":
            attended.setdefault(reg["event_uuid"], []).append(reg["name"])
    past = max(attended, key=lambda e: len(attended[e]))
    names = attended[past]
    nobody = next(e["uuid"] for e in doc["events"] if e["uuid"] not in attended)

    pdf = os.path.join(out, "attestati.pdf")
    r = run("--data-dir", data, "--certificates", past, pdf)
    check("--certificates exits 0", r.returncode == 0, f"{r.returncode} {r.stderr}")
    check("… and leaves no temporary file next to it", os.listdir(out) == ["attestati.pdf"], os.listdir(out))
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True)
    pages = int(next(l.split()[1] for l in info.stdout.splitlines() if l.startswith("Pages:")))
    check("one page per person who attended", pages == len(names), f"{pages} pages, {len(names)} attended")
    check_pdf_document(pdf, "Attestati di partecipazione")
    texts = [subprocess.run(["pdftotext", "-f", str(i), "-l", str(i), pdf, "-"], capture_output=True, text=True).stdout
             for i in range(1, pages + 1)]
    check("each name on a page of its own",
          sorted(names) == sorted(n for t in texts for n in names if n in t) and all(sum(n in t for n in set(names)) == 1 for t in texts),
          "\n".join(t[:200] for t in texts))
    title = next(e["title"] for e in doc["events"] if e["uuid"] == past)
    check("… with the event's title", all(title.split()[0] in t for t in texts), texts[0])

    none_pdf = os.path.join(out, "nessuno.pdf")
    r = run("--data-dir", data, "--certificates", nobody, none_pdf)
    check("--certificates for an event nobody attended exits 65", r.returncode == 65, f"{r.returncode} {r.stderr}")
    check("… with a message, and no file", r.stderr.strip() != "" and not os.path.exists(none_pdf), r.stderr)
    r = run("--data-dir", data, "--certificates", str(uuid.uuid4()), none_pdf)
    check("--certificates of an unknown event exits 65", r.returncode == 65, f"{r.returncode} {r.stderr}")
    r = run("--data-dir", data, "--certificates", past)
    check("--certificates without a file exits 64", r.returncode == 64, f"{r.returncode} {r.stderr}")
    r = run("--data-dir", data, "--certificates", past, os.path.join(tmp, "no-such-dir", "x.pdf"))
    check("--certificates into a missing folder exits 74", r.returncode == 74, f"{r.returncode} {r.stderr}")

    # attendance: a platform's export in Windows-1252 with ';', e-mails
    # in capitals, a quoted field with a line break, someone unknown
    upcoming = next(e for e in doc["events"]
                    if sum(1 for g in regs if g["event_uuid"] == e["uuid"] and g["status"] == "registered") >= 2)
    registered = [g for g in regs if g["event_uuid"] == upcoming["uuid"] and g["status"] == "registered"][:2]
    csv_path = os.path.join(tmp, "presenze.csv")
    rows = ["Nome;E-mail;Città"]
    rows.append(f"\"{registered[0]['name']}\";  {registered[0]['email'].upper()} ;\"Cantù\r\n(CO)\"")
    rows.append(f"{registered[1]['name']};{registered[1]['email']};Forlì")
    rows.append("Ugo Nessuno;ugo@nessuno.example;Nardò")
    with open(csv_path, "wb") as f:
        f.write("\r\n".join(rows).encode("cp1252") + b"\r\n")

    def statuses():
        return {g["uuid"]: g["status"] for g in export()["registrations"]}

    before = statuses()
    r = run("--data-dir", data, "--attendance", upcoming["uuid"], csv_path, "--dry-run")
    check("--attendance --dry-run exits 0", r.returncode == 0, f"{r.returncode} {r.stderr}")
    check("… lists the matched and the unmatched rows",
          registered[0]["email"].upper() in r.stdout and registered[1]["email"] in r.stdout
          and "ugo@nessuno.example" in r.stdout and "4" in r.stdout, r.stdout)
    check("… and changes nothing", statuses() == before)
    r = run("--data-dir", data, "--attendance", upcoming["uuid"], csv_path)
    check("--attendance exits 0", r.returncode == 0, f"{r.returncode} {r.stderr}")
    after = statuses()
    check("… marks who attended, matched by e-mail",
          all(after[g["uuid"]] == "attended" for g in registered)
          and sum(1 for k in after if after[k] != before.get(k)) == 2, r.stdout)

    bad_csv = os.path.join(tmp, "rotto.csv")
    with open(bad_csv, "w", encoding="utf-8") as f:
        f.write("Nome,Email\nAnna,anna\"@x.it\n")
    r = run("--data-dir", data, "--attendance", upcoming["uuid"], bad_csv)
    check("--attendance of a broken CSV exits 65, naming the row", r.returncode == 65 and "2" in r.stderr,
          f"{r.returncode} {r.stderr}")
    r = run("--data-dir", data, "--attendance", upcoming["uuid"], os.path.join(tmp, "missing.csv"))
    check("--attendance of a missing file exits 74", r.returncode == 74, f"{r.returncode} {r.stderr}")
    r = run("--data-dir", data, "--attendance", str(uuid.uuid4()), csv_path)
    check("--attendance of an unknown event exits 65", r.returncode == 65, f"{r.returncode} {r.stderr}")
    r = run("--data-dir", data, "--attendance", upcoming["uuid"], csv_path, "--certificates", past)
    check("--attendance with --certificates exits 64", r.returncode == 64, f"{r.returncode} {r.stderr}")
    r = run("--data-dir", data, "--certificates", past, pdf, "--dry-run")
    check("--dry-run with --certificates exits 64", r.returncode == 64, f"{r.returncode} {r.stderr}")


# Calendars and address books (issue 18): .ics read back by python3-icalendar,
# .vcf by python3-vobject, two parsers that share nothing with libical or us
def ics_vcard_tests():
    import datetime
    import icalendar
    import vobject

    with tempfile.TemporaryDirectory() as tmp:
        data = os.path.join(tmp, "data")
        r = run("--data-dir", data, "--demo", "30")
        check("ics: demo data", r.returncode == 0, r.stderr)
        db = sqlite3.connect(os.path.join(data, "sportello.db"))

        # one follow-up done, one call “a sportello” without a deadline, one client in the bin
        done = db.execute("SELECT f.uuid FROM follow_ups f JOIN meetings m ON m.id = f.meeting_id "
                          "WHERE f.done_at = '' AND f.due_date != '' LIMIT 1").fetchone()[0]
        db.execute("UPDATE follow_ups SET done_at = '2026-11-30T10:00:00Z' WHERE uuid = ?", (done,))
        open_call = db.execute("SELECT uuid FROM grant_calls WHERE deadline != '' LIMIT 1").fetchone()[0]
        db.execute("UPDATE grant_calls SET deadline = '', first_come = 1 WHERE uuid = ?", (open_call,))
        # a deadline at 23:59 in Rome is 22:59 UTC: the day is the 15th, not the 16th
        late_call = db.execute("SELECT uuid FROM grant_calls WHERE deadline != '' LIMIT 1").fetchone()[0]
        # and a long title all accents, for lines folded among multi-byte characters
        late_title = "Più città: " + "è à ù ò ì é " * 12 + "(Nardò, Cantù, Forlì)"
        db.execute("UPDATE grant_calls SET deadline = '2027-01-15T22:59:00Z', title = ? WHERE uuid = ?",
                   (late_title, late_call))
        binned = db.execute("SELECT c.uuid FROM clients c JOIN meetings m ON m.client_id = c.id LIMIT 1").fetchone()[0]
        db.execute("UPDATE clients SET deleted_at = '2026-11-30T10:00:00Z' WHERE uuid = ?", (binned,))
        db.commit()

        expect_todos = {u for (u,) in db.execute(
            "SELECT f.uuid FROM follow_ups f "
            "LEFT JOIN meetings m ON m.id = f.meeting_id "
            "LEFT JOIN grant_applications a ON a.id = f.application_id "
            "JOIN clients c ON c.id = COALESCE (m.client_id, a.client_id) "
            "WHERE f.done_at = '' AND f.due_date != '' AND c.deleted_at IS NULL")}
        expect_meetings = {u for (u,) in db.execute(
            "SELECT m.uuid FROM meetings m JOIN clients c ON c.id = m.client_id WHERE c.deleted_at IS NULL")}
        expect_events = {u for (u,) in db.execute("SELECT uuid FROM events")}
        expect_calls = {u for (u,) in db.execute("SELECT uuid FROM grant_calls WHERE deadline != ''")}
        binned_meetings = {u for (u,) in db.execute(
            "SELECT m.uuid FROM meetings m JOIN clients c ON c.id = m.client_id WHERE c.uuid = ?", (binned,))}

        first = os.path.join(tmp, "agenda.ics")
        second = os.path.join(tmp, "agenda-2.ics")
        it = {"LANGUAGE": "it", "LANG": "it_IT.UTF-8", "LC_ALL": "it_IT.UTF-8"}
        r = run("--data-dir", data, "--export-ics", first, env_extra=it)
        check("--export-ics exits 0", r.returncode == 0, f"{r.returncode} {r.stderr}")
        check("… and says how many of each, in Italian", str(len(expect_todos)) in r.stdout and "scadenze" in r.stdout,
              r.stdout)
        time.sleep(1.1)   # a later DTSTAMP, the same UIDs
        r = run("--data-dir", data, "--export-ics", second)
        check("--export-ics again exits 0", r.returncode == 0, f"{r.returncode} {r.stderr}")

        with open(first, "rb") as f:
            raw = f.read()
        check("ics: CRLF line ends", b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b""))
        check("ics: no line longer than 75 octets", all(len(l) <= 75 for l in raw.split(b"\r\n")),
              max(raw.split(b"\r\n"), key=len))
        def whole_characters(lines):
            try:
                for l in lines:
                    l.decode("utf-8")
                return True
            except UnicodeDecodeError:
                return False

        check("ics: no fold cuts a character in two", whole_characters(raw.split(b"\r\n")))
        cal = icalendar.Calendar.from_ical(raw)
        check("ics: a VERSION:2.0 calendar with a PRODID", str(cal.get("VERSION")) == "2.0" and "PRODID" in cal)

        def uids(component, kind):
            return [str(c["UID"]) for c in cal.walk(component) if str(c["UID"]).startswith(kind + "-")]

        todos = cal.walk("VTODO")
        check("ics: one VTODO per open follow-up with a due date",
              sorted(uids("VTODO", "follow-up")) == sorted(f"follow-up-{u}@sportello" for u in expect_todos),
              f"{len(todos)} against {len(expect_todos)}")
        check("… not the one done", f"follow-up-{done}@sportello" not in uids("VTODO", "follow-up"))
        check("… each due on a day, needing action",
              all(type(t["DUE"].dt) is datetime.date and str(t["STATUS"]) == "NEEDS-ACTION" for t in todos))
        check("ics: one VEVENT per meeting of a client not in the bin",
              sorted(uids("VEVENT", "meeting")) == sorted(f"meeting-{u}@sportello" for u in expect_meetings)
              and binned_meetings and not any(f"meeting-{u}@sportello" in uids("VEVENT", "meeting") for u in binned_meetings),
              f"{len(uids('VEVENT', 'meeting'))} against {len(expect_meetings)}")
        check("ics: one VEVENT per event",
              sorted(uids("VEVENT", "event")) == sorted(f"event-{u}@sportello" for u in expect_events))
        check("ics: one all-day VEVENT per grant call with a deadline",
              sorted(uids("VEVENT", "grant-deadline")) == sorted(f"grant-deadline-{u}@sportello" for u in expect_calls)
              and f"grant-deadline-{open_call}@sportello" not in uids("VEVENT", "grant-deadline"))
        timed = [e for e in cal.walk("VEVENT") if not str(e["UID"]).startswith("grant-deadline-")]
        check("ics: meetings and events start and end at a UTC time",
              timed and all(isinstance(e["DTSTART"].dt, datetime.datetime) and e["DTSTART"].dt.utcoffset() == datetime.timedelta(0)
                            and e["DTEND"].dt > e["DTSTART"].dt for e in timed))
        meeting_row = db.execute("SELECT m.uuid, m.starts_at, m.duration_minutes, c.name FROM meetings m "
                                 "JOIN clients c ON c.id = m.client_id WHERE c.deleted_at IS NULL LIMIT 1").fetchone()
        ev = next(e for e in cal.walk("VEVENT") if str(e["UID"]) == f"meeting-{meeting_row[0]}@sportello")
        start = datetime.datetime.fromisoformat(meeting_row[1].replace("Z", "+00:00"))
        check("ics: a meeting's start, length and client as in the database",
              ev["DTSTART"].dt == start and ev["DTEND"].dt - ev["DTSTART"].dt == datetime.timedelta(minutes=meeting_row[2] or 60)
              and meeting_row[3] in str(ev["SUMMARY"]), f"{ev['DTSTART'].dt} {ev['SUMMARY']}")
        check("ics: summaries in Italian", str(ev["SUMMARY"]).startswith("Incontro con "), str(ev["SUMMARY"]))
        deadlines = [e for e in cal.walk("VEVENT") if str(e["UID"]).startswith("grant-deadline-")]
        check("ics: deadlines are all-day, one day long",
              deadlines and all(type(e["DTSTART"].dt) is datetime.date
                                and e["DTEND"].dt - e["DTSTART"].dt == datetime.timedelta(days=1) for e in deadlines))
        late = next(e for e in deadlines if str(e["UID"]) == f"grant-deadline-{late_call}@sportello")
        check("ics: a deadline falls on its day in Italy", late["DTSTART"].dt == datetime.date(2027, 1, 15),
              late["DTSTART"].dt)
        check("ics: a long accented summary comes back whole", str(late["SUMMARY"]) == "Scadenza: " + late_title,
              str(late["SUMMARY"]))
        check("ics: every entry has a DTSTAMP", all("DTSTAMP" in c for c in cal.walk() if c.name in ("VEVENT", "VTODO")))

        with open(second, "rb") as f:
            cal2 = icalendar.Calendar.from_ical(f.read())
        uids1 = sorted(str(c["UID"]) for c in cal.walk() if c.name in ("VEVENT", "VTODO"))
        uids2 = sorted(str(c["UID"]) for c in cal2.walk() if c.name in ("VEVENT", "VTODO"))
        check("ics: the same UIDs in a second export", uids1 == uids2 and len(uids1) == len(set(uids1)), len(uids1))

        r = run("--data-dir", data, "--export-ics", os.path.join(tmp, "no-such-dir", "x.ics"))
        check("--export-ics into a missing folder exits 74", r.returncode == 74, f"{r.returncode} {r.stderr}")
        r = run("--data-dir", data, "--export-ics", first, "--export-vcard", second)
        check("--export-ics with --export-vcard exits 64", r.returncode == 64, f"{r.returncode} {r.stderr}")

        # vCards: accents, a long role that must be folded, characters to escape
        client_uuid, client_id = db.execute("SELECT uuid, id FROM clients WHERE deleted_at IS NULL "
                                            "AND id IN (SELECT client_id FROM contacts) LIMIT 1").fetchone()
        db.execute("UPDATE clients SET name = ? WHERE id = ?", ("Pasticceria Nardò; Figli, S.n.c.", client_id))
        contact = db.execute("SELECT uuid FROM contacts WHERE client_id = ? LIMIT 1", (client_id,)).fetchone()[0]
        role = "Responsabile amministrazione, finanza e controllo di gestione; socia fondatrice dal 1987"
        db.execute("UPDATE contacts SET name = ?, role = ?, email = ?, phone = ? WHERE uuid = ?",
                   ("Zoë Dell'Anna De Luca", role, "zoë.deluca@pasticcerianardò.it", "+39 0833 123456", contact))
        db.commit()
        all_contacts = {u for (u,) in db.execute("SELECT k.uuid FROM contacts k JOIN clients c ON c.id = k.client_id "
                                                 "WHERE c.deleted_at IS NULL")}
        theirs = {u for (u,) in db.execute("SELECT uuid FROM contacts WHERE client_id = ?", (client_id,))}

        vcf = os.path.join(tmp, "referenti.vcf")
        r = run("--data-dir", data, "--export-vcard", vcf)
        check("--export-vcard exits 0", r.returncode == 0, f"{r.returncode} {r.stderr}")
        with open(vcf, "rb") as f:
            raw = f.read()
        lines = raw.split(b"\r\n")
        check("vcf: CRLF line ends", b"\n" not in raw.replace(b"\r\n", b""))
        check("vcf: folded at 75 octets", all(len(l) <= 75 for l in lines) and any(l.startswith(b" ") for l in lines),
              max(lines, key=len))
        check("vcf: no fold cuts a character in two", whole_characters(lines))
        cards = list(vobject.readComponents(raw.decode("utf-8")))
        check("vcf: one vCard 4.0 per contact of a client not in the bin",
              sorted(c.uid.value for c in cards) == sorted(f"urn:uuid:{u}" for u in all_contacts)
              and all(c.version.value == "4.0" for c in cards), f"{len(cards)} against {len(all_contacts)}")
        zoe = next(c for c in cards if c.uid.value == f"urn:uuid:{contact}")
        check("vcf: the name with its accent, family and given names",
              zoe.fn.value == "Zoë Dell'Anna De Luca" and zoe.n.value.family == "De Luca"
              and zoe.n.value.given == "Zoë Dell'Anna", f"{zoe.fn.value} / {zoe.n.value.family} / {zoe.n.value.given}")
        check("vcf: the firm as ORG, its ; and , unescaped", zoe.org.value == ["Pasticceria Nardò; Figli, S.n.c."],
              zoe.org.value)
        check("vcf: the long role as TITLE, unfolded", zoe.title.value == role, zoe.title.value)
        check("vcf: the e-mail with accents and the phone",
              zoe.email.value == "zoë.deluca@pasticcerianardò.it" and zoe.tel.value == "+39 0833 123456",
              f"{zoe.email.value} {zoe.tel.value}")

        one = os.path.join(tmp, "uno.vcf")
        r = run("--data-dir", data, "--export-vcard", one, "--client", client_uuid)
        check("--export-vcard --client exits 0", r.returncode == 0, f"{r.returncode} {r.stderr}")
        with open(one, encoding="utf-8") as f:
            cards = list(vobject.readComponents(f.read()))
        check("… with that client's contacts only", sorted(c.uid.value for c in cards) == sorted(f"urn:uuid:{u}" for u in theirs))
        ghost = str(uuid.uuid4())
        missing = os.path.join(tmp, "nessuno.vcf")
        r = run("--data-dir", data, "--export-vcard", missing, "--client", client_uuid, "--client", ghost, env_extra=it)
        check("--export-vcard of an unknown client exits 65", r.returncode == 65, f"{r.returncode} {r.stderr}")
        check("… saying so in Italian, and writes nothing", ghost in r.stderr and "Non c'è nessun cliente" in r.stderr
              and not os.path.exists(missing), r.stderr)
        r = run("--data-dir", data, "--export-vcard", missing, "--client", "not-a-uuid")
        check("--export-vcard --client with a malformed UUID exits 65", r.returncode == 65, f"{r.returncode} {r.stderr}")
        r = run("--data-dir", data, "--export-ics", missing, "--client", client_uuid)
        check("--client with --export-ics exits 64", r.returncode == 64, f"{r.returncode} {r.stderr}")
        db.close()


ics_vcard_tests()
# Spreadsheets (issue 18): clients from a CSV, the list out to one
with tempfile.TemporaryDirectory() as tmp:
    import csv as csvmodule
    import io

    data = os.path.join(tmp, "data")
    rows = ["Ragione sociale;P.IVA;Comune;Prov.;Referente;E-mail referente;Note"]
    rows.append("Pasticceria Cantù;01234560017;Cantù;CO;Anna Rossi;anna@pasticceria.it;\"Chiusa il lunedì;\r\nanche a luglio\"")
    rows.append("Bar Forlì;07654320154;Forlì;FC;;;")
    rows.append("Ferramenta Nardò;01234560018;Nardò;LE;;;")
    rows.append("Ottica Nardò;02345670125;Nardò;LE;Luca Bianchi;luca@@ottica.it;")
    rows.append("Panificio Como;03456780133;Como;CO;;;")
    bad = os.path.join(tmp, "clienti.csv")
    with open(bad, "wb") as f:
        f.write("\r\n".join(rows).encode("cp1252") + b"\r\n")

    def client_count():
        path = os.path.join(data, "sportello.db")
        if not os.path.exists(path):
            return 0
        with sqlite3.connect(path) as db:
            return db.execute("SELECT count(*) FROM clients").fetchone()[0]

    r = run("--data-dir", data, "--import-csv", bad)
    check("--import-csv with bad rows exits 65", r.returncode == 65, f"{r.returncode} {r.stderr}")
    check("… naming each bad row as the spreadsheet numbers it, and its column",
          "riga 4, «P.IVA»: cifra di controllo errata: doveva essere 7" in r.stderr
          and "riga 5, «E-mail referente»" in r.stderr, r.stderr)
    check("… shows how the columns are mapped", "«P.IVA» → Partita IVA" in r.stdout, r.stdout)
    check("… and imports nothing", client_count() == 0, client_count())

    r = run("--data-dir", data, "--import-csv", bad, "--skip-invalid", "--dry-run")
    check("--import-csv --skip-invalid --dry-run exits 0", r.returncode == 0, f"{r.returncode} {r.stderr}")
    check("… says what would be added", "3 da aggiungere" in r.stdout, r.stdout)
    check("… and writes nothing", client_count() == 0, client_count())

    r = run("--data-dir", data, "--import-csv", bad, "--skip-invalid")
    check("--import-csv --skip-invalid exits 0", r.returncode == 0, f"{r.returncode} {r.stderr}")
    check("… lists the bad rows", "riga 4, «P.IVA»" in r.stderr, r.stderr)
    check("… and imports the good ones", client_count() == 3 and "3 aggiunti" in r.stdout, f"{client_count()} {r.stdout}")

    r = run("--data-dir", data, "--import-csv", bad, "--skip-invalid")
    check("the same file again adds nothing", r.returncode == 0 and client_count() == 3
          and "0 aggiunti, 3 già presenti" in r.stdout, f"{r.returncode} {r.stdout}")
    check("… and names the clients it matched", "riga 2: Pasticceria Cantù è già tra i clienti" in r.stdout, r.stdout)

    more = os.path.join(tmp, "altri.csv")
    with open(more, "w", encoding="utf-8-sig") as f:
        f.write("Denominazione,Partita IVA,Telefono,Referente\n")
        f.write("Bar da Gino,07654320154,0543 123456,Gino Neri\n")
    r = run("--data-dir", data, "--import-csv", more, "--merge-duplicates")
    check("--import-csv --merge-duplicates exits 0", r.returncode == 0, f"{r.returncode} {r.stderr}")
    with sqlite3.connect(os.path.join(data, "sportello.db")) as db:
        bar = db.execute("SELECT name, phone FROM clients WHERE vat_number = '07654320154'").fetchone()
        people = db.execute("SELECT count(*) FROM contacts k JOIN clients c ON c.id = k.client_id "
                            "WHERE c.vat_number = '07654320154'").fetchone()[0]
        imports = db.execute("SELECT count(*) FROM imports").fetchone()[0]
    check("… fills the client's empty fields and keeps its name", bar == ("Bar Forlì", "0543 123456"), bar)
    check("… and adds the person", people == 1, people)
    check("each import that wrote something is recorded", imports == 2, imports)

    r = run("--data-dir", data, "--import-csv", os.path.join(tmp, "missing.csv"))
    check("--import-csv of a missing file exits 74", r.returncode == 74, f"{r.returncode} {r.stderr}")
    r = run("--data-dir", data, "--skip-invalid")
    check("--skip-invalid alone exits 64", r.returncode == 64, f"{r.returncode} {r.stderr}")
    r = run("--data-dir", data, "--import-csv", bad, "--export-csv", os.path.join(tmp, "x.csv"))
    check("--import-csv with --export-csv exits 64", r.returncode == 64, f"{r.returncode} {r.stderr}")

    out = os.path.join(tmp, "elenco.csv")
    r = run("--data-dir", data, "--export-csv", out)
    check("--export-csv exits 0", r.returncode == 0, f"{r.returncode} {r.stderr}")
    check("… leaves no temporary file next to it", sorted(os.listdir(tmp)) == sorted(["data", "clienti.csv", "altri.csv", "elenco.csv"]),
          os.listdir(tmp))
    with open(out, "rb") as f:
        raw = f.read()
    check("… is UTF-8 with a BOM and CRLF line ends", raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw, raw[:40])
    text = raw.decode("utf-8-sig")
    dialect = csvmodule.Sniffer().sniff(text.splitlines()[0])
    table = list(csvmodule.reader(io.StringIO(text, newline=""), delimiter=";"))
    check("… separated by ';'", dialect.delimiter == ";", dialect.delimiter)
    check("… one header and a row per client", len(table) == 4 and table[0][0] == "Ragione sociale"
          and table[0][2] == "Partita IVA", table[:1])
    cantu = next((t for t in table if t[0] == "Pasticceria Cantù"), None)
    check("… with accents, quoted line breaks and the person", cantu is not None and "Cantù" in cantu
          and "Chiusa il lunedì;\nanche a luglio" in cantu and "Anna Rossi" in cantu, cantu)
    r = run("--data-dir", os.path.join(tmp, "copia"), "--import-csv", out)
    check("the export imports back into an empty database", r.returncode == 0 and "3 aggiunti" in r.stdout,
          f"{r.returncode} {r.stdout} {r.stderr}")
# The report and the statistics between hubs (issue 17)
with tempfile.TemporaryDirectory() as tmp:
    import re
    import zipfile

    import jsonschema

    data = os.path.join(tmp, "data")
    stats_path = os.path.join(tmp, "statistiche.json")
    r = run("--data-dir", data, "--demo", "200")
    check("demo data for the report", r.returncode == 0, r.stderr)

    r = run("--data-dir", data, "--export-statistics", stats_path)
    check("--export-statistics exits 0", r.returncode == 0, f"{r.returncode} {r.stderr}")
    check("… and leaves no temporary file next to it", sorted(os.listdir(tmp)) == ["data", "statistiche.json"],
          os.listdir(tmp))
    with open(stats_path, encoding="utf-8") as f:
        text = f.read()
    stats = json.loads(text)
    year = time.strftime("%Y")
    check("… of this calendar year by default",
          stats.get("period") == {"from": f"{year}-01-01", "to": f"{year}-12-31"}, stats.get("period"))
    # what follows reads the demo's year, whatever the year the test runs
    # in: the demo's meetings go back from 20 November 2026 (sportello-demo.c)
    demo_year = "2026"
    demo_period = ("--from", f"{demo_year}-01-01", "--to", f"{demo_year}-12-31")
    r = run("--data-dir", data, "--export-statistics", stats_path, *demo_period)
    check("--export-statistics of the demo's year exits 0", r.returncode == 0, f"{r.returncode} {r.stderr}")
    with open(stats_path, encoding="utf-8") as f:
        text = f.read()
    stats = json.loads(text)
    with open(os.path.join(os.environ["SPORTELLO_SOURCE_DIR"], "data", "sportello-statistics.schema.json"),
              encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    problems = [f"{list(e.path)}: {e.message}" for e in jsonschema.Draft202012Validator(schema).iter_errors(stats)]
    check("the statistics of demo data follow the schema", not problems, "\n".join(problems[:10]))
    check("… with firms served and meetings counted",
          isinstance(stats.get("firms_served"), int) and stats["firms_served"] >= 5 and stats["meetings"]["total"] > 0,
          text[:400])

    def walk(node, path=""):
        if isinstance(node, dict):
            for k, v in node.items():
                yield from walk(v, f"{path}.{k}" if path else k)
        else:
            yield path, node

    firm_counts = [(p, v) for p, v in walk(stats)
                   if p in ("firms_served", "firms_new", "assessments.firms", "assessments.firms_compared")
                   or p.startswith("firms_by_") or p.endswith(".firms_served") or
                   (p.startswith("assessments.by_category.") and p.endswith(".count"))]
    small = [(p, v) for p, v in firm_counts if isinstance(v, int) and 0 < v < 5]
    check("no group of fewer than 5 firms is written", firm_counts and not small, small)
    check("… some small groups are written as null", any(v is None for p, v in firm_counts), firm_counts[:20])

    # the no-personal-data test: every name, VAT number, fiscal code and
    # e-mail of the database's clients, contacts and registrations
    db = sqlite3.connect(os.path.join(data, "sportello.db"))
    personal = set()
    for table, columns in (("clients", ("name", "vat_number", "tax_code", "email", "pec", "uuid")),
                           ("contacts", ("name", "email", "uuid")),
                           ("registrations", ("name", "email", "firm"))):
        for row in db.execute(f"SELECT {', '.join(columns)} FROM {table}"):
            personal.update(v for v in row if isinstance(v, str) and len(v) >= 3)
    db.close()
    lowered = text.lower()
    found = sorted(v for v in personal if v.lower() in lowered)
    check("the statistics hold no client's or contact's name, VAT number, fiscal code or e-mail",
          len(personal) > 500 and not found, f"{len(personal)} values; found: {found[:10]}")
    check("… nor any free text: only numbers, null and the format's own strings",
          all(v is None or isinstance(v, (int, float)) for p, v in walk(stats)
              if p not in ("format", "hub", "period.from", "period.to")), text[:300])
    check("… and the group names are ids, province codes and months",
          all(re.fullmatch(r"[A-Za-z0-9_-]{1,64}", k) for p, v in walk(stats) for k in p.split(".")), "")

    # a period given in both ways, and bad ones
    quarter = os.path.join(tmp, "trimestre.json")
    r = run("--data-dir", data, "--export-statistics", quarter, "--from", f"01/04/{year}", "--to", f"{year}-06-30")
    check("--from and --to in Italian and ISO", r.returncode == 0, f"{r.returncode} {r.stderr}")
    with open(quarter, encoding="utf-8") as f:
        period = json.load(f)["period"]
    check("… give the period", period == {"from": f"{year}-04-01", "to": f"{year}-06-30"}, period)
    for args, what in ((("--from", "31/02/2026"), "a day that does not exist"),
                       (("--to", "domani"), "no date"),
                       (("--from", "2026-12-01", "--to", "2026-11-01"), "a period that ends before it begins"),
                       (("--from", "2026-13-01"), "a month that does not exist")):
        bad = os.path.join(tmp, "bad.json")
        r = run("--data-dir", data, "--export-statistics", bad, *args)
        check(f"--export-statistics with {what} exits 64", r.returncode == 64 and not os.path.exists(bad),
              f"{r.returncode} {r.stderr}")
        check(f"… and names the problem ({what})", r.stderr.strip() != "", r.stderr)
    r = run("--data-dir", data, "--from", "2026-01-01")
    check("--from without --export-statistics or --report exits 64", r.returncode == 64, f"{r.returncode} {r.stderr}")
    r = run("--data-dir", data, "--export-statistics", stats_path, "--report", os.path.join(tmp, "r.xlsx"))
    check("--export-statistics with --report exits 64", r.returncode == 64, f"{r.returncode} {r.stderr}")
    r = run("--data-dir", data, "--export-statistics", os.path.join(tmp, "no-such-dir", "s.json"))
    check("--export-statistics into a missing folder exits 74", r.returncode == 74, f"{r.returncode} {r.stderr}")

    # the report as a spreadsheet
    xlsx = os.path.join(tmp, "resoconto.xlsx")
    r = run("--data-dir", data, "--report", xlsx, *demo_period)
    check("--report FILE.xlsx exits 0", r.returncode == 0, f"{r.returncode} {r.stderr}")
    try:
        with zipfile.ZipFile(xlsx) as z:
            names = z.namelist()
            workbook = z.read("xl/workbook.xml").decode()
            strings = z.read("xl/sharedStrings.xml").decode()
            summary = z.read("xl/worksheets/sheet1.xml").decode()
        sheets = re.findall(r'<sheet name="([^"]+)"', workbook)
    except (OSError, KeyError, zipfile.BadZipFile) as e:
        names, sheets, strings, summary = [], [], "", str(e)
    check("… a workbook python opens, one sheet per table", len(sheets) == 8, sheets)
    check("… with Italian sheet names and headers",
          "Sintesi" in sheets and "Imprese per provincia" in sheets and "Imprese servite" in strings,
          f"{sheets} {strings[:300]}")
    numbers = [float(v) for v in re.findall(r"<v>([0-9.]+)</v>", summary)]
    check("… and the figures as numbers (firms served, meetings)",
          stats["firms_served"] in numbers and stats["meetings"]["total"] in numbers, numbers[:30])
    r = run("--data-dir", data, "--report", os.path.join(tmp, "resoconto.ods"))
    check("--report of another kind of file exits 64", r.returncode == 64 and "xlsx" in r.stderr,
          f"{r.returncode} {r.stderr}")

    # the report as a PDF, for sponsors: the same figures as the statistics
    def it_number(n):
        return f"{int(n):,}".replace(",", ".")

    def it_hours(h):
        # no useless decimals: "91 h", "91,5 h", "10,75 h"
        text = f"{h:,.2f}".rstrip("0").rstrip(".")
        return text.replace(",", " ").replace(".", ",").replace(" ", ".") + " h"

    def pdf_text(path):
        return subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", path, "-"], capture_output=True, text=True).stdout

    report_pdf = os.path.join(tmp, "resoconto.pdf")
    r = run("--data-dir", data, "--report", report_pdf, *demo_period)
    check("--report FILE.pdf exits 0", r.returncode == 0, f"{r.returncode} {r.stderr}")
    fields = check_pdf_document(report_pdf, "Resoconto dello sportello")
    check("… its subject is the period",
          fields.get("Subject") == f"1 gennaio {demo_year} – 31 dicembre {demo_year}", fields)
    text = pdf_text(report_pdf)
    lines = {}
    for line in text.splitlines():
        parts = re.split(r"\s{2,}", line.strip())
        if len(parts) >= 2:
            lines.setdefault(parts[0], parts[1:])
    check("… with the firms served of --export-statistics",
          lines.get("Imprese servite", [None])[0] == it_number(stats["firms_served"]), lines.get("Imprese servite"))
    check("… the meetings and their hours",
          lines.get("Incontri", [None])[0] == it_number(stats["meetings"]["total"]) and
          lines.get("Ore di consulenza", [None])[0] == it_hours(stats["consulting_hours"]),
          f"{lines.get('Incontri')} {lines.get('Ore di consulenza')}")
    check("… the events and the applications",
          lines.get("Eventi", [None])[0] == it_number(stats["events"]["total"]) and
          lines.get("Domande di contributo presentate", [None])[0] == it_number(stats["grant_applications"]["submitted"]),
          f"{lines.get('Eventi')} {lines.get('Domande di contributo presentate')}")
    check("… the charts with their text, and the method",
          "Incontri mese per mese" in text and "Imprese per settore" in text and f"Gennaio {demo_year}:" in text
          and "Nota sul metodo" in text and "Europe/Rome" in text, text[-1500:])

    # the network's report: two hubs, one that left figures out
    other = json.loads(json.dumps(stats))
    other["hub"] = "Polo di Lecco"
    other["firms_served"] = None
    first_province = next(iter(other["firms_by_province"]))
    other["firms_by_province"][first_province] = None
    stats_b = os.path.join(tmp, "lecco.json")
    with open(stats_b, "w", encoding="utf-8") as f:
        json.dump(other, f)
    mine = dict(stats)
    mine["hub"] = "Polo di Como"
    stats_a = os.path.join(tmp, "como.json")
    with open(stats_a, "w", encoding="utf-8") as f:
        json.dump(mine, f)
    network = os.path.join(tmp, "rete.pdf")
    r = run("--network-report", network, stats_a, stats_b)
    check("--network-report exits 0", r.returncode == 0, f"{r.returncode} {r.stderr}")
    check_pdf_document(network, "Resoconto della rete dei poli")
    text = pdf_text(network)
    check("… the hubs side by side", "Polo di Como" in text and "Polo di Lecco" in text and "Rete" in text, text[:800])
    row = next((l for l in text.splitlines() if l.strip().startswith("Imprese servite ")), "")
    check("… a null makes the sum a lower bound, “almeno”",
          re.search(rf"{re.escape(it_number(stats['firms_served']))}\s+non noto\s+almeno {re.escape(it_number(stats['firms_served']))}", row)
          is not None, row)
    row = next((l for l in text.splitlines() if l.strip().startswith("Incontri ")), "")
    check("… a figure both gave is summed",
          row.split()[-1] == it_number(2 * stats["meetings"]["total"]), row)

    bad = json.loads(json.dumps(stats))
    bad["meetings"]["total"] = -3
    bad_path = os.path.join(tmp, "rotto.json")
    with open(bad_path, "w", encoding="utf-8") as f:
        json.dump(bad, f)
    refused = os.path.join(tmp, "rifiutato.pdf")
    r = run("--network-report", refused, stats_a, bad_path)
    check("--network-report with a bad file exits 65", r.returncode == 65, f"{r.returncode} {r.stderr}")
    check("… naming the file and the reason, writing nothing",
          "rotto.json" in r.stderr and "meetings" in r.stderr and not os.path.exists(refused), r.stderr)
    r = run("--network-report", os.path.join(tmp, "rete.txt"), stats_a)
    check("--network-report to another kind of file exits 64", r.returncode == 64, f"{r.returncode} {r.stderr}")
    r = run("--network-report", network)
    check("--network-report without statistics files exits 64", r.returncode == 64, f"{r.returncode} {r.stderr}")

print(f"1..{count}")
sys.exit(1 if failures else 0)
