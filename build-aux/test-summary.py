#!/usr/bin/env python3
"""Print the plain closing line of a meson test run: 'N passed, N failed'."""
import json
import sys

passed = failed = skipped = 0
with open(sys.argv[1], encoding="utf-8") as f:
    for line in f:
        line = line.strip()
        if not line:
            continue
        result = json.loads(line).get("result")
        if result in ("OK", "EXPECTEDFAIL"):
            passed += 1
        elif result == "SKIP":
            skipped += 1
        else:
            failed += 1
# the fuzzing run, when there was one, counts as one test
if len(sys.argv) > 2 and sys.argv[2] in ("ok", "failed"):
    if sys.argv[2] == "ok":
        passed += 1
    else:
        failed += 1
print(f"tests: {passed} passed, {failed} failed" + (f", {skipped} skipped" if skipped else ""))
