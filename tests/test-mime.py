#!/usr/bin/env python3
"""The MIME type of handoff bundles, and the desktop file that opens them."""
import configparser
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

mime_xml, desktop = sys.argv[1], sys.argv[2]
NS = "{http://www.freedesktop.org/standards/shared-mime-info}"
failures = 0
count = 0


def check(name, cond, detail=""):
    global failures, count
    count += 1
    print(("ok" if cond else "not ok") + f" {count} - {name}")
    if not cond:
        failures += 1
        print(f"# {detail}")


root = ET.parse(mime_xml).getroot()
types = root.findall(f"{NS}mime-type")
check("one MIME type", len(types) == 1, types)
t = types[0]
check("type name", t.get("type") == "application/x-sportello-bundle", t.get("type"))
check("glob *.sportello", [g.get("pattern") for g in t.findall(f"{NS}glob")] == ["*.sportello"])
check("subclass of application/json",
      [s.get("type") for s in t.findall(f"{NS}sub-class-of")] == ["application/json"])

# shared-mime-info accepts it and maps the glob
with tempfile.TemporaryDirectory() as tmp:
    os.makedirs(os.path.join(tmp, "mime", "packages"))
    shutil.copy(mime_xml, os.path.join(tmp, "mime", "packages", "sportello.xml"))
    r = subprocess.run(["update-mime-database", os.path.join(tmp, "mime")],
                       capture_output=True, text=True)
    check("update-mime-database accepts it", r.returncode == 0, r.stderr)
    globs = open(os.path.join(tmp, "mime", "globs2"), encoding="utf-8").read()
    check("glob registered", "application/x-sportello-bundle:*.sportello" in globs, globs)

cp = configparser.RawConfigParser(strict=False)
cp.optionxform = str
cp.read(desktop, encoding="utf-8")
entry = cp["Desktop Entry"]
check("desktop MimeType", "application/x-sportello-bundle" in entry.get("MimeType", "").split(";"),
      entry.get("MimeType"))
check("desktop Exec takes URIs", "%U" in entry.get("Exec", ""), entry.get("Exec"))
check("desktop Italian name or comment", "Comment[it]" in entry, list(entry.keys()))

print(f"1..{count}")
sys.exit(1 if failures else 0)
