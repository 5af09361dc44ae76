#!/usr/bin/env python3
"""Validates the built-in technology-advice templates data file
(data/templates/advice-templates.json) against the rules of the domain notes
(advice-templates.md): placeholder syntax, known placeholder names, per-template
inputs, ids and the legal `verified_on` stamp.

Usage: test-templates-data.py TEMPLATES.json
Prints TAP and exits 1 if any check fails. Standard library only."""
import re

from tap_data import check, finish, load_object, nonempty_str

MIN_TEMPLATES = 6
CATEGORIES = {"ecommerce", "marketplace", "gestionale", "sicurezza", "bandi", "digitale"}

TEMPLATE_ID = re.compile(r"^[a-z0-9-]+$")
YEAR_MONTH = re.compile(r"^[0-9]{4}-(0[1-9]|1[0-2])$")
# Inner name of a placeholder: {{namespace.key}} or {{date}}.
PLACEHOLDER_NAME = re.compile(r"^[a-z]+(\.[a-z_]+)?$")
# Anything between double braces, to be checked against PLACEHOLDER_NAME.
PLACEHOLDER = re.compile(r"\{\{(.*?)\}\}", re.S)

doc = load_object("usage: test-templates-data.py TEMPLATES.json")


def templates():
    value = doc.get("templates")
    return [t for t in value if isinstance(t, dict)] if isinstance(value, list) else []


def where(i, t):
    tid = t.get("id")
    return f"template {i + 1} ({tid})" if isinstance(tid, str) else f"template {i + 1}"


def declared_placeholders():
    value = doc.get("placeholders")
    if not isinstance(value, list):
        return set()
    return {p.get("name") for p in value if isinstance(p, dict) and isinstance(p.get("name"), str)}


def input_ids(t):
    value = t.get("inputs")
    if not isinstance(value, list):
        return []
    return [i.get("id") for i in value if isinstance(i, dict) and isinstance(i.get("id"), str)]


def texts():
    """(where, text, allowed extra names) for every text that may hold placeholders."""
    out = []
    for key in ("header", "closing"):
        out.append((key, doc.get(key), set()))
    for i, t in enumerate(templates()):
        out.append((f"{where(i, t)} body", t.get("body"), set(input_ids(t))))
    return out


def check_top_level():
    problems = []
    if not nonempty_str(doc.get("version")):
        problems.append("missing or empty \"version\"")
    for key in ("header", "closing"):
        if not nonempty_str(doc.get(key)):
            problems.append(f"missing or empty \"{key}\"")
    if not isinstance(doc.get("placeholders"), list):
        problems.append("\"placeholders\" is not a list")
    if not isinstance(doc.get("templates"), list):
        problems.append("\"templates\" is not a list")
    elif len(templates()) != len(doc["templates"]):
        problems.append("some templates are not objects")
    return problems


check("has version, header, closing, placeholders and templates", check_top_level)


def check_count():
    n = len(templates())
    return [] if n >= MIN_TEMPLATES else [f"{n} templates, expected at least {MIN_TEMPLATES}"]


check(f"at least {MIN_TEMPLATES} templates", check_count)


def check_ids():
    problems = []
    seen = set()
    for i, t in enumerate(templates()):
        tid = t.get("id")
        if not isinstance(tid, str) or not TEMPLATE_ID.match(tid):
            problems.append(f"template {i + 1}: bad id {tid!r}")
            continue
        if tid in seen:
            problems.append(f"template {i + 1}: duplicate id {tid!r}")
        seen.add(tid)
    return problems


check("template ids are unique and match ^[a-z0-9-]+$", check_ids)


def check_texts():
    problems = []
    for i, t in enumerate(templates()):
        for key in ("title", "description", "body"):
            if not nonempty_str(t.get(key)):
                problems.append(f"{where(i, t)}: missing or empty \"{key}\"")
    return problems


check("every template has a non-empty title, description and body", check_texts)


def check_categories():
    problems = []
    for i, t in enumerate(templates()):
        if t.get("category") not in CATEGORIES:
            problems.append(f"{where(i, t)}: unknown category {t.get('category')!r}")
    return problems


check("every template has a known category", check_categories)


