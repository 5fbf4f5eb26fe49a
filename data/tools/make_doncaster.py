#!/usr/bin/env python3
"""Write the bundled Doncaster sample dataset, data/doncaster/, in the real file formats.

Run from anywhere (Python 3, standard library only):

    python3 data/tools/make_doncaster.py            # writes data/doncaster/
    python3 data/tools/make_doncaster.py --out DIR  # writes elsewhere

The content lives in the dn_*.py modules beside this file; this script only
lays it out in each publisher's format (headers, envelopes, encodings and
quirks as the real downloads have them). Output is deterministic: the same
input always gives byte-identical files.

Coordinates of DN postcodes are looked up in the ONS NSPL extract under
/work/shared/refdata (or $CAREERS_NSPL_DN); without it, the coordinates
already in data/doncaster/postcodes/ are reused. Everything except public
codes and coordinates is sample content written by the careers project.
"""
import argparse
import csv
import datetime
import hashlib
import io
import json
import math
import os
import sys
import uuid
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True  # keep data/tools free of __pycache__

import dn_buses as B  # noqa: E402
import dn_courses as C  # noqa: E402
import dn_occupations as O  # noqa: E402
import dn_onet  # noqa: E402
import dn_places as P  # noqa: E402
import dn_standards as S  # noqa: E402
import dn_vacancies as V  # noqa: E402

ROOT = os.path.normpath(os.path.join(HERE, "..", "doncaster"))
NSPL = os.environ.get("CAREERS_NSPL_DN",
                      "/work/shared/refdata/postcodes/nspl-may2025-latlong-DN/DN.csv")
OUTCODES_REF = "/work/shared/refdata/postcodes/outcode-centroids/postcode-outcodes.csv"
DATA_DATE = "2026-11-01"
SEARCH_FROM = (53.51970, -1.13194)  # DN1 3BU, where the sample searches were "made"

# --- small helpers ----------------------------------------------------------------------


def stable_uuid(*parts):
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "careers-doncaster:" + ":".join(parts)))


def stable_int(text, lo, hi):
    h = int(hashlib.sha256(text.encode()).hexdigest()[:12], 16)
    return lo + h % (hi - lo + 1)


def outcode_of(pc):
    return pc.split(" ")[0]


def tight(pc):
    return pc.replace(" ", "")


def miles(a, b):
    la1, lo1, la2, lo2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 3958.8 * 2 * math.asin(math.sqrt(h))


class Out:
    """Collects files, then writes them; refuses to write outside the output folder."""

    def __init__(self, root):
        self.root = root
        self.files = {}

    def text(self, rel, text, encoding="utf-8", bom=False):
        data = text.encode(encoding)
        if bom:
            data = b"\xef\xbb\xbf" + data
        self.files[rel] = data

    def csv(self, rel, header, rows, encoding="utf-8", quoting=csv.QUOTE_MINIMAL,
            lineterminator="\r\n", delimiter=",", bom=False):
        buf = io.StringIO()
        w = csv.writer(buf, quoting=quoting, lineterminator=lineterminator, delimiter=delimiter)
        if header is not None:
            w.writerow(header)
        for r in rows:
            w.writerow(r)
        self.text(rel, buf.getvalue(), encoding, bom)

    def binary(self, rel, data):
        self.files[rel] = data

    def json(self, rel, obj, indent=None):
        text = json.dumps(obj, ensure_ascii=False, indent=indent)
        self.text(rel, text + ("\n" if indent else ""))

    def write(self):
        for rel, data in sorted(self.files.items()):
            path = os.path.join(self.root, rel)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as f:
                f.write(data)


# --- coordinates ------------------------------------------------------------------------------


