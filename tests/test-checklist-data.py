#!/usr/bin/env python3
"""Validates a checklist data file (data/checklists/*.json) against the rules
of the built-in "Preparazione all'e-commerce" (formerly "Prontezza") checklist, as described in the
domain notes (ecommerce-checklist.md, §2, §4 and §5).

Usage: test-checklist-data.py CHECKLIST.json
Prints TAP and exits 1 if any check fails. Standard library only."""
import re

from tap_data import check, finish, load_object, nonempty_str

# From the domain notes, §4 "Areas and weights" and the header.
AREA_CODES = ["STR", "CAT", "PIA", "PAG", "LOG", "LEG", "MKT", "SOC", "ORG", "SIC"]
TOTAL_WEIGHT = 100
N_ITEMS = 45
N_BLOCKERS = 7
LEGAL_AREA = "LEG"

ITEM_ID = re.compile(r"^[A-Z]{3}-[0-9]{2}$")
YEAR_MONTH = re.compile(r"^[0-9]{4}-(0[1-9]|1[0-2])$")

doc = load_object("usage: test-checklist-data.py CHECKLIST.json")


def areas():
    value = doc.get("areas")
    return [a for a in value if isinstance(a, dict)] if isinstance(value, list) else []


def items():
    """(area, item) pairs, in checklist order."""
    out = []
    for a in areas():
        value = a.get("items")
        if isinstance(value, list):
            out.extend((a, i) for i in value if isinstance(i, dict))
    return out


def c_id_version():
    return [f"'{k}' missing or empty" for k in ("id", "version") if not nonempty_str(doc.get(k))]


check("id and version are present", c_id_version)


def c_structure():
    problems = []
    if not isinstance(doc.get("areas"), list):
        return ["'areas' is not a list"]
    for n, a in enumerate(doc["areas"]):
        if not isinstance(a, dict):
            problems.append(f"area #{n} is not an object")
        elif not isinstance(a.get("items"), list) or not a["items"]:
            problems.append(f"area {a.get('id')!r} has no list of items")
        elif not all(isinstance(i, dict) for i in a["items"]):
            problems.append(f"area {a.get('id')!r} has an item that is not an object")
    return problems


check("areas and items are non-empty lists of objects", c_structure)


def c_area_codes():
    found = [a.get("id") for a in areas()]
    return [] if found == AREA_CODES else [f"expected {AREA_CODES}", f"found    {found}"]


check("area codes are exactly those of the notes, in order", c_area_codes)


def c_weights():
    problems = []
    total = 0
    for a in areas():
        w = a.get("weight")
        if isinstance(w, bool) or not isinstance(w, int) or w <= 0:
            problems.append(f"area {a.get('id')!r}: weight {w!r} is not a positive integer")
        else:
            total += w
    if not problems and total != TOTAL_WEIGHT:
        problems.append(f"weights sum to {total}, not {TOTAL_WEIGHT}")
    return problems


check(f"area weights are positive integers summing to {TOTAL_WEIGHT}", c_weights)


def c_unique_ids():
    seen = set()
    dups = []
    for _, i in items():
        if i.get("id") in seen:
            dups.append(f"duplicate item id {i.get('id')!r}")
        seen.add(i.get("id"))
    return dups


check("item ids are unique", c_unique_ids)


def c_id_format():
    return [f"bad item id {i.get('id')!r}" for _, i in items()
            if not isinstance(i.get("id"), str) or not ITEM_ID.match(i["id"])]


check("item ids match ^[A-Z]{3}-[0-9]{2}$", c_id_format)


def c_id_prefix():
    return [f"{i.get('id')!r} is in area {a.get('id')!r}" for a, i in items()
            if not isinstance(i.get("id"), str) or not isinstance(a.get("id"), str)
            or not i["id"].startswith(a["id"] + "-")]


check("item ids start with their area's id", c_id_prefix)


def c_texts():
    return [f"{i.get('id')!r}: empty or missing '{k}'" for _, i in items()
            for k in ("title", "why", "how") if not nonempty_str(i.get(k))]


check("every item has a non-empty title, why and how", c_texts)


def c_types():
    problems = []
    for _, i in items():
        for k in ("blocker", "na_allowed"):
            if not isinstance(i.get(k), bool):
                problems.append(f"{i.get('id')!r}: '{k}' is {i.get(k)!r}, not a boolean")
        for k in ("na_hint", "legal_basis", "verified_on"):
            if not isinstance(i.get(k), str):
                problems.append(f"{i.get('id')!r}: '{k}' is {i.get(k)!r}, not a string")
    return problems


check("blocker and na_allowed are booleans, the other fields strings", c_types)


def c_blockers_legal():
    return [f"{i.get('id')!r}: blocker without legal_basis and verified_on" for _, i in items()
            if i.get("blocker") is True
            and not (nonempty_str(i.get("legal_basis")) and nonempty_str(i.get("verified_on")))]


check("every blocker has a legal_basis and a verified_on", c_blockers_legal)


def c_legal_area():
    legal = [i for a, i in items() if a.get("id") == LEGAL_AREA]
    if not legal:
        return [f"no items in area {LEGAL_AREA}"]
    problems = []
    for i in legal:
        if not nonempty_str(i.get("legal_basis")):
            problems.append(f"{i.get('id')!r}: no legal_basis")
        if not isinstance(i.get("verified_on"), str) or not YEAR_MONTH.match(i["verified_on"]):
            problems.append(f"{i.get('id')!r}: verified_on {i.get('verified_on')!r} is not YYYY-MM")
    return problems


check(f"every {LEGAL_AREA} item has a legal_basis and a YYYY-MM verified_on", c_legal_area)


def c_verified_on_format():
    return [f"{i.get('id')!r}: verified_on {i.get('verified_on')!r} is not YYYY-MM" for _, i in items()
            if i.get("verified_on") not in ("", None)
            and (not isinstance(i.get("verified_on"), str) or not YEAR_MONTH.match(i["verified_on"]))]


check("every non-empty verified_on is YYYY-MM", c_verified_on_format)


def c_na_hint():
    problems = []
    for _, i in items():
        allowed = i.get("na_allowed") is True
        if allowed != nonempty_str(i.get("na_hint")):
            problems.append(f"{i.get('id')!r}: na_allowed is {i.get('na_allowed')!r} "
                            f"but na_hint is {i.get('na_hint')!r}")
    return problems


check("na_hint is non-empty exactly when na_allowed is true", c_na_hint)


def c_item_count():
    n = len(items())
    return [] if n == N_ITEMS else [f"{n} items, the notes say {N_ITEMS}"]


check(f"{N_ITEMS} items, as in the notes", c_item_count)


def c_blocker_count():
    found = [i.get("id") for _, i in items() if i.get("blocker") is True]
    return [] if len(found) == N_BLOCKERS else [f"{len(found)} blockers {found}, the notes say {N_BLOCKERS}"]


check(f"{N_BLOCKERS} blockers, as in the notes", c_blocker_count)

finish()
