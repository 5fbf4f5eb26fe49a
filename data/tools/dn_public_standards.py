"""The published list of apprenticeship standards, for the bundled dataset.

Only public facts, no descriptions: each standard's reference, title, level,
route and LARS code from the Institute for Apprenticeships' standards list
(the "download CSV" of 8 May 2018), joined by LARS code with the ESFA LARS
Standard.csv of 12 Aug 2020 (level where the 2018 list has none; a standard
whose LARS LastDateStarts has passed is "Retired"). Both are Crown copyright
under the Open Government Licence v3.0. They are the newest complete lists
that could be reached when this was written: standards approved after
August 2020 are not in them, and the 2026 status of each was not checked.

Read from /work/shared/refdata (or $CAREERS_REFDATA); without it, the file
already in data/doncaster/standards-published/ is kept as it is.
"""
import csv
import os

REFDATA = os.environ.get("CAREERS_REFDATA", "/work/shared/refdata")
IFATE = os.path.join(REFDATA, "ifate-apprenticeship-standards",
                     "ApprenticeshipStandards_2018-05-08_utf8.csv")
LARS = os.path.join(REFDATA, "lars", "Standard.csv")


def available():
    return os.path.exists(IFATE) and os.path.exists(LARS)


def records(skip_refs):
    """Skills England API records (the fields a public list gives) for every standard."""
    lars = {}
    with open(LARS, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            lars[row["StandardCode"]] = row
    out = []
    with open(IFATE, newline="", encoding="utf-8") as f:
        lines = f.read().splitlines()[1:]          # a title line stands above the header
    for row in csv.DictReader(lines, skipinitialspace=True):
        ref = (row.get("Reference") or "").strip()
        if not ref.startswith("ST") or ref in skip_refs:
            continue
        code = (row.get("LARS code for providers only") or "").strip()
        l = lars.get(code)
        level = (row.get("Level") or "").strip() or (l["NotionalEndLevel"] if l else "")
        status = "Approved for delivery" if (row.get("Approved for Delivery Date") or "").strip() \
            else "In development"
        if l and l["LastDateStarts"]:
            status = "Retired"
        rec = {"referenceNumber": ref, "title": row["Name"].strip(), "status": status,
               "route": " ".join((row.get("Route") or "").replace("  ", ", ").split())}
        if level.isdigit():
            rec["level"] = int(level)
        if code.isdigit():
            rec["larsCode"] = int(code)
        out.append(rec)
    out.sort(key=lambda r: r["referenceNumber"])
    return out
