"""What the data-file tests share: TAP output, and loading the file under test.

Each check is a function that returns a list of problems, empty when fine;
an exception in it (a malformed file) fails the check instead of the run."""
import json
import sys

count = 0
failures = 0


def check(name, func):
    """Runs func() as one TAP test, listing up to ten of its problems."""
    global count, failures
    count += 1
    try:
        problems = func()
    except Exception as e:  # a malformed file must fail the check, not crash
        problems = [f"{type(e).__name__}: {e}"]
    print(("not ok" if problems else "ok") + f" {count} - {name}")
    if problems:
        failures += 1
        for p in problems[:10]:
            print(f"#   {p}")
        if len(problems) > 10:
            print(f"#   … and {len(problems) - 10} more")


def nonempty_str(value):
    return isinstance(value, str) and value.strip() != ""


def finish():
    print(f"1..{count}")
    sys.exit(1 if failures else 0)


def load_object(usage):
    """The JSON object named on the command line; stops the run if it is not one."""
    if len(sys.argv) != 2:
        print(usage, file=sys.stderr)
        sys.exit(2)

    doc = None

    def parse():
        nonlocal doc
        with open(sys.argv[1], encoding="utf-8") as f:
            doc = json.load(f)
        return [] if isinstance(doc, dict) else ["the top level is not an object"]

    check("parses as a JSON object", parse)
    if not isinstance(doc, dict):
        finish()
    return doc