def check_verified_on():
    problems = []
    for i, t in enumerate(templates()):
        value = t.get("verified_on")
        if not isinstance(value, str) or (value != "" and not YEAR_MONTH.match(value)):
            problems.append(f"{where(i, t)}: bad verified_on {value!r} (expected '' or YYYY-MM)")
    return problems


check("verified_on is '' or YYYY-MM", check_verified_on)


def check_placeholder_labels_distinct():
    """The Insert Placeholder menu lists the labels: two alike cannot be told apart."""
    value = doc.get("placeholders")
    if not isinstance(value, list):
        return ["\"placeholders\" is not a list"]
    seen = {}
    problems = []
    for p in value:
        if not isinstance(p, dict) or not isinstance(p.get("label"), str):
            continue
        label = p["label"].strip().lower()
        if label in seen:
            problems.append(f"{p.get('name')!r} and {seen[label]!r} share the label {p['label']!r}")
        else:
            seen[label] = p.get("name")
    return problems


check("placeholder labels are distinct", check_placeholder_labels_distinct)


def check_placeholders_declared():
    value = doc.get("placeholders")
    if not isinstance(value, list):
        return ["\"placeholders\" is not a list"]
    problems = []
    seen = set()
    for i, p in enumerate(value):
        if not isinstance(p, dict):
            problems.append(f"placeholder {i + 1}: not an object")
            continue
        name = p.get("name")
        if not isinstance(name, str) or not PLACEHOLDER_NAME.match(name):
            problems.append(f"placeholder {i + 1}: bad name {name!r}")
            continue
        if name.startswith("input."):
            problems.append(f"placeholder {name!r}: input.* names are declared per template")
        if name in seen:
            problems.append(f"placeholder {name!r}: declared twice")
        seen.add(name)
        if not nonempty_str(p.get("label")):
            problems.append(f"placeholder {name!r}: missing or empty label")
    return problems


check("placeholder names are valid and unique, each with a non-empty label",
      check_placeholders_declared)


def check_inputs():
    problems = []
    for i, t in enumerate(templates()):
        value = t.get("inputs")
        if not isinstance(value, list):
            problems.append(f"{where(i, t)}: \"inputs\" is not a list")
            continue
        seen = set()
        for j, inp in enumerate(value):
            if not isinstance(inp, dict):
                problems.append(f"{where(i, t)} input {j + 1}: not an object")
                continue
            iid = inp.get("id")
            if not isinstance(iid, str) or not iid.startswith("input.") \
                    or not PLACEHOLDER_NAME.match(iid):
                problems.append(f"{where(i, t)} input {j + 1}: bad id {iid!r}")
                continue
            if iid in seen:
                problems.append(f"{where(i, t)}: input {iid!r} declared twice")
            seen.add(iid)
            if not nonempty_str(inp.get("label")):
                problems.append(f"{where(i, t)}: input {iid!r} has no label")
    return problems


check("input ids start with \"input.\", are unique per template and have labels",
      check_inputs)


def check_syntax():
    problems = []
    for place, text, _ in texts():
        if not isinstance(text, str):
            continue
        for m in PLACEHOLDER.finditer(text):
            if not PLACEHOLDER_NAME.match(m.group(1)):
                problems.append(f"{place}: malformed placeholder {m.group(0)!r}")
        rest = PLACEHOLDER.sub("", text)
        if "{{" in rest or "}}" in rest:
            problems.append(f"{place}: unbalanced {{{{ or }}}}")
    return problems


check("placeholders are exactly {{namespace.key}} or {{date}}", check_syntax)


def check_known():
    declared = declared_placeholders()
    problems = []
    for place, text, extra in texts():
        if not isinstance(text, str):
            continue
        for m in PLACEHOLDER.finditer(text):
            name = m.group(1)
            if PLACEHOLDER_NAME.match(name) and name not in declared and name not in extra:
                problems.append(f"{place}: unknown placeholder {{{{{name}}}}}")
    return problems


check("every placeholder is declared (bodies: or one of the template's inputs)",
      check_known)


def check_inputs_used():
    problems = []
    for i, t in enumerate(templates()):
        body = t.get("body")
        used = set(PLACEHOLDER.findall(body)) if isinstance(body, str) else set()
        for iid in input_ids(t):
            if iid not in used:
                problems.append(f"{where(i, t)}: input {iid!r} is not used in the body")
    return problems


check("every declared input is used in its template's body", check_inputs_used)

finish()
