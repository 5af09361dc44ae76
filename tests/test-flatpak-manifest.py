#!/usr/bin/env python3
"""The Flatpak manifest parses and asks for exactly the least privilege."""
import json
import sys

path = sys.argv[1]
failures = 0
count = 0


def check(name, cond, detail=""):
    global failures, count
    count += 1
    print(("ok" if cond else "not ok") + f" {count} - {name}")
    if not cond:
        failures += 1
        print(f"# {detail}")


with open(path, encoding="utf-8") as f:
    m = json.load(f)

check("app id", m.get("id") == "io.github.sportello.Sportello", m.get("id"))
check("GNOME runtime", m.get("runtime") == "org.gnome.Platform", m.get("runtime"))
check("GNOME SDK", m.get("sdk") == "org.gnome.Sdk", m.get("sdk"))
check("runtime version 50", m.get("runtime-version") == "50", m.get("runtime-version"))
check("command is a name", m.get("command") == "sportello", m.get("command"))

expected = ["--share=ipc", "--socket=fallback-x11", "--socket=wayland", "--device=dri"]
args = m.get("finish-args", [])
check("exactly the least-privilege finish-args",
      sorted(args) == sorted(expected) and len(args) == len(expected), args)
check("no filesystem access", not any(a.startswith("--filesystem") for a in args), args)
check("no network", "--share=network" not in args, args)

modules = m.get("modules", [])
names = [mod.get("name") if isinstance(mod, dict) else mod for mod in modules]
check("last module is sportello", names and names[-1] == "sportello", names)
check("libspelling is built (the runtime lacks it)", "libspelling" in names, names)
check("md4c is built (the runtime lacks it)", "md4c" in names, names)
check("libical is built (the runtime lacks it)", "libical" in names, names)
# gnome-build-meta's sdk/libportal.bst puts libportal (with its GTK 4
# backend) in the GNOME runtime: building it again would shadow that one
check("libportal comes with the runtime", not any("portal" in (n or "") for n in names), names)
app = modules[-1] if modules else {}
check("sportello builds with meson", app.get("buildsystem") == "meson", app.get("buildsystem"))
check("sportello builds from the checkout the manifest stands in",
      any(s.get("type") == "dir" and s.get("path") == "." for s in app.get("sources", [])),
      app.get("sources"))

# the shape Flathub's linter expects of the other modules: git sources
# pinned by tag and commit, debug information kept
for mod in modules[:-1]:
    name = mod.get("name")
    for src in mod.get("sources", []):
        if src.get("type") == "git":
            check(f"{name}: git source pinned by tag and commit",
                  bool(src.get("tag")) and len(src.get("commit", "")) == 40, src)
    opts = mod.get("config-opts", [])
    check(f"{name}: no build type forced (debug information kept)",
          not any(o.startswith("-DCMAKE_BUILD_TYPE") or o.startswith("--buildtype") for o in opts), opts)

print(f"1..{count}")
sys.exit(1 if failures else 0)
