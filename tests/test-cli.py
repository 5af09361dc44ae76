#!/usr/bin/env python3
"""The command line of the sportello binary, without a display."""
import os
import subprocess
import sys
import tempfile

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

print(f"1..{count}")
sys.exit(1 if failures else 0)
