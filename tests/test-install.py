#!/usr/bin/env python3
"""What `meson install` puts on the system: the D-Bus service that
DBusActivatable=true needs, and the user guide in English and Italian."""
import configparser
import os
import subprocess
import sys
import tempfile

build, app_id = sys.argv[1], sys.argv[2]
count = failures = 0


def check(name, cond, detail=""):
    global failures, count
    count += 1
    print(("ok" if cond else "not ok") + f" {count} - {name}")
    if not cond:
        failures += 1
        print(f"# {detail}")


with tempfile.TemporaryDirectory() as dest:
    r = subprocess.run(["meson", "install", "-C", build, "--no-rebuild", "--quiet",
                        "--destdir", dest], capture_output=True, text=True)
    check("meson install", r.returncode == 0, r.stderr[-2000:])
    info = subprocess.run(["meson", "introspect", build, "--buildoptions"],
                          capture_output=True, text=True).stdout
    import json
    opts = {o["name"]: o["value"] for o in json.loads(info)}
    prefix = dest + opts["prefix"]
    share = os.path.join(prefix, opts["datadir"])
    bindir = os.path.join(opts["prefix"], opts["bindir"])

    service = os.path.join(share, "dbus-1", "services", app_id + ".service")
    check("D-Bus service installed", os.path.isfile(service), service)
    if os.path.isfile(service):
        cp = configparser.ConfigParser(interpolation=None)
        cp.optionxform = str
        cp.read(service)
        sec = cp["D-BUS Service"] if cp.has_section("D-BUS Service") else {}
        check("service name is the app id", sec.get("Name") == app_id, sec.get("Name"))
        check("service starts the installed binary as a service",
              sec.get("Exec") == os.path.join(bindir, "sportello") + " --gapplication-service", sec.get("Exec"))

    desktop = os.path.join(share, "applications", app_id + ".desktop")
    cp = configparser.ConfigParser(interpolation=None)
    cp.optionxform = str
    cp.read(desktop)
    check("desktop file is D-Bus activatable",
          cp.has_section("Desktop Entry") and cp["Desktop Entry"].get("DBusActivatable") == "true", desktop)

    pages = ["index", "first-run", "clients", "meetings", "documents", "assessments", "handoff", "safety"]
    for lang in ("C", "it"):
        d = os.path.join(share, "help", lang, "sportello")
        missing = [p for p in pages if not os.path.isfile(os.path.join(d, p + ".page"))]
        check(f"user guide installed in {lang}", not missing, missing)
    it_index = os.path.join(share, "help", "it", "sportello", "index.page")
    if os.path.isfile(it_index):
        text = open(it_index, encoding="utf-8").read()
        check("the Italian guide is translated", "Per iniziare" in text and "Getting started" not in text)

print(f"1..{count}")
sys.exit(1 if failures else 0)