def load_nspl():
    """Postcode -> (lat, lon) for DN postcodes, keyed by the spaced form."""
    table = {}
    if os.path.exists(NSPL):
        with open(NSPL, newline="", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                pc = row["Postcode"].strip().upper().replace(" ", "")
                if not row["lat"] or row["lat"].startswith("99.9"):
                    continue  # no grid reference
                table[pc[:-3] + " " + pc[-3:]] = (float(row["lat"]), float(row["long"]))
        return table, True
    own = os.path.join(ROOT, "postcodes-dn", DN_POSTCODES)
    with open(own, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            pc = row["Postcode"].strip().upper().replace(" ", "")
            table[pc[:-3] + " " + pc[-3:]] = (float(row["lat"]), float(row["long"]))
    return table, False


def wgs84_to_osgb(lat, lon):
    """WGS84 degrees -> OSGB36 National Grid easting, northing (Helmert + Transverse Mercator)."""
    a1, b1 = 6378137.0, 6356752.314245
    phi, lam = math.radians(lat), math.radians(lon)
    e2 = 1 - (b1 * b1) / (a1 * a1)
    nu = a1 / math.sqrt(1 - e2 * math.sin(phi) ** 2)
    x1 = nu * math.cos(phi) * math.cos(lam)
    y1 = nu * math.cos(phi) * math.sin(lam)
    z1 = (1 - e2) * nu * math.sin(phi)
    tx, ty, tz = -446.448, 125.157, -542.060
    s = 20.4894e-6
    rx, ry, rz = (math.radians(v / 3600) for v in (-0.1502, -0.2470, -0.8421))
    x2 = tx + (1 + s) * x1 - rz * y1 + ry * z1
    y2 = ty + rz * x1 + (1 + s) * y1 - rx * z1
    z2 = tz - ry * x1 + rx * y1 + (1 + s) * z1
    a, b = 6377563.396, 6356256.909
    e2 = 1 - (b * b) / (a * a)
    p = math.hypot(x2, y2)
    phi = math.atan2(z2, p * (1 - e2))
    for _ in range(10):
        nu = a / math.sqrt(1 - e2 * math.sin(phi) ** 2)
        phi = math.atan2(z2 + e2 * nu * math.sin(phi), p)
    lam = math.atan2(y2, x2)
    f0 = 0.9996012717
    phi0, lam0 = math.radians(49), math.radians(-2)
    n0, e0 = -100000, 400000
    n = (a - b) / (a + b)
    nu = a * f0 / math.sqrt(1 - e2 * math.sin(phi) ** 2)
    rho = a * f0 * (1 - e2) / (1 - e2 * math.sin(phi) ** 2) ** 1.5
    eta2 = nu / rho - 1
    dphi, sphi = phi - phi0, phi + phi0
    m = b * f0 * ((1 + n + 1.25 * n * n + 1.25 * n ** 3) * dphi
                  - (3 * n + 3 * n * n + 21 / 8 * n ** 3) * math.sin(dphi) * math.cos(sphi)
                  + (15 / 8 * n * n + 15 / 8 * n ** 3) * math.sin(2 * dphi) * math.cos(2 * sphi)
                  - 35 / 24 * n ** 3 * math.sin(3 * dphi) * math.cos(3 * sphi))
    cos, sin, tan = math.cos(phi), math.sin(phi), math.tan(phi)
    i = m + n0
    ii = nu / 2 * sin * cos
    iii = nu / 24 * sin * cos ** 3 * (5 - tan ** 2 + 9 * eta2)
    iiia = nu / 720 * sin * cos ** 5 * (61 - 58 * tan ** 2 + tan ** 4)
    iv = nu * cos
    v = nu / 6 * cos ** 3 * (nu / rho - tan ** 2)
    vi = nu / 120 * cos ** 5 * (5 - 18 * tan ** 2 + tan ** 4 + 14 * eta2 - 58 * tan ** 2 * eta2)
    dl = lam - lam0
    north = i + ii * dl ** 2 + iii * dl ** 4 + iiia * dl ** 6
    east = e0 + iv * dl + v * dl ** 3 + vi * dl ** 5
    return round(east), round(north)


class Places:
    """Every postcode the dataset uses, with its coordinates."""

    def __init__(self):
        self.nspl, self.from_refdata = load_nspl()
        self.used = {}

    def use(self, pc):
        if pc in P.NON_DN_POSTCODES:
            self.used[pc] = P.NON_DN_POSTCODES[pc]
        elif pc in self.nspl:
            self.used[pc] = self.nspl[pc]
        else:
            raise SystemExit("make_doncaster: postcode %s is not in the NSPL extract and has no "
                             "sample coordinates" % pc)
        return self.used[pc]

    def town(self, pc):
        return P.TOWNS[outcode_of(pc)]


# --- 1. DATASET -----------------------------------------------------------------------------

DATASET = """\
# The careers project's bundled sample: Doncaster and its neighbours.
# `careers build` with no arguments builds the default store from this folder.
name: Doncaster sample dataset (careers kiosk)
licence: Sample data written by the careers project, not real records; distributed with the careers project on the same terms as its code. It contains public facts used under their own licences: ONS postcode coordinates (NSPL, Open Government Licence v3.0), SOC 2020 codes and titles (ONS, OGL v3.0), LARS code lists, standard codes and sector subject areas (ESFA/DfE, OGL v3.0), apprenticeship standard references and titles (IfATE/Skills England, OGL v3.0) and O*NET-SOC codes and titles (US DoL/ETA, CC BY 4.0).
attribution: Sample data written by the careers project - not real courses, vacancies, pay or statistics. Contains public sector information licensed under the Open Government Licence v3.0 (ONS National Statistics Postcode Lookup, ONS SOC 2020, ESFA LARS, Skills England). Contains O*NET-SOC codes and titles from the O*NET Database by the U.S. Department of Labor, Employment and Training Administration (USDOL/ETA), used under the CC BY 4.0 licence; the interest scores are the project's own, not O*NET's.
sample: yes
date: 2026-11-01
#
# What is real and what is written for the sample:
# - Real public facts (see also postcodes-dn/ and standards-published/, which are not
#   sample data): DN postcodes and their coordinates (NSPL May 2025); outcode
#   centroids for S, WF, HU, LN, NG and YO8 districts; SOC 2020 codes and titles; LARS
#   sector subject area and level code lists; apprenticeship standard references, titles,
#   levels, routes and LARS codes; O*NET-SOC codes and titles; the names of schools and
#   colleges of the area; the UKPRNs of DN Colleges Group (10004695) and Sheffield Hallam
#   University (10005790).
# - Written for the sample: every description, entry route, task and job title; all pay
#   and hours figures (in the layout of ONS ASHE Table 14: ashe/); university campuses, entry
#   and graduate earnings figures (discover-uni/LOCATION.csv, GOSALARY.csv, LEO3/5.csv, ...); all O*NET-style interest scores and job zones; every
#   course, date, fee and learning aim reference; every vacancy and employer (all
#   fictional, websites under .example); school URNs, the other UKPRNs, street addresses,
#   age ranges and pupil numbers; HECOS codes on university courses.
# - Postcodes outside the DN area (S, WF, HU) carry approximate coordinates written for
#   the sample; DN postcodes use the real NSPL coordinates.
# - Quiz links (crosswalk/soc2020_isco08_doncaster_sample.csv,
#   crosswalk/isco08_soc2018_doncaster_sample.csv, onet/2019_to_SOC_Crosswalk_doncaster_sample.csv):
#   in the shapes of ONS's SOC 2020 - ISCO-08 relationship (OGL v3.0), BLS's ISCO-08 - 2018 SOC
#   crosswalk (public domain) and O*NET's O*NET-SOC 2019 - 2018 SOC crosswalk (CC BY 4.0). The
#   codes and titles are real classifications; which SOC 2020 group goes to which ISCO-08 group
#   was written for the sample from the groups' titles, not copied from ONS's table, and the US
#   SOC codes follow crosswalk/soc2020_onet_crosswalk.csv (data/tools/dn_quiz_links.py).
# - Buses (bods-gtfs/, naptan/): a sample network in the shape of the Bus Open Data
#   Service's GTFS zip and NaPTAN's CSV. The places are real (stops near the sample's
#   schools and colleges); stop codes, operators, routes and every time are written for
#   the sample, not real timetables (data/tools/dn_buses.py).
# - Today in the sample is 2026-11-30: vacancies close between December 2026 and April
#   2027; most courses start in September 2027.
# Regenerate with: python3 data/tools/make_doncaster.py
"""

# --- 2. postcodes and outcodes ---------------------------------------------------------------


DN_POSTCODES = "nspl_dn_postcodes_may2025.csv"

DN_DATASET = """\
# Every DN postcode with its coordinates: public facts from the ONS National Statistics
# Postcode Lookup (May 2025), through the postcode-to-latitude/longitude lists of
# github.com/odileeds/Postcodes2LatLon (postcodes/DN.csv), trimmed to the postcode,
# latitude and longitude. So a pupil's real postcode is found.
name: DN postcodes (ONS NSPL, May 2025)
licence: Open Government Licence v3.0
attribution: Source: Office for National Statistics licensed under the Open Government Licence v3.0. Contains OS data (c) Crown copyright and database right 2025. Contains Royal Mail data (c) Royal Mail copyright and database right 2025. Contains GeoPlace data (c) Local Government Information House Limited copyright and database right 2025.
sample: no
date: 2025-05-01
"""


def write_postcodes(out, places):
    # Every DN postcode (real NSPL facts), in a folder of their own with their own DATASET.
    rows = []
    for pc in sorted(places.nspl, key=lambda p: (outcode_of(p)[:2], len(outcode_of(p)), p)):
        lat, lon = places.nspl[pc]
        rows.append([pc, "%.5f" % lat, "%.5f" % lon])
    out.text("postcodes-dn/DATASET", DN_DATASET)
    out.csv("postcodes-dn/" + DN_POSTCODES, ["Postcode", "lat", "long"], rows,
            lineterminator="\n")
    # The sample's own places outside DN (approximate coordinates written for the sample).
    rows = []
    for pc in sorted(places.used, key=lambda p: (outcode_of(p)[:2], len(outcode_of(p)), p)):
        if pc in places.nspl:
            continue
        lat, lon = places.used[pc]
        # The NSPL extract writes 7-character postcodes without the space (pcd7 style).
        shown = tight(pc) if len(tight(pc)) == 7 else pc
        rows.append([shown, "%.5f" % lat, "%.5f" % lon])
    out.csv("postcodes/nspl_doncaster_sample.csv", ["Postcode", "lat", "long"], rows,
            lineterminator="\n")


def outcode_rows(places):
    """Outcode centroids: DN districts from the NSPL postcodes, others from public centroids.

    Without the NSPL extract or the public centroid list, the centroids already in
    data/doncaster are reused unchanged."""
    rows = {}
    if not places.from_refdata or not os.path.exists(OUTCODES_REF):
        own = os.path.join(ROOT, "postcodes", "outcode_centroids_sample.csv")
        with open(own, newline="", encoding="utf-8") as f:
            for r in csv.DictReader(f):
                rows[r["outcode"].strip()] = (float(r["latitude"]), float(r["longitude"]))
        return rows
    sums = {}
    for pc, (lat, lon) in places.nspl.items():
        s = sums.setdefault(outcode_of(pc), [0.0, 0.0, 0])
        s[0] += lat
        s[1] += lon
        s[2] += 1
    for oc, (la, lo, n) in sums.items():
        rows[oc] = (la / n, lo / n)
    wanted = ("S", "WF", "HU", "LN")
    extra = {"YO8", "NG20", "NG21", "NG22", "NG23", "NG24", "NG25"}
    with open(OUTCODES_REF, newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            oc = r["outcode"].strip()
            letters = oc.rstrip("0123456789")
            if (letters in wanted or oc in extra) and oc not in rows:
                rows[oc] = (float(r["latitude"]), float(r["longitude"]))
    return rows


def write_outcodes(out, places):
    rows = outcode_rows(places)
    order = sorted(rows, key=lambda oc: (oc.rstrip("0123456789"), int(oc.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))))
    lines = ["id,outcode,latitude,longitude,"]
    for i, oc in enumerate(order, 1):
        lat, lon = rows[oc]
        lines.append("%d,%s,%.6f,%.6f," % (i, oc, lat, lon))
    out.text("postcodes/outcode_centroids_sample.csv", "\r\n".join(lines) + "\r\n")


# --- 3. LARS code lists and Standard.csv ------------------------------------------------------

SSA1 = [
    ("-2.00", "Not Applicable", "Not App", "01 Aug 2012"),
    ("-1.00", "Unknown", "Unknown", "01 Aug 2012"),
    ("1.00", "Health, Public Services and Care", "Hlth, Pub Svces & Care", "01 Jan 2004"),
    ("2.00", "Science and Mathematics", "Sci and Maths", "01 Jan 2004"),
    ("3.00", "Agriculture, Horticulture and Animal Care", "Agric, Hortic & Anim Care", "01 Jan 2004"),
    ("4.00", "Engineering and Manufacturing Technologies", "Engin & Manuf Tech", "01 Jan 2004"),
    ("5.00", "Construction, Planning and the Built Environment", "Const, Plan & Built Envir", "01 Jan 2004"),
    ("6.00", "Information and Communication Technology", "Info & Comm Tech", "01 Jan 2004"),
    ("7.00", "Retail and Commercial Enterprise", "Retail & Comm Enerp", "01 Jan 2004"),
    ("8.00", "Leisure, Travel and Tourism", "Leis, Travel & Tour", "01 Jan 2004"),
    ("9.00", "Arts, Media and Publishing", "Art, Media & Pub", "01 Jan 2004"),
    ("10.00", "History, Philosophy and Theology", "Hist, Phil & Theol", "01 Jan 2004"),
    ("11.00", "Social Sciences", "Soc Sciences", "01 Jan 2004"),
    ("12.00", "Languages, Literature and Culture", "Lang, Lit & Cult", "01 Jan 2004"),
    ("13.00", "Education and Training", "Educ & Train", "01 Jan 2004"),
    ("14.00", "Preparation for Life and Work", "Prep for Life & Work", "01 Jan 2004"),
    ("15.00", "Business, Administration and Law", "Bus, Admin & Law", "01 Jan 2004"),
]

SSA2 = [
    ("1.10", "Medicine and Dentistry", "Med & Dentist"),
    ("1.20", "Nursing and Subjects and Vocations Allied to Medicine", "Nurse & Sub Allied to Medic"),
    ("1.30", "Health and Social Care", "Health & Sco Care"),
    ("1.40", "Public Services", "Pub Services"),
    ("1.50", "Child Development and Well Being", "Child Dev & Well Being"),
    ("2.10", "Science", "Science"),
    ("2.20", "Mathematics and Statistics", "Math & Stats"),
    ("3.10", "Agriculture", "Agriculture"),
    ("3.20", "Horticulture and Forestry", "Hortic & Forestry"),
    ("3.30", "Animal Care and Veterinary Science", "Animal Care & Vet Sci"),
    ("3.40", "Environmental Conservation", "Envir Conserv"),
    ("4.10", "Engineering", "Engineering"),
    ("4.20", "Manufacturing Technologies", "Manuf Tech"),
    ("4.30", "Transportation Operations and Maintenance", "Trans Op & Main"),
    ("5.10", "Architecture", "Architecture"),
    ("5.20", "Building and Construction", "Build & Constr"),
    ("5.30", "Urban, Rural and Regional Planning", "Urban, Rural & Reg Plan"),
    ("6.10", "ICT Practitioners", "ICT Practitioners"),
    ("6.20", "ICT for Users", "ICT for Users"),
    ("7.10", "Retailing and Wholesaling", "Retail & Wholesaling"),
    ("7.20", "Warehousing and Distribution", "Whare & Distrib"),
    ("7.30", "Service Enterprises", "Serv Enter"),
    ("7.40", "Hospitality and Catering", "Hosp & Cater"),
    ("8.10", "Sport, Leisure and Recreation", "Sport, Leis & Recreat"),
    ("8.20", "Travel and Tourism", "Travel and Tourism"),
    ("9.10", "Performing Arts", "Performing Arts"),
    ("9.20", "Crafts, Creative Arts and Design", "Craft, Creat Arts & Des"),
    ("9.30", "Media and Communication", "Mdia & Comm"),
    ("9.40", "Publishing and Information Services", "Pub & Info Serv"),
    ("10.10", "History", "History"),
    ("10.20", "Archaeology and Archaeological Sciences", "Archeol, & Archeol Sci"),
    ("10.30", "Philosophy", "Philosophy"),
    ("10.40", "Theology and Religious Studies", "Theo & Relig Stud"),
    ("11.10", "Geography", "Geography"),
    ("11.20", "Sociology and Social Policy", "Socio & Soc Policy"),
    ("11.30", "Politics", "Politics"),
    ("11.40", "Economics", "Economics"),
    ("11.50", "Anthropology", "Anthropology"),
    ("12.10", "Languages, Literature and Culture of the British Isles", "Lang, Lit & Cult Of Brit I"),
    ("12.20", "Other Languages, Literature and Culture", "Oth Lang, Lit & Cult"),
    ("12.30", "Linguistics", "Linguistics"),
    ("13.10", "Teaching and Lecturing", "Teaching and Lecturing"),
    ("13.20", "Direct Learning Support", "Direct Learning Support"),
    ("14.10", "Foundations for Learning and Life", "Found for Learn & Life"),
    ("14.20", "Preparation for Work", "Prep for Work"),
    ("15.10", "Accounting and Finance", "Account & Finance"),
    ("15.20", "Administration", "Administration"),
    ("15.30", "Business Management", "Bus Managem"),
    ("15.40", "Marketing and Sales", "Marketing and Sales"),
    ("15.50", "Law and Legal Services", "Law and Legal Serv"),
]

LEVELS = [("1", "Level 1", "01 Jan 2004"), ("1.5", "Level 1/2", "01 Aug 2013"),
          ("2", "Level 2", "01 Jan 2004"), ("3", "Level 3", "01 Jan 2004"),
          ("4", "Level 4", "01 Jan 2004"), ("5", "Level 5", "01 Jan 2004"),
          ("6", "Level 6", "01 Jan 2004"), ("7", "Level 7", "01 Jan 2004"),
          ("8", "Level 8", "01 Jan 2004"), ("E", "Entry Level", "01 Jan 2004"),
          ("H", "Higher Level", "01 Jan 2004"), ("M", "Mixed Level", "01 Jan 2004"),
          ("X", "Not Applicable/ Not Known", "01 Jan 2004")]


def ssa_decimal(code):
    return "%.2f" % float(code)


def write_lars(out):
    q = csv.QUOTE_ALL
    out.csv("lars/SectorSubjectAreaTier1.csv",
            ["SectorSubjectAreaTier1", "SectorSubjectAreaTier1Desc",
             "SectorSubjectAreaTier1Desc2", "EffectiveFrom", "EffectiveTo"],
            [[c, d, d2, f, ""] for c, d, d2, f in SSA1], quoting=q, lineterminator="\n")
    tier2 = [[c, d, d2, f, ""] for c, d, d2, f in SSA1]
    for c, d, d2 in SSA2:
        tier2.append([c, d, d2, "01 Jan 2004", ""])
    tier2.sort(key=lambda r: float(r[0]))
    out.csv("lars/SectorSubjectAreaTier2.csv",
            ["SectorSubjectAreaTier2", "SectorSubjectAreaTier2Desc",
             "SectorSubjectAreaTier2Desc2", "EffectiveFrom", "EffectiveTo"],
            tier2, quoting=q, lineterminator="\n")
    out.csv("lars/NotionalNVQLevelv2.csv",
            ["NotionalNVQLevelV2", "NotionalNVQLevelV2Desc", "NotionalNVQLevelV2Desc2",
             "EffectiveFrom", "EffectiveTo"],
            [[c, d, d, f, ""] for c, d, f in LEVELS], quoting=q, lineterminator="\n")
    rows = []
    for st in sorted(S.STANDARDS, key=lambda s: s[1]):
        (ref, lars, version, title, level, route, months, funding, ssa1, ssa2, sector, eff,
         approved, degree, keywords, jobs, overview) = st
        slug = "".join(ch if ch.isalnum() else "-" for ch in title.lower()).strip("-")
        while "--" in slug:
            slug = slug.replace("--", "-")
        rows.append([str(lars), version.split(".")[0], lars_title(title), str(sector), str(level),
                     eff, "", "",
                     "https://www.instituteforapprenticeships.org/apprenticeship-standards/%s/" % slug,
                     ssa_decimal(ssa1), ssa_decimal(ssa2),
                     "Y" if degree == "integrated degree" else "N", "N", eff, "LARSDATA",
                     "01 Oct 2026", "LARSDATA"])
    out.csv("lars/Standard.csv",
            ["StandardCode", "Version", "StandardName", "StandardSectorCode", "NotionalEndLevel",
             "EffectiveFrom", "LastDateStarts", "EffectiveTo", "URLLink",
             "SectorSubjectAreaTier1", "SectorSubjectAreaTier2", "IntegratedDegreeStandard",
             "OtherBodyApprovalRequired", "Created_On", "Created_By", "Modified_On",
             "Modified_By"], rows, quoting=q, lineterminator="\n")


def lars_title(title):
    """LARS writes standard names in title case ("Software Developer")."""
    small = {"and", "or", "of", "in", "the", "a", "for", "to", "c", "e"}
    words = title.split(" ")
    res = []
    for i, w in enumerate(words):
        if i and w.lower() in small:
            res.append(w.lower() if w.lower() not in ("c", "e") else w.upper())
        elif w[:1] == "(":
            res.append("(" + w[1:2].upper() + w[2:])
        else:
            res.append(w[:1].upper() + w[1:])
    return " ".join(res)


# --- 4. Skills England API JSON and the IfATE CSV ---------------------------------------------


def standard_page(ref, version):
    return "https://skillsengland.education.gov.uk/apprenticeships/%s-v%s" % (
        ref.lower(), version.replace(".", "-"))


def write_standards(out):
    records = []
    for st in S.STANDARDS:
        (ref, lars, version, title, level, route, months, funding, ssa1, ssa2, sector, eff,
         approved, degree, keywords, jobs, overview) = st
        records.append({
            "standardUId": "%s_%s" % (ref, version),
            "referenceNumber": ref,
            "title": title,
            "status": "Approved for delivery",
            "version": version,
            "versionNumber": version,
            "change": "Approved for delivery" if version.endswith(".0") else "Minor changes",
            "changedDate": "%sT00:00:00" % approved,
            "larsCode": lars,
            "level": level,
            "route": route,
            "typicalDuration": months,
            "maxFunding": funding,
            "integratedDegree": degree,
            "integratedApprenticeship": degree == "integrated degree",
            "regulated": ref in ("ST0781", "ST0567", "ST0519", "ST0508", "ST0113", "ST0300",
                                 "ST0343", "ST0246"),
            "regulatedBody": "",
            "overviewOfRole": overview,
            "keywords": keywords,
            "typicalJobTitles": jobs,
            "greenJobTitles": [],
            "approvedForDelivery": "%sT00:00:00" % approved,
            "createdDate": "%sT00:00:00" % approved,
            "publishDate": "%sT00:00:00" % approved,
            "lastUpdated": "2026-10-01T00:00:00",
            "earliestStartDate": "%sT00:00:00" % approved,
            "latestStartDate": None,
            "latestEndDate": None,
            "eQAProvider": {"providerName": "Ofqual", "webLink": "https://www.gov.uk/ofqual"},
            "assessmentPlanUrl": standard_page(ref, version) + "#assessment",
            "standardPageUrl": standard_page(ref, version),
            "coreAndOptions": False,
            "options": [],
            "duties": [],
            "knowledges": [],
            "skills": [],
            "behaviours": [],
            "qualifications": [],
        })
    records.sort(key=lambda r: r["referenceNumber"])
    out.json("skills-england/apprenticeshipstandards.json", records, indent=2)
    write_published_standards(out, {r["referenceNumber"] for r in records})

    # The old IfATE "download CSV" layout for the standards approved before 2019.
    lines = ["Apprenticeship Standards accurate as of 01 Nov 2026"]
    header = ["Name", "Reference", "Standard Approved", "Assessment Plan Approved",
              "Approved for Delivery Date", "Route", "Level", "Integrated Degree",
              "Maximum Funding (\u00a3)", "Funding Band", "Typical Duration",
              "Trailblazer Contact", "LARS code for providers only", "Link"]
    lines.append(", ".join(header))
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    for st in sorted(S.STANDARDS, key=lambda s: s[0]):
        (ref, lars, version, title, level, route, months, funding, ssa1, ssa2, sector, eff,
         approved, degree, keywords, jobs, overview) = st
        if approved >= "2019-01-01":
            continue
        y, m, d = approved.split("-")
        slug = standard_page(ref, version)
        w.writerow([title, ref, "Y", "Y", "%s-%s-%s" % (d, m, y), route, level,
                    {"integrated degree": "integrated degree",
                     "non-integrated degree": "non-integrated degree"}.get(degree, ""),
                    funding, "TBC", months, "", lars, slug])
    text = "\n".join(lines) + "\n" + buf.getvalue()
    # Like the IfATE site's own export: UTF-16LE with no byte-order mark, LF line ends.
    out.text("ifate/ApprenticeshipStandards_2026-11-01.csv", text, encoding="utf-16-le")


PUBLISHED_DATASET = """\
# The published list of apprenticeship standards: references, titles, levels, routes and
# LARS codes only (public facts; no descriptions). See data/tools/dn_public_standards.py.
name: Apprenticeship standards as published (IfATE list 2018, LARS 2020)
licence: Open Government Licence v3.0
attribution: Contains public sector information from the Institute for Apprenticeships and Technical Education (standards list, May 2018) and the Education and Skills Funding Agency (Learning Aim Reference Service, August 2020), licensed under the Open Government Licence v3.0.
sample: no
date: 2020-08-12
"""


def write_published_standards(out, skip_refs):
    import dn_public_standards as PS
    rel = "standards-published/apprenticeshipstandards_published.json"
    if not PS.available():
        with open(os.path.join(ROOT, rel), "rb") as f:
            out.binary(rel, f.read())
    else:
        out.json(rel, PS.records(skip_refs), indent=1)
    out.text("standards-published/DATASET", PUBLISHED_DATASET)


# --- 5. occupations: ONS SOC 2020 descriptions ------------------------------------------------

SOC_HEADER = ["SOC\n2020 Major Group", "SOC\n2020 Sub-Major Group", "SOC\n2020 Minor Group",
              "SOC 2020 Unit Group", "SOC\n2020 \nGroup Title",
              "Groups Classified Within Sub-Groups ", "Group  Description",
              "Typical Entry Routes And Associated Qualifications", "Tasks",
              "Related Job Titles"]

BLANK = "<blank>"


def tilde_list(items):
    return "\n\n".join("~" + i for i in items)


def write_soc(out):
    units = sorted(O.OCCUPATIONS, key=lambda o: o["soc"])
    codes = set()
    for o in units:
        codes.update({o["soc"][:1], o["soc"][:2], o["soc"][:3]})
    rows = []
    for code in sorted(codes | {o["soc"] for o in units}):
        if len(code) == 4:
            o = next(x for x in units if x["soc"] == code)
            rows.append([BLANK, BLANK, BLANK, code, o["title"], BLANK, o["description"],
                         o["entry"], tilde_list(o["tasks"]), tilde_list(o["titles"])])
            continue
        children = sorted(c for c in codes | {o["soc"] for o in units}
                          if len(c) == len(code) + 1 and c.startswith(code))
        level = {1: "major", 2: "sub-major", 3: "minor"}[len(code)]
        child = {1: "sub-major groups", 2: "minor groups", 3: "unit groups"}[len(code)]
        names = []
        for ch in children:
            if len(ch) == 4:
                names.append("%s %s" % (ch, next(x for x in units if x["soc"] == ch)["title"]))
            else:
                names.append("%s %s" % (ch, O.GROUPS[ch]))
        within = ("Occupations in this %s group are classified into the following %s:\n\n%s"
                  % (level, child, "\n".join(names)))
        if len(code) == 1:
            desc = O.GROUP_SUMMARY[code]
        else:
            desc = ("Jobs in this %s group include %s." %
                    (level, "; ".join(n.split(" ", 1)[1].lower() for n in names)))
        cells = [BLANK] * 4
        cells[len(code) - 1] = code
        rows.append(cells + [O.GROUPS[code], within, desc, BLANK, BLANK, BLANK])
    out.csv("ons-soc2020/soc2020_volume1_descriptions_doncaster_sample.csv", SOC_HEADER, rows)


# --- 6. LMI for All: pay, hours and Working Futures projections --------------------------------

PAY_GROWTH = {2019: 0.0, 2020: 0.012, 2021: 0.028, 2022: 0.045, 2023: 0.062, 2024: 0.048,
              2025: 0.0}


def pay_series(o):
    """Weekly pay by year, ending at the 2025 figure, with ASHE-like year-to-year wobble."""
    years = list(range(2019, 2026))
    pay = {2025: float(o["pay"])}
    for y in range(2024, 2018, -1):
        growth = PAY_GROWTH[y + 1] + (stable_int(o["soc"] + str(y), 0, 20) - 10) / 1000
        pay[y] = pay[y + 1] / (1 + growth)
    return [{"year": y, "estpay": int(round(pay[y]))} for y in years]


def hours_series(o):
    out = []
    for y in range(2019, 2026):
        wobble = (stable_int(o["soc"] + "h" + str(y), 0, 10) - 5) / 10
        out.append({"year": y, "hours": round(o["hours"] + wobble, 1)})
    return out


def employment_series(o):
    start = o["emp"] * 1000
    rows = []
    for y in range(2020, 2036):
        covid = 0.97 if y == 2020 else 1.0
        value = start * ((1 + o["growth"] / 100) ** (y - 2020)) / 0.97 * covid
        value *= 1 + (stable_int(o["soc"] + "e" + str(y), 0, 10) - 5) / 1000
        rows.append({"year": y, "employment": int(round(value, -1))})
    return rows


def xlsx_cell(ref, value):
    """One SpreadsheetML cell: numbers as numbers, text inline."""
    if isinstance(value, (int, float)):
        return '<c r="%s"><v>%s</v></c>' % (ref, value)
    text = (str(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))
    return '<c r="%s" t="inlineStr"><is><t xml:space="preserve">%s</t></is></c>' % (ref, text)


def xlsx_workbook(sheets):
    """A minimal .xlsx (zip of SpreadsheetML parts) holding sheets [(name, rows)], where rows
    is {row number: [cell values from column A]}. Deterministic: fixed zip dates."""
    import zipfile
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel_ns = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    parts = {}
    parts["[Content_Types].xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.sheet.main+xml"/>' +
        "".join('<Override PartName="/xl/worksheets/sheet%d.xml" ContentType="application/'
                'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' % (i + 1)
                for i in range(len(sheets))) + '</Types>')
    parts["_rels/.rels"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="%s/officeDocument" Target="xl/workbook.xml"/>'
        '</Relationships>' % rel_ns)
    parts["xl/workbook.xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<workbook xmlns="%s" xmlns:r="%s"><sheets>' % (ns, rel_ns) +
        "".join('<sheet name="%s" sheetId="%d" r:id="rId%d"/>' % (name, i + 1, i + 1)
                for i, (name, _) in enumerate(sheets)) + '</sheets></workbook>')
    parts["xl/_rels/workbook.xml.rels"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        "".join('<Relationship Id="rId%d" Type="%s/worksheet" Target="worksheets/sheet%d.xml"/>'
                % (i + 1, rel_ns, i + 1) for i in range(len(sheets))) + '</Relationships>')
    for i, (name, rows) in enumerate(sheets):
        body = []
        for r in sorted(rows):
            cells = "".join(xlsx_cell("%s%d" % (chr(ord("A") + k), r), v)
                            for k, v in enumerate(rows[r]) if v != "")
            body.append('<row r="%d">%s</row>' % (r, cells))
        parts["xl/worksheets/sheet%d.xml" % (i + 1)] = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<worksheet xmlns="%s"><sheetData>%s</sheetData></worksheet>' % (ns, "".join(body)))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name in sorted(parts):
            info = zipfile.ZipInfo(name, date_time=(2026, 11, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, parts[name])
    return buf.getvalue()


ASHE_PERCENTILES = ["10", "20", "25", "30", "40", "60", "70", "75", "80", "90"]


def ashe_sheet(table, what, rows_for):
    """One Table 14 sheet as ONS lays it out: title lines, header on row 5, data from row 7."""
    rows = {1: ["Table %s   %s - For full-time employee jobs: United Kingdom, 2025" % (table, what)],
            2: ["Occupation (SOC20) (4)"],
            4: ["", "", "", "", "", "", "", "Percentiles"],
            5: ["Description", "Code", "Number of jobs (thousand)", "Median", "Annual % change",
                "Mean", "Annual % change"] + ASHE_PERCENTILES,
            7: ["All employees", "", 20000, "x", "x", "x", "x"]}
    r = 8
    for o in sorted(O.OCCUPATIONS, key=lambda o: o["soc"]):
        median, mean, jobs = rows_for(o)
        rows[r] = [o["title"], o["soc"], jobs, median, 2.5, mean, 2.4] + ["x"] * 10
        r += 1
    return rows


def write_ashe(out):
    """Pay and hours by occupation in the layout of ONS ASHE Table 14 (SOC 2020): a zip of
    workbooks, as ONS publishes it. The figures are the sample's own, not ONS's."""
    import zipfile

    def weekly(o):
        pay = pay_series(o)[-1]["estpay"]
        return pay, round(pay * 1.08, 1), round(o["emp"] / 10.0, 1)

    def hours(o):
        h = hours_series(o)[-1]["hours"]
        return h, round(h + 0.6, 1), round(o["emp"] / 10.0, 1)

    books = [
        ("SAMPLE - Occupation SOC20 (4) Table 14.1a   Weekly pay - Gross 2025.xlsx",
         ashe_sheet("14.1a", "Weekly pay - Gross (\u00a3)", weekly)),
        ("SAMPLE - Occupation SOC20 (4) Table 14.9a   Paid hours worked - Total 2025.xlsx",
         ashe_sheet("14.9a", "Paid hours worked - Total", hours)),
    ]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, rows in books:
            info = zipfile.ZipInfo(name, date_time=(2026, 11, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, xlsx_workbook([("Full-Time", rows), ("Notes", {1: ["Sample"]})]))
    out.binary("ashe/ashetable14_2025_sample.zip", buf.getvalue())


# --- 7. O*NET files and the crosswalk ---------------------------------------------------------

RIASEC = [("1.B.1.a", "Realistic"), ("1.B.1.b", "Investigative"), ("1.B.1.c", "Artistic"),
          ("1.B.1.d", "Social"), ("1.B.1.e", "Enterprising"), ("1.B.1.f", "Conventional")]
HIGH = [("1.B.1.g", "First Interest High-Point"), ("1.B.1.h", "Second Interest High-Point"),
        ("1.B.1.i", "Third Interest High-Point")]

ONET_DESCRIPTIONS = {}


def onet_description(code):
    """Our own one-sentence description (dn_onet.py), not O*NET's text."""
    return dn_onet.DESCRIPTIONS[code]


def high_points(scores):
    order = sorted(range(6), key=lambda i: (-scores[i], i))
    first = order[0] + 1
    second = order[1] + 1 if scores[order[1]] >= 3.0 else 0
    third = order[2] + 1 if scores[order[2]] >= 3.5 and second else 0
    return [first, second, third]


def write_onet(out):
    onet = {}
    pairs = []
    for o in O.OCCUPATIONS:
        for code, title, zone, scores in o["onet"]:
            pairs.append((o["soc"], code, o["title"], title))
            if code not in onet:
                onet[code] = (title, zone, scores, o["description"])
    interests, zones, data = [], [], []
    for code in sorted(onet):
        title, zone, scores, uk_description = onet[code]
        for (eid, name), value in zip(RIASEC, scores):
            interests.append([code, title, eid, name, "OI", "Occupational Interests",
                              ("%.2f" % value).rstrip("0").rstrip("."), "11/2026", "Sample"])
        for (eid, name), value in zip(HIGH, high_points(scores)):
            interests.append([code, title, eid, name, "IH", "Occupational Interest High-Point",
                              str(value), "11/2026", "Sample"])
        zones.append([code, title, zone, "11/2026", "Sample"])
        data.append([code, title, '"%s"' % onet_description(code)])
    out.csv("onet/Interests_doncaster_sample.csv",
            ["O*NET-SOC Code", "Title", "Element ID", "Element Name", "Scale ID", "Scale Name",
             "Data Value", "Date", "Domain Source"], interests)
    out.csv("onet/Job_Zones_doncaster_sample.csv",
            ["O*NET-SOC Code", "Title", "Job Zone", "Date", "Domain Source"], zones)
    text = "O*NET-SOC Code\tTitle\tDescription\n" + "".join(
        "%s\t%s\t%s\n" % tuple(r) for r in data)
    out.text("onet/Occupation Data.txt", text)
    out.csv("crosswalk/soc2020_onet_crosswalk.csv",
            ["SOC2020", "ONET_SOC", "SOC2020 title", "O*NET-SOC title"],
            sorted(set(pairs)), lineterminator="\n")


# --- 8. schools and colleges: GIAS --------------------------------------------------------------

GIAS_HEADER = [
    "URN", "LA (code)", "LA (name)", "EstablishmentNumber", "EstablishmentName",
    "TypeOfEstablishment (code)", "TypeOfEstablishment (name)", "EstablishmentTypeGroup (code)",
    "EstablishmentTypeGroup (name)", "EstablishmentStatus (code)", "EstablishmentStatus (name)",
    "ReasonEstablishmentOpened (code)", "ReasonEstablishmentOpened (name)", "OpenDate",
    "ReasonEstablishmentClosed (code)", "ReasonEstablishmentClosed (name)", "CloseDate",
    "PhaseOfEducation (code)", "PhaseOfEducation (name)", "StatutoryLowAge", "StatutoryHighAge",
    "Boarders (code)", "Boarders (name)", "NurseryProvision (name)", "OfficialSixthForm (code)",
    "OfficialSixthForm (name)", "Gender (code)", "Gender (name)", "ReligiousCharacter (code)",
    "ReligiousCharacter (name)", "ReligiousEthos (name)", "Diocese (code)", "Diocese (name)",
    "AdmissionsPolicy (code)", "AdmissionsPolicy (name)", "SchoolCapacity",
    "SpecialClasses (code)", "SpecialClasses (name)", "CensusDate", "NumberOfPupils",
    "NumberOfBoys", "NumberOfGirls", "PercentageFSM", "TrustSchoolFlag (code)",
    "TrustSchoolFlag (name)", "Trusts (code)", "Trusts (name)", "SchoolSponsorFlag (name)",
    "SchoolSponsors (name)", "FederationFlag (name)", "Federations (code)", "Federations (name)",
    "UKPRN", "FEHEIdentifier", "FurtherEducationType (name)", "OfstedLastInsp",
    "OfstedSpecialMeasures (code)", "OfstedSpecialMeasures (name)", "LastChangedDate", "Street",
    "Locality", "Address3", "Town", "County (name)", "Postcode", "SchoolWebsite", "TelephoneNum",
    "HeadTitle (name)", "HeadFirstName", "HeadLastName", "HeadPreferredJobTitle",
    "InspectorateName (name)", "InspectorateReport", "DateOfLastInspectionVisit",
    "NextInspectionVisit", "TeenMoth (name)", "TeenMothPlaces", "CCF (name)", "SENPRU (name)",
    "EBD (name)", "PlacesPRU", "FTProv (name)", "EdByOther (name)", "Section41Approved (name)",
    "SEN1 (name)", "SEN2 (name)", "SEN3 (name)", "SEN4 (name)", "SEN5 (name)", "SEN6 (name)",
    "SEN7 (name)", "SEN8 (name)", "SEN9 (name)", "SEN10 (name)", "SEN11 (name)", "SEN12 (name)",
    "SEN13 (name)", "TypeOfResourcedProvision (name)", "ResourcedProvisionOnRoll",
    "ResourcedProvisionCapacity", "SenUnitOnRoll", "SenUnitCapacity", "GOR (code)", "GOR (name)",
    "DistrictAdministrative (code)", "DistrictAdministrative (name)", "AdministrativeWard (code)",
    "AdministrativeWard (name)", "ParliamentaryConstituency (code)",
    "ParliamentaryConstituency (name)", "UrbanRural (code)", "UrbanRural (name)",
    "GSSLACode (name)", "Easting", "Northing", "CensusAreaStatisticWard (name)", "MSOA (name)",
    "LSOA (name)", "Inspectorate (name)", "SENStat", "SENNoStat", "BoardingEstablishment (name)",
    "PropsName", "PreviousLA (code)", "PreviousLA (name)", "PreviousEstablishmentNumber",
    "OfstedRating (name)", "RSCRegion (name)", "Country (name)", "UPRN", "SiteName",
    "MSOA (code)", "LSOA (code)"]

# type key -> (type code, type name, group code, group name, phase code, phase name,
#              admissions code, admissions name, FE type)
GIAS_TYPES = {
    "converter": ("34", "Academy converter", "10", "Academies", "4", "Secondary", "4",
                  "Non-selective", "Not applicable"),
    "sponsor": ("28", "Academy sponsor led", "10", "Academies", "4", "Secondary", "4",
                "Non-selective", "Not applicable"),
    "community_special": ("07", "Community special school", "5", "Special schools", "0",
                          "Not applicable", "0", "Not applicable", "Not applicable"),
    "nonmaintained_special": ("08", "Non-maintained special school", "5", "Special schools",
                              "0", "Not applicable", "0", "Not applicable", "Not applicable"),
    "fe": ("18", "Further education", "1", "Colleges", "0", "Not applicable", "0",
           "Not applicable", "General FE and Tertiary"),
    "sfc": ("18", "Further education", "1", "Colleges", "6", "16 plus", "0", "Not applicable",
            "Sixth Form College"),
    "sixth_form_centre": ("31", "Sixth form centres", "4", "Local authority maintained schools",
                          "6", "16 plus", "0", "Not applicable", "Not applicable"),
}

RELIGION = {"Does not apply": ("00", "0000", "Not applicable"),
            "Roman Catholic": ("03", "RC36", "Diocese of Hallam"),
            "Church of England": ("02", "CE36", "Diocese of Sheffield"),
            "Christian": ("06", "0000", "Not applicable")}


def gias_row(school, places):
    (key, urn, ukprn, name, tkey, la, street, locality, town, pc, low, high, sixth, religion,
     pupils) = school
    t = GIAS_TYPES[tkey]
    la_code, district, county = P.LAS[la]
    lat, lon = places.use(pc)
    east, north = wgs84_to_osgb(lat, lon)
    rel_code, dio_code, dio_name = RELIGION[religion]
    sixth_name = {1: "Has a sixth form", 2: "Does not have a sixth form",
                  0: "Not applicable"}[sixth]
    boys = pupils // 2 + stable_int(urn, 0, 30) if pupils else 0
    row = dict.fromkeys(GIAS_HEADER, "")
    row.update({
        "URN": urn, "LA (code)": la_code, "LA (name)": la,
        "EstablishmentNumber": str(stable_int(urn + "n", 4000, 4999)) if tkey in (
            "converter", "sponsor") else str(stable_int(urn + "n", 7000, 7999)) if "special" in tkey
        else "", "EstablishmentName": name,
        "TypeOfEstablishment (code)": t[0], "TypeOfEstablishment (name)": t[1],
        "EstablishmentTypeGroup (code)": t[2], "EstablishmentTypeGroup (name)": t[3],
        "EstablishmentStatus (code)": "1", "EstablishmentStatus (name)": "Open",
        "ReasonEstablishmentOpened (code)": "10" if tkey in ("converter", "sponsor") else "00",
        "ReasonEstablishmentOpened (name)": "Academy Converter" if tkey == "converter" else
        "Academy Sponsor Led" if tkey == "sponsor" else "Not applicable",
        "OpenDate": "01-%02d-20%02d" % (stable_int(urn + "m", 1, 12), stable_int(urn + "y", 11, 19))
        if tkey in ("converter", "sponsor") else "",
        "ReasonEstablishmentClosed (code)": "00",
        "ReasonEstablishmentClosed (name)": "Not applicable",
        "PhaseOfEducation (code)": t[4], "PhaseOfEducation (name)": t[5],
        "StatutoryLowAge": str(low), "StatutoryHighAge": str(high),
        "Boarders (code)": "1", "Boarders (name)": "No boarders",
        "NurseryProvision (name)": "No Nursery Classes",
        "OfficialSixthForm (code)": str(sixth), "OfficialSixthForm (name)": sixth_name,
        "Gender (code)": "3", "Gender (name)": "Mixed",
        "ReligiousCharacter (code)": rel_code, "ReligiousCharacter (name)": religion,
        "ReligiousEthos (name)": religion if religion != "Does not apply" else "Does not apply",
        "Diocese (code)": dio_code, "Diocese (name)": dio_name,
        "AdmissionsPolicy (code)": t[6], "AdmissionsPolicy (name)": t[7],
        "SchoolCapacity": str(int(pupils * 1.08)) if pupils else "",
        "SpecialClasses (code)": "2" if "special" not in tkey else "1",
        "SpecialClasses (name)": "No Special Classes" if "special" not in tkey
        else "Has Special Classes",
        "CensusDate": "16-01-2026" if pupils else "",
        "NumberOfPupils": str(pupils) if pupils else "",
        "NumberOfBoys": str(boys) if pupils else "",
        "NumberOfGirls": str(pupils - boys) if pupils else "",
        "PercentageFSM": "%.1f" % (stable_int(urn + "f", 120, 380) / 10) if pupils else "",
        "TrustSchoolFlag (code)": "0", "TrustSchoolFlag (name)": "Not applicable",
        "SchoolSponsorFlag (name)": "Linked to a sponsor" if tkey == "sponsor" else "Not applicable",
        "FederationFlag (name)": "Not under a federation",
        "UKPRN": ukprn,
        "FurtherEducationType (name)": t[8],
        "OfstedSpecialMeasures (code)": "0", "OfstedSpecialMeasures (name)": "Not applicable",
        "LastChangedDate": "%02d-10-2026" % stable_int(urn + "c", 1, 28),
        "Street": street, "Locality": locality, "Town": town, "County (name)": county,
        "Postcode": pc,
        "InspectorateName (name)": "Not applicable", "TeenMoth (name)": "Not applicable",
        "CCF (name)": "Not applicable", "SENPRU (name)": "Not applicable",
        "EBD (name)": "Not applicable", "EdByOther (name)": "Not applicable",
        "Section41Approved (name)": "Approved" if tkey in ("fe", "sfc", "nonmaintained_special")
        else "Not applicable",
        "SEN1 (name)": "SLD - Severe Learning Difficulty" if "special" in tkey else "",
        "GOR (code)": "D" if la not in ("Nottinghamshire", "North Lincolnshire") else
        ("E" if la == "Nottinghamshire" else "D"),
        "GOR (name)": "East Midlands" if la == "Nottinghamshire" else "Yorkshire and the Humber",
        "DistrictAdministrative (code)": district,
        "DistrictAdministrative (name)": "Bassetlaw" if la == "Nottinghamshire" else la,
        "UrbanRural (code)": "C1", "UrbanRural (name)": "Urban city and town",
        "GSSLACode (name)": district if la != "Nottinghamshire" else "E10000024",
        "Easting": str(east), "Northing": str(north),
        "PreviousLA (code)": "999",
        "RSCRegion (name)": "East Midlands" if la == "Nottinghamshire" else "Yorkshire and the Humber",
        "Country (name)": "",
    })
    if tkey == "converter" or tkey == "sponsor":
        row["Trusts (name)"] = {"danum": "Outwood Grange Academies Trust",
                                "adwick": "Outwood Grange Academies Trust"}.get(key, "")
    return [row[h] for h in GIAS_HEADER]


def write_gias(out, places):
    rows = [gias_row(s, places) for s in sorted(P.SCHOOLS, key=lambda s: s[1])]
    out.csv("gias/edubasealldata20261101.csv", GIAS_HEADER, rows, encoding="latin-1",
            quoting=csv.QUOTE_ALL)


# --- 9. courses: Find a course search results ---------------------------------------------------

SCHOOLS_BY_KEY = {s[0]: s for s in P.SCHOOLS}
TP_BY_KEY = {t[0]: t for t in P.TRAINING_PROVIDERS}

AWARDING = {"T Level": "Pearson", "A level": "AQA", "Access": "Open College Network",
            "GCSE": "Pearson", "ESOL": "Trinity College London", "AAT": "AAT"}

SECTOR_IDS = {"Digital": 1, "Health and social care": 2, "Science": 3, "Construction": 4,
              "Engineering": 5, "Creative": 6, "Business": 7, "Accounting and finance": 8,
              "Legal": 9, "Hair and beauty": 10, "Catering and hospitality": 11, "Sport": 12,
              "Education and childcare": 13, "Animal care": 14, "Public services": 15,
              "Languages": 16, "Humanities": 17, "Maths and English": 18,
              "English for speakers of other languages": 19,
              "Preparation for life and work": 20, "Transport and logistics": 21,
              "Sales and retail": 22, "Community learning": 23}


def learn_aim(qual):
    if qual.lower().startswith("non-regulated"):
        return "Z%07d" % stable_int(qual, 1000, 9999999)
    return "6%07d" % stable_int(qual, 100000, 9999999)


def awarding_body(qual):
    for k, v in AWARDING.items():
        if qual.startswith(k) or k in qual:
            return v
    return "Pearson" if "Extended Diploma" in qual or "Technical" in qual else "City & Guilds"


def venue_address(street, town, county, pc):
    return ", ".join(x for x in (street, town, county, pc) if x)


class CourseBook:
    def __init__(self, places):
        self.places = places
        self.results = []

    def add(self, provider_name, ukprn, venue, course, numeric_enums=False):
        """venue: (name, street, town, county, postcode)."""
        vname, street, town, county, pc = venue
        lat, lon = self.places.use(pc)
        key = ukprn + ":" + vname + ":" + course["key"]
        start = course["start"]
        tlevel = course["tlevel"]
        who = course["who"]
        desc = "%s. %s" % (who, course["desc"])
        rec = {
            "searchScore": round(5 + stable_int(key + "s", 0, 9000) / 1000, 3),
            "distance": round(miles(SEARCH_FROM, (lat, lon)), 2),
            "venueLocation": {"latitude": round(lat, 6), "longitude": round(lon, 6)},
        }
        if tlevel:
            rec["tLevelId"] = stable_uuid("tlevel", ukprn, course["key"])
            rec["tLevelLocationId"] = stable_uuid("tlevel-location", ukprn, vname, course["key"])
            rec["offeringType"] = "TLevel"
            rec["courseType"] = "TLevels"
        else:
            rec["courseId"] = stable_uuid("course", ukprn, course["key"])
            rec["courseRunId"] = stable_uuid("run", ukprn, vname, course["key"])
            rec["offeringType"] = "Course"
            rec["courseType"] = None
        study = course["mode"]
        att = course["att"] if study != "Flexible" else None
        delivery = course["delivery"]
        if numeric_enums:
            sm = {"FullTime": "1", "PartTime": "2", "Flexible": "3"}
            at = {"Daytime": "1", "Evening": "2", "Weekend": "3", "DayOrBlockRelease": "4"}
            dm = {"ClassroomBased": "1", "Online": "2", "WorkBased": "3", "BlendedLearning": "4"}
            words = {"FullTime": "Full time", "PartTime": "Part time", "Flexible": "Flexible",
                     "Daytime": "Daytime", "Evening": "Evening", "Weekend": "Weekend",
                     "DayOrBlockRelease": "Day or block release",
                     "ClassroomBased": "Classroom based", "Online": "Online",
                     "WorkBased": "Work based", "BlendedLearning": "Blended learning"}
            study_v, study_d = sm[study], words[study]
            att_v, att_d = (at[att], words[att]) if att else ("0", None)
            del_v, del_d = dm[delivery], words[delivery]
        else:
            study_v, att_v, del_v = study, att, delivery
        rec.update({
            "qualificationCourseTitle": course["qual"],
            "learnAimRef": learn_aim(course["qual"]),
            "qualificationLevel": course["level"],
            "updatedOn": "2026-%02d-%02dT%02d:%02d:00Z" % (
                stable_int(key + "um", 9, 11), stable_int(key + "ud", 1, 28),
                stable_int(key + "uh", 8, 17), stable_int(key + "un", 0, 59)),
            "venueName": html(vname),
            "venueAddress": html(venue_address(street, town, county, pc)),
            "venueAttendancePattern": att_v,
            "providerName": html(provider_name),
            "region": "East Midlands" if outcode_of(pc) in ("S80", "S81") else
            "Yorkshire and the Humber",
            "venueStudyMode": study_v,
            "deliveryMode": del_v,
            "startDate": ("%sT00:00:00Z" % start) if start and not course["flexible"] else None,
            "venueTown": town,
            "cost": course["cost"],
            "costDescription": course["cost_text"],
            "courseText": html(course["desc"]),
            "ukprn": ukprn,
            "courseDescription": html(desc),
            "courseName": html(course["title"]),
            "flexibleStartDate": bool(course["flexible"]),
            "durationUnit": course["duration"][1],
            "durationValue": course["duration"][0],
            "national": False,
            "sectorId": SECTOR_IDS[course["sector"]],
            "sectorDescription": course["sector"],
            "educationLevel": course["level"],
            "awardingBody": awarding_body(course["qual"]),
            "entryRequirements": course["entry"],
            "whereNext": course["next"],
        })
        if numeric_enums:
            rec["venueStudyModeDescription"] = study_d
            rec["venueAttendancePatternDescription"] = att_d
            rec["deliveryModeDescription"] = del_d
        self.results.append(rec)


def html(text):
    """Find a course HTML-encodes its text fields."""
    return text.replace("&", "&amp;").replace("'", "&#39;")


def a_level_course(subject, applied=False):
    if applied:
        ssa1, ssa2, sector, blurb = C.APPLIED_L3[subject]
        title = "%s (Level 3 Applied)" % subject
        qual = "Level 3 Extended Certificate in %s" % subject
        entry = C.GCSE4
    else:
        ssa1, ssa2, sector, blurb = C.A_LEVELS[subject]
        title = "A level %s" % subject
        qual = "GCE A level in %s" % subject
        entry = ("Five GCSEs at grade 4 or above, including English and maths, and grade 6 in "
                 "%s or a related subject." % subject.split(" (")[0])
    return C.c("alevel-" + subject.lower().replace(" ", "-"), title, qual, "3", ssa1, ssa2,
               sector, C.YOUNG, "Study %s." % blurb, entry,
               "University, a higher or degree apprenticeship, or work with training.",
               duration=(2, "Years"))


def build_courses(places):
    book = CourseBook(places)
    # Sixth forms (schools and sixth-form colleges).
    for key, (alevels, applied) in C.SIXTH_FORMS.items():
        s = SCHOOLS_BY_KEY[key]
        name, ukprn, street, locality, town, pc = s[3], s[2], s[6], s[7], s[8], s[9]
        la = P.LAS[s[5]][2]
        vname = name if s[4] in ("sfc", "sixth_form_centre") else name + " Sixth Form"
        venue = (vname, ", ".join(x for x in (street, locality) if x), town, la, pc)
        for subj in alevels:
            book.add(name, ukprn, venue, a_level_course(subj))
        for subj in applied:
            book.add(name, ukprn, venue, a_level_course(subj, applied=True))
    # Colleges.
    all_college = {x["key"]: x for x in C.TLEVELS + C.VOCATIONAL + C.ACCESS + C.ADULT}
    college_venues = {
        "dncolleges": ("DN Colleges Group", "10004695",
                       ("Doncaster College - The Hub", "Chappell Drive", "Doncaster",
                        "South Yorkshire", "DN1 2RF")),
        "dncolleges-nlc": ("DN Colleges Group", "10004695",
                           ("North Lindsey College", "Kingsway", "Scunthorpe",
                            "North Lincolnshire", "DN17 1AJ")),
        "rnn": ("Rotherham College", "10005575",
                ("Rotherham College - Town Centre Campus", "Eastwood Lane", "Rotherham",
                 "South Yorkshire", "S65 1EG")),
        "barnsley": ("Barnsley College", "10000536",
                     ("Barnsley College - Old Mill Lane", "Church Street", "Barnsley",
                      "South Yorkshire", "S70 2YW")),
        "northnotts": ("North Nottinghamshire College", "10004772",
                       ("North Notts College - Worksop", "Carlton Road", "Worksop",
                        "Nottinghamshire", "S81 7HP")),
    }
    for key, keys in C.COLLEGES.items():
        pname, ukprn, venue = college_venues[key]
        for k in keys:
            book.add(pname, ukprn, venue, all_college[k], numeric_enums=(key == "barnsley"))
    # Training providers and community learning.
    tp_venues = {
        "buildskills": ("Don Valley Building Skills - Carcroft Training Centre",
                        "Carcroft Enterprise Park", "Doncaster", "South Yorkshire", "DN6 8DD"),
        "pathways": ("Pathways Doncaster - Priory Place", "Priory Place", "Doncaster",
                     "South Yorkshire", "DN1 1BL"),
        "railskills": ("Carr Hill Rail Training Centre", "Balby Carr Bank", "Doncaster",
                       "South Yorkshire", "DN4 8DE"),
        "community": ("Doncaster Community Learning Centre", "Waterdale", "Doncaster",
                      "South Yorkshire", "DN1 3BU"),
        "carecademy": ("Northern Care Academy - Thorne Road", "Thorne Road", "Doncaster",
                       "South Yorkshire", "DN2 5AF"),
        "danum": ("Danum Training - Lakeside", "Unit 3, Lakeside Court", "Doncaster",
                  "South Yorkshire", "DN4 5NG"),
    }
    for key, courses in C.PROVIDER_COURSES.items():
        tp = TP_BY_KEY[key]
        for course in courses:
            if course["delivery"] == "Online":
                # Keep every course placed: online runs are listed at the provider's centre.
                course = dict(course, delivery="BlendedLearning")
            book.add(tp[2], tp[1], tp_venues[key], course)
    return book.results


def write_fac(out, places):
    results = build_courses(places)
    pages = [results[i:i + 60] for i in range(0, len(results), 60)]
    for n, page in enumerate(pages, 1):
        levels = {}
        for r in page:
            levels[r["qualificationLevel"]] = levels.get(r["qualificationLevel"], 0) + 1
        envelope = {
            "facets": {"QualificationLevel": [{"value": k, "count": v}
                                              for k, v in sorted(levels.items())]},
            "results": page,
            "total": len(results),
            "limit": 60,
            "start": (n - 1) * 60,
        }
        out.json("find-a-course/search_DN1_3BU_25miles_page%d.json" % n, envelope, indent=2)
    return len(results)


# --- 10. Course Directory bulk upload (Danum Training) -------------------------------------------

CD_HEADER = ["LARS_QAN", "WHO_THIS_COURSE_IS_FOR", "ENTRY_REQUIREMENTS", "WHAT_YOU_WILL_LEARN",
             "HOW_YOU_WILL_LEARN", "WHAT_YOU_WILL_NEED_TO_BRING", "HOW_YOU_WILL_BE_ASSESSED",
             "WHERE_NEXT", "COURSE_NAME", "YOUR_REFERENCE", "DELIVERY_MODE", "START_DATE",
             "FLEXIBLE_START_DATE", "VENUE_NAME", "YOUR_VENUE_REFERENCE", "NATIONAL_DELIVERY",
             "SUB_REGION", "COURSE_WEBPAGE", "COST", "COST_DESCRIPTION", "DURATION",
             "DURATION_UNIT", "STUDY_MODE", "ATTENDANCE_PATTERN"]


def write_course_directory(out, places):
    ukprn = TP_BY_KEY["danum"][1]
    venues = {v[0]: v for v in C.DANUM_VENUES}
    rows = []
    for (ref, vref, lars, name, who, entry, learn, how, bring, assessed, nxt, delivery, start,
         flexible, cost, cost_text, duration, unit, mode, att) in C.DANUM_UPLOAD:
        rows.append([lars, who, entry, learn, how, bring, assessed, nxt, name, ref, delivery,
                     start, flexible, venues[vref][1], vref, "no", "",
                     "https://www.danumtraining.example/courses/" + ref.lower().replace("&", ""),
                     cost, cost_text, duration, unit, mode, att])
    out.csv("course-directory/%s/courses.csv" % ukprn, CD_HEADER, rows)
    vrows = []
    for ref, name, l1, l2, town, county, pc, phone, web in C.DANUM_VENUES:
        places.use(pc)
        vrows.append([ref, name, l1, l2, town, county, pc, "", phone, web])
    out.csv("course-directory/%s/venues.csv" % ukprn,
            ["YOUR_VENUE_REFERENCE", "VENUE_NAME", "ADDRESS_LINE_1", "ADDRESS_LINE_2",
             "TOWN_OR_CITY", "COUNTY", "POSTCODE", "EMAIL", "PHONE", "WEBSITE"], vrows)
    return len(rows)


# --- 11. Discover Uni ----------------------------------------------------------------------------

KIS_HEADER = ["PUBUKPRN", "UKPRN", "ASSURL", "ASSURLW", "CRSECSTURL", "CRSECSTURLW", "CRSEURL",
              "CRSEURLW", "DISTANCE", "EMPLOYURL", "EMPLOYURLW", "FOUNDATION", "HONOURS", "HECOS",
              "HECOS", "HECOS", "HECOS", "HECOS", "KISCOURSEID", "KISMODE", "LOCCHNGE", "LTURL",
              "LTURLW", "NHS", "NUMSTAGE", "SANDWICH", "SUPPORTURL", "SUPPORTURLW", "TITLE",
              "TITLEW", "UCASPROGID", "UKPRNAPPLY", "YEARABROAD", "KISAIMCODE", "KISLEVEL"]

KISAIM_LABELS = {"000": "BA", "021": "BSc", "036": "FdSc", "038": "HND", "039": "LLB",
                 "056": "MEng", "130": "FdA"}


def write_discover_uni(out, places):
    sites = {"10004695": "https://www.dncolleges.ac.uk/university-centre",
             "10005790": "https://www.shu.ac.uk/courses"}
    rows = []
    aims = set()
    nhs_titles = ("Nursing", "Midwifery", "Paramedic", "Physiotherapy")
    for ukprn, courses in C.HE.items():
        base = sites[ukprn]
        for (cid, title, aim, kislevel, hecos, honours, sandwich, abroad, foundation, stages,
             ucas, modes) in courses:
            aims.add(aim)
            for mode in modes:
                url = base
                h = (hecos + [""] * 5)[:5]
                nhs = "1" if title.startswith(nhs_titles) else "0"
                rows.append([ukprn, ukprn, url, "", url, "", url, "", "0", url, "", str(foundation),
                             str(honours)] + h + [cid, mode, "0", url, "", nhs,
                                                  str(stages if mode == "01" else stages + 1),
                                                  str(sandwich), url, "", title, "", ucas, "",
                                                  str(abroad), aim, kislevel])
    out.csv("discover-uni/KISCOURSE.csv", KIS_HEADER, rows)
    out.csv("discover-uni/KISAIM.csv", ["KISAIMCODE", "KISAIMLABEL"],
            [[a, KISAIM_LABELS[a]] for a in sorted(aims)])
    inst = []
    places.use("DN1 2RF")
    inst.append(["DN Colleges Group", "", "University Centre Doncaster|North Lindsey College",
                 "Chappell Drive, Doncaster, DN1 2RF", "", "www.dncolleges.ac.uk", "10004695",
                 "10004695", "XF", "XF", "", "", "https://www.dncolleges.ac.uk/", ""])
    ukprn, name, addr, pc, web = P.SHEFFIELD_HALLAM
    places.use(pc)
    inst.append([name, "", "", "%s, Sheffield, %s" % (addr, pc), "", web, ukprn, ukprn, "XF",
                 "XF", "", "", "https://www.hallamstudentsunion.com/", ""])
    write_discover_uni_outcomes(out, places)
    out.csv("discover-uni/INSTITUTION.csv",
            ["LEGAL_NAME", "FIRST_TRADING_NAME", "OTHER_NAMES", "PROVADDRESS", "PROVTEL",
             "PROVURL", "PUBUKPRN", "UKPRN", "COUNTRY", "PUBUKPRNCOUNTRY", "QAA_Report_Type",
             "QAA_URL", "SUURL", "SUURLW"], inst)
    return len(rows)


# Teaching locations and what Discover Uni says of entrants and graduates (figures written
# for the sample; the layouts are the 2025/26 download's).
DU_LOCATIONS = {
    "10004695": [("HUB", "University Centre Doncaster", "DN1 2RF")],
    "10005790": [("CITY", "City Campus", "S1 1WB"), ("COLL", "Collegiate Crescent", "S10 2BP")],
}


def write_discover_uni_outcomes(out, places):
    loc_rows, cl_rows, go_rows, leo3_rows, leo5_rows, entry_rows, tar_rows = [], [], [], [], [], [], []
    for ukprn, sites in DU_LOCATIONS.items():
        for locid, name, pc in sites:
            lat, lon = places.use(pc)
            loc_rows.append([ukprn, "", "", locid, name, "", "%.5f" % lat, "%.5f" % lon, ukprn,
                             "XF", "", ""])
    bands = ["T001", "T048", "T064", "T080", "T096", "T112", "T128", "T144", "T160", "T176",
             "T192", "T208", "T224", "T240"]
    for ukprn, courses in C.HE.items():
        sites = DU_LOCATIONS[ukprn]
        for (cid, title, aim, kislevel, hecos, honours, sandwich, abroad, foundation, stages,
             ucas, modes) in courses:
            for mode in modes:
                key = [ukprn, ukprn, cid, mode]
                for i, (locid, _, _) in enumerate(sites):
                    if i == 0 or stable_int(cid + locid, 0, 3) == 0:
                        cl_rows.append(key + [locid])
                if mode != "01":
                    continue
                med = 22000 + stable_int(cid + "go", 0, 12) * 500
                go_rows.append(key + ["0", "60", "30", "", "50", "21", "2021-23", "2021-22",
                                      "2022-23", "", str(med - 3500), str(med), str(med + 4500),
                                      "95", "90", "0", "3", "2"])
                leo3 = med + 2000 + stable_int(cid + "l3", 0, 8) * 250
                leo3_rows.append(key + ["0", "120", "24", "2019-21", "", str(leo3 - 4000),
                                        str(leo3), str(leo3 + 5000), "92"])
                leo5_rows.append(key + ["0", "110", "24", "2017-19", "", str(leo3),
                                        str(leo3 + 4000), str(leo3 + 10000), "90"])
                alevel = 40 + stable_int(cid + "al", 0, 35)
                entry_rows.append(key + ["0", "80", "14", "2023-24", "2023-24", "", "",
                                         "10", str(alevel), "0", "5", "5", "0",
                                         str(100 - alevel - 20), "0"])
                peak = stable_int(cid + "t", 3, 9)
                tar = ["0"] * len(bands)
                tar[peak], tar[peak - 1], tar[peak + 1] = "40", "25", "20"
                tar_rows.append(key + ["0", "70", "14", "2023-24", "2023-24", "", ""] + tar)
    out.csv("discover-uni/LOCATION.csv", ["UKPRN", "ACCOMURL", "ACCOMURLW", "LOCID", "LOCNAME",
            "LOCNAMEW", "LATITUDE", "LONGITUDE", "LOCUKPRN", "LOCCOUNTRY", "SUURL", "SUURLW"],
            loc_rows)
    out.csv("discover-uni/COURSELOCATION.csv", ["PUBUKPRN", "UKPRN", "KISCOURSEID", "KISMODE",
            "LOCID"], cl_rows)
    out.csv("discover-uni/GOSALARY.csv", ["PUBUKPRN", "UKPRN", "KISCOURSEID", "KISMODE",
            "GOSALUNAVAILREASON", "GOSALPOP", "GOSALRESPONSE", "GOSALSAMPLE", "GOSALRESP_RATE",
            "GOSALAGG", "GOSALAGGYEAR", "GOSALYEAR1", "GOSALYEAR2", "GOSALSBJ", "GOINSTLQ",
            "GOINSTMED", "GOINSTUQ", "GOPROV_PC_UK", "GOPROV_PC_E", "GOPROV_PC_NI",
            "GOPROV_PC_S", "GOPROV_PC_W"], go_rows)
    leo = ["UNAVAILREASON", "POP", "AGG", "AGGYEAR", "SBJ", "INSTLQ", "INSTMED", "INSTUQ",
           "PROV_PC_UK"]
    out.csv("discover-uni/LEO3.csv", ["PUBUKPRN", "UKPRN", "KISCOURSEID", "KISMODE"] +
            ["LEO3" + c for c in leo], leo3_rows)
    out.csv("discover-uni/LEO5.csv", ["PUBUKPRN", "UKPRN", "KISCOURSEID", "KISMODE"] +
            ["LEO5" + c for c in leo], leo5_rows)
    out.csv("discover-uni/ENTRY.csv", ["PUBUKPRN", "UKPRN", "KISCOURSEID", "KISMODE",
            "ENTUNAVAILREASON", "ENTPOP", "ENTAGG", "ENTAGGYEAR", "ENTYEAR1", "ENTYEAR2",
            "ENTSBJ", "ACCESS", "ALEVEL", "BACC", "DEGREE", "FOUNDTN", "NOQUALS", "OTHER",
            "OTHERHE"], entry_rows)
    out.csv("discover-uni/TARIFF.csv", ["PUBUKPRN", "UKPRN", "KISCOURSEID", "KISMODE",
            "TARUNAVAILREASON", "TARPOP", "TARAGG", "TARAGGYEAR", "TARYEAR1", "TARYEAR2",
            "TARSBJ"] + bands, tar_rows)


# --- 12. vacancies: Find an apprenticeship Display Advert API v2 ----------------------------------

APPRENTICE_RATE = 8.00        # from 1 April 2026
NMW_UNDER_18 = 8.00
NLW_21_PLUS = 12.71
BANDS = {2: "Intermediate", 3: "Advanced", 4: "Higher", 5: "Higher", 6: "Degree", 7: "Degree"}


def duration_text(months):
    if months % 12 == 0:
        years = months // 12
        return "%d year%s" % (years, "" if years == 1 else "s")
    return "%d months" % months


def wage_block(spec, hours, week):
    if spec[0] == "AM":
        return {"wageType": "ApprenticeshipMinimum",
                "wageAmount": round(APPRENTICE_RATE * hours * 52, 2),
                "wageAmountLowerBound": None, "wageAmountUpperBound": None,
                "wageAdditionalInformation": "The apprenticeship minimum wage of \u00a3%.2f an "
                                             "hour for the first year." % APPRENTICE_RATE,
                "workingWeekDescription": week, "wageUnit": "Annually"}
    if spec[0] == "NM":
        return {"wageType": "NationalMinimum", "wageAmount": None,
                "wageAmountLowerBound": round(NMW_UNDER_18 * hours * 52, 2),
                "wageAmountUpperBound": round(NLW_21_PLUS * hours * 52, 2),
                "wageAdditionalInformation": "The national minimum wage for your age.",
                "workingWeekDescription": week, "wageUnit": "Annually"}
    if spec[0] == "CS":
        return {"wageType": "CompetitiveSalary", "wageAmount": None,
                "wageAmountLowerBound": None, "wageAmountUpperBound": None,
                "wageAdditionalInformation": "Competitive salary, reviewed after six months.",
                "workingWeekDescription": week, "wageUnit": "Unspecified"}
    return {"wageType": "Custom", "wageAmount": spec[1], "wageAmountLowerBound": None,
            "wageAmountUpperBound": None, "wageAdditionalInformation": None,
            "workingWeekDescription": week, "wageUnit": spec[2]}


def build_vacancies(places):
    standards = {s[0]: s for s in S.STANDARDS}
    out = []
    for (ref, emp, std, title, street, locality, pc, wage, hours, week, positions, posted,
         closing, start, prov, extra) in V.VACANCIES:
        ename, web, about, confident = V.EMPLOYERS[emp]
        st = standards[std]
        level, route, months = st[4], st[5], st[6]
        lat, lon = places.use(pc)
        town = places.town(pc)
        pname, ukprn = V.PROVIDERS[prov]
        lines = [street, locality, town] if locality and locality != town else [street, town]
        address = {"addressLine%d" % (i + 1): line for i, line in enumerate(lines)}
        address.update({"postcode": pc, "latitude": round(lat, 5), "longitude": round(lon, 5)})
        v = {
            "title": title,
            "description": "%s %s %s" % (about, st[16], extra),
            "numberOfPositions": positions,
            "postedDate": "%sT%02d:%02d:00" % (posted, stable_int(str(ref), 8, 16),
                                               stable_int(str(ref) + "m", 0, 59)),
            "closingDate": "%sT23:59:59" % closing,
            "startDate": "%sT00:00:00" % start,
            "wage": wage_block(wage, hours, week),
            "hoursPerWeek": hours,
            "expectedDuration": duration_text(months),
            "address": address,
            "otherAddresses": [],
            "location": {"lat": round(lat, 5), "lon": round(lon, 5)},
            "distance": round(miles(SEARCH_FROM, (lat, lon)), 1),
            "employerName": ename,
            "employerWebsiteUrl": web,
            "course": {"larsCode": st[1], "title": "%s (level %d)" % (st[3], level),
                       "level": level, "route": route},
            "apprenticeshipLevel": BANDS[level],
            "providerName": pname,
            "ukprn": int(ukprn),
            "isDisabilityConfident": confident,
            "vacancyUrl": "https://www.findapprenticeship.service.gov.uk/apprenticeship/VAC%d" % ref,
            "vacancyReference": "VAC%d" % ref,
            "isNationalVacancy": False,
        }
        out.append((v, st, pname, extra))
    return out


def with_details(v, st, pname):
    """The IncludeDetails=true shape: addresses[] and the long texts."""
    d = dict(v)
    d["addresses"] = [d.pop("address")]
    d["employerDescription"] = d["description"].split(". ")[0] + "."
    d["fullDescription"] = d["description"]
    d["trainingDescription"] = ("You will work towards the %s apprenticeship standard at level "
                                "%d with %s, with off-the-job training every week."
                                % (st[3], st[4], pname))
    d["outcomeDescription"] = "A permanent job for the right person when you finish."
    d["skills"] = ["Communication skills", "Team working", "Problem solving",
                   "Attention to detail"]
    quals = [{"qualificationType": "GCSE", "subject": "English", "grade": "4",
              "weighting": "Essential"},
             {"qualificationType": "GCSE", "subject": "Maths", "grade": "4",
              "weighting": "Essential" if st[4] >= 3 else "Desired"}]
    if st[4] >= 6:
        quals.append({"qualificationType": "A Level", "subject": "Any", "grade": "C",
                      "weighting": "Essential"})
    d["qualifications"] = quals
    d["thingsToConsider"] = "Shift patterns may change; travel to the training provider is needed."
    d["companyBenefitsInformation"] = "Pension, 25 days' holiday plus bank holidays."
    return d


def write_vacancies(out, places):
    built = build_vacancies(places)
    first, second = built[:50], built[50:]
    out.json("find-an-apprenticeship/vacancies_page1.json",
             {"vacancies": [v for v, st, p, e in first], "total": len(built),
              "totalFiltered": len(built), "totalPages": 2}, indent=2)
    out.json("find-an-apprenticeship/vacancies_page2_with_details.json",
             {"vacancies": [with_details(v, st, p) for v, st, p, e in second],
              "total": len(built), "totalFiltered": len(built), "totalPages": 2}, indent=2)
    return len(built)


# --- main -----------------------------------------------------------------------------------------


# --- buses: GTFS as BODS publishes it, and NaPTAN ------------------------------------------------


def gtfs_csv(header, rows, quoted=()):
    """CSV as BODS's export writes it: a bare header, \n line ends, some columns always quoted."""
    def cell(name, v):
        v = "" if v is None else str(v)
        if name in quoted or any(c in v for c in ',"\n'):
            return '"' + v.replace('"', '""') + '"'
        return v
    lines = [",".join(header)]
    for r in rows:
        lines.append(",".join(cell(h, v) for h, v in zip(header, r)))
    return "\n".join(lines) + "\n"


def clock(minutes):
    return "%02d:%02d:00" % (minutes // 60, minutes % 60)


def trip_id(*parts):
    return "VJ" + hashlib.sha1(":".join(str(p) for p in parts).encode()).hexdigest()


def bus_trips():
    """(route_id, service_id, trip_id, headsign, code, [(stop, minutes)]) for every run."""
    trips = []
    for rid, _agency, short, long_name, _type, stops, services in B.ROUTES:
        ends = long_name.split(" - ")
        for service, (first, last, every) in services.items():
            for direction, seq in ((0, stops), (1, [(s, stops[-1][1] - m) for s, m in reversed(stops)])):
                t = first
                while t <= last:
                    head = ends[-1] if direction == 0 else ends[0]
                    trips.append((rid, service, trip_id(rid, service, direction, t), head,
                                  "%s%04d" % (short, t), [(s, t + m) for s, m in seq], direction))
                    t += every
    rid, service, start = B.NIGHT_TRIP
    route = [r for r in B.ROUTES if r[0] == rid][0]
    trips.append((rid, service, trip_id(rid, service, "night", start), route[3].split(" - ")[-1],
                  "N%04d" % start, [(s, start + m) for s, m in route[5]], 0))
    rid, _agency, short, long_name, _type, stops, (morning, afternoon) = B.SCHOOL_ROUTE
    trips.append((rid, "SCHOOLDAYS", trip_id(rid, "am"), "Hayfield School", short + "AM",
                  [(s, morning + m) for s, m in stops], 0))
    back = [(s, stops[-1][1] - m) for s, m in reversed(stops)]
    trips.append((rid, "SCHOOLDAYS", trip_id(rid, "pm"), "Dunscroft", short + "PM",
                  [(s, afternoon + m) for s, m in back], 1))
    return trips


def write_buses(out):
    stops = {s[0]: s for s in B.STOPS}
    trips = bus_trips()
    files = []
    files.append(("agency.txt", gtfs_csv(
        ["agency_id", "agency_name", "agency_url", "agency_timezone", "agency_lang",
         "agency_phone", "agency_noc"],
        [(a[0], a[1], a[2], "Europe/London", "EN", a[3], a[4]) for a in B.AGENCIES],
        quoted=("agency_name", "agency_url", "agency_noc", "agency_phone"))))
    files.append(("stops.txt", gtfs_csv(
        ["stop_id", "stop_code", "stop_name", "stop_lat", "stop_lon", "wheelchair_boarding",
         "location_type", "parent_station", "platform_code"],
        [(s[0], "dnm" + s[0][-5:], s[1], "%.5f" % s[2] if s[6] else "",
          "%.5f" % s[3] if s[6] else "", 0, 0, "", "") for s in B.STOPS],
        quoted=("stop_name",))))
    routes = list(B.ROUTES) + [B.SCHOOL_ROUTE]
    files.append(("routes.txt", gtfs_csv(
        ["route_id", "agency_id", "route_short_name", "route_long_name", "route_type"],
        [(r[0], r[1], r[2], r[3], r[4]) for r in routes], quoted=("route_short_name",))))
    files.append(("calendar.txt", gtfs_csv(
        ["service_id", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
         "sunday", "start_date", "end_date"],
        [(sid,) + days + (start, end) for sid, (days, start, end) in B.SERVICES.items()])))
    removed = [("WEEKDAY", d, 2) for d in B.BANK_HOLIDAYS] + \
              [("SCHOOLDAYS", d, 2) for d in B.BANK_HOLIDAYS]
    for first, last in B.SCHOOL_HOLIDAYS:
        day = datetime.date(int(first[:4]), int(first[4:6]), int(first[6:]))
        end = datetime.date(int(last[:4]), int(last[4:6]), int(last[6:]))
        while day <= end:
            key = day.strftime("%Y%m%d")
            if day.weekday() < 5 and key not in B.BANK_HOLIDAYS:
                removed.append(("SCHOOLDAYS", key, 2))
            day += datetime.timedelta(days=1)
    files.append(("calendar_dates.txt", gtfs_csv(
        ["service_id", "date", "exception_type"], sorted(removed))))
    files.append(("trips.txt", gtfs_csv(
        ["route_id", "service_id", "trip_id", "trip_headsign", "block_id", "shape_id",
         "wheelchair_accessible", "vehicle_journey_code"],
        [(t[0], t[1], t[2], t[3], "", "", 1, t[4]) for t in trips],
        quoted=("trip_headsign", "vehicle_journey_code"))))
    files.append(("frequencies.txt", gtfs_csv(
        ["trip_id", "start_time", "end_time", "headway_secs", "exact_times"], [])))
    files.append(("feed_info.txt", gtfs_csv(
        ["feed_publisher_name", "feed_publisher_url", "feed_lang", "feed_start_date",
         "feed_end_date", "feed_version"],
        [("Bus Open Data Service (BODS) - sample written by the careers project",
          "https://www.bus-data.dft.gov.uk/", "EN", "20261101", "20271231",
          "20261101_060000")])))
    rows = []
    for t in trips:
        for k, (s, m) in enumerate(t[5]):
            first, last = k == 0, k == len(t[5]) - 1
            timed = first or last or k % 3 == 0     # others are not timepoints: left blank
            rows.append((t[2], clock(m) if timed else "", clock(m) if timed else "", s, k + 1,
                         "", 1 if last else 0, 1 if first else 0, "", 1 if timed else 0))
    files.append(("stop_times.txt", gtfs_csv(
        ["trip_id", "arrival_time", "departure_time", "stop_id", "stop_sequence",
         "stop_headsign", "pickup_type", "drop_off_type", "shape_dist_traveled", "timepoint"],
        rows)))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in files:
            info = zipfile.ZipInfo(name, date_time=(2026, 11, 1, 6, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text.encode("utf-8"))
    out.binary("bods-gtfs/itm_doncaster_sample_gtfs.zip", buf.getvalue())

    header = ["ATCOCode", "NaptanCode", "PlateCode", "CleardownCode", "CommonName",
              "CommonNameLang", "ShortCommonName", "ShortCommonNameLang", "Landmark",
              "LandmarkLang", "Street", "StreetLang", "Crossing", "CrossingLang", "Indicator",
              "IndicatorLang", "Bearing", "NptgLocalityCode", "LocalityName",
              "ParentLocalityName", "GrandParentLocalityName", "Town", "TownLang", "Suburb",
              "SuburbLang", "LocalityCentre", "GridType", "Easting", "Northing", "Longitude",
              "Latitude", "StopType", "BusStopType", "TimingStatus", "DefaultWaitTime", "Notes",
              "NotesLang", "AdministrativeAreaCode", "CreationDateTime", "ModificationDateTime",
              "RevisionNumber", "Modification", "Status"]
    nrows = []
    for s in B.STOPS:
        e, n = wgs84_to_osgb(s[2], s[3])
        row = dict.fromkeys(header, "")
        row.update({"ATCOCode": s[0], "NaptanCode": "dnm" + s[0][-5:], "CommonName": s[1],
                    "Indicator": s[4], "LocalityName": s[5], "GridType": "U",
                    "Easting": "%d" % round(e), "Northing": "%d" % round(n),
                    "Longitude": "%.6f" % s[3], "Latitude": "%.6f" % s[2],
                    "StopType": "BCT", "BusStopType": "MKD", "TimingStatus": "OTH",
                    "AdministrativeAreaCode": "097", "CreationDateTime": "2004-11-22T00:00:00",
                    "ModificationDateTime": "2026-10-01T00:00:00", "RevisionNumber": "3",
                    "Modification": "revise", "Status": "active"})
        nrows.append([row[h] for h in header])
    out.csv("naptan/Stops_doncaster_sample.csv", header, nrows, quoting=csv.QUOTE_ALL)
    return len(trips), len(rows)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=ROOT, help="folder to write (default data/doncaster)")
    args = ap.parse_args()
    places = Places()
    out = Out(args.out)
    out.text("DATASET", DATASET)
    write_lars(out)
    write_standards(out)
    write_soc(out)
    write_ashe(out)
    write_onet(out)
    write_gias(out, places)
    n_fac = write_fac(out, places)
    n_cd = write_course_directory(out, places)
    n_he = write_discover_uni(out, places)
    n_vac = write_vacancies(out, places)
    for pc in [t[4] for t in P.TRAINING_PROVIDERS]:
        places.use(pc)
    write_postcodes(out, places)
    write_outcodes(out, places)
    n_trips, n_stop_times = write_buses(out)
    out.write()
    print("wrote %d files to %s: %d occupations, %d standards, %d Find-a-course results, "
          "%d course-directory courses, %d university course rows, %d vacancies, %d schools "
          "and colleges, %d postcodes, %d bus trips (%d stop times)%s"
          % (len(out.files), args.out, len(O.OCCUPATIONS), len(S.STANDARDS), n_fac, n_cd, n_he,
             n_vac, len(P.SCHOOLS), len(places.used), n_trips, n_stop_times,
             "" if places.from_refdata else " (coordinates reused from the existing file)"))


if __name__ == "__main__":
    main()
