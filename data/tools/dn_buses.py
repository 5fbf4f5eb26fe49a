"""The sample bus network for the bundled Doncaster dataset: stops, routes, timetables.

Written for the careers project, in the shape of the Bus Open Data Service's GTFS
download (one zip per region) and NaPTAN's CSV. The places are real (stops near the
schools and colleges of the sample, at roughly where such stops are); the stop codes,
route numbers, operators and every time are sample content, not real timetables.

make_doncaster.py writes them as bods-gtfs/itm_doncaster_sample_gtfs.zip and
naptan/Stops_doncaster_sample.csv.
"""

# ATCO code, name, lat, lon, NaPTAN indicator, locality; place_in_feed False: the
# feed leaves the stop's place out (NaPTAN fills it, as in some real feeds).
STOPS = [
    ("370010001", "Doncaster Frenchgate Interchange", 53.52318, -1.13930, "Stand C1", "Doncaster", True),
    ("370010002", "Doncaster Frenchgate Interchange", 53.52331, -1.13902, "Stand C2", "Doncaster", True),
    ("370010003", "Doncaster Frenchgate Interchange", 53.52290, -1.13968, "Stand B4", "Doncaster", True),
    ("370010004", "Doncaster Frenchgate Interchange", 53.52362, -1.13870, "Stand A3", "Doncaster", True),
    ("370010010", "Waterdale", 53.51962, -1.13301, "opp", "Doncaster", True),
    ("370010011", "Chappell Drive", 53.52842, -1.13520, "adj", "Doncaster", True),
    ("370010012", "Priory Place", 53.52221, -1.13448, "o/s", "Doncaster", True),
    ("370010013", "Hall Cross Academy", 53.52320, -1.12521, "o/s", "Doncaster", True),
    ("370010014", "Town Moor", 53.53002, -1.11502, "opp", "Doncaster", True),
    ("370010015", "Outwood Academy Danum", 53.53351, -1.08402, "o/s", "Wheatley", True),
    ("370020001", "Balby Road", 53.51203, -1.14802, "opp", "Balby", True),
    ("370020002", "Balby Bridge", 53.51601, -1.14400, "adj", "Balby", True),
    ("370020003", "Warmsworth Road", 53.50102, -1.17001, "o/s", "Balby", True),
    ("370020004", "Edlington Lane", 53.49500, -1.18501, "adj", "Warmsworth", True),
    ("370020005", "De Warenne Academy", 53.48601, -1.22202, "o/s", "Conisbrough", True),
    ("370020006", "Station Road", 53.48302, -1.23001, "opp", "Conisbrough", True),
    ("370020007", "Doncaster Road", 53.49203, -1.24902, "o/s", "Denaby Main", True),
    ("370020008", "Hooton Road", 53.46901, -1.30002, "adj", "Kilnhurst", False),
    ("370020009", "Rotherham Interchange", 53.43152, -1.35701, "Stand B2", "Rotherham", True),
    ("370020010", "Thomas Rotherham College", 53.42251, -1.34801, "o/s", "Moorgate", True),
    ("370030001", "Bentley Road", 53.53402, -1.15001, "opp", "Bentley", True),
    ("370030002", "High Street", 53.54003, -1.15002, "o/s", "Bentley", True),
    ("370030003", "Ridgewood School", 53.53901, -1.18702, "o/s", "Scawthorpe", True),
    ("370030004", "Station Road", 53.57202, -1.18301, "adj", "Adwick le Street", True),
    ("370030005", "Skellow Road", 53.58002, -1.18002, "opp", "Carcroft", True),
    ("370030006", "Campsmount Academy", 53.62453, -1.18652, "o/s", "Norton", True),
    ("370040001", "Carr Hill", 53.50302, -1.12702, "opp", "Balby Carr", True),
    ("370040002", "Lakeside", 53.51181, -1.12102, "o/s", "Lakeside", True),
    ("370040003", "Cantley Lane", 53.49502, -1.10202, "adj", "Cantley", True),
    ("370040004", "All Saints Academy", 53.46803, -1.06602, "o/s", "Rossington", True),
    ("370050001", "Bessacarr Lane", 53.50003, -1.08003, "opp", "Bessacarr", True),
    ("370050002", "McAuley School", 53.50852, -1.06051, "o/s", "Cantley", True),
    ("370050003", "Hayfield School", 53.49203, -1.02402, "o/s", "Auckley", True),
    ("370060001", "Wheatley Hills", 53.53301, -1.10002, "adj", "Wheatley", True),
    ("370060002", "Station Road", 53.58002, -1.00502, "opp", "Dunscroft", False),
    ("370060003", "Trinity Academy", 53.61252, -0.95252, "o/s", "Thorne", True),
]

AGENCIES = [
    # agency_id, name, url, phone, NOC
    ("OP2500", "First South Yorkshire (sample)", "https://www.firstbus.example", "", "FSYO"),
    ("OP2600", "Stagecoach Yorkshire (sample)", "https://www.stagecoachbus.example", "", "SYRK"),
    ("OP2700", "Doncaster Schools Travel (sample)", "https://www.schooltravel.example", "", "DSTX"),
]

# route_id, agency, short name, long name, type, [(stop, minutes from the start)],
# {service: (first, last, every)} in minutes after midnight; both directions run.
ROUTES = [
    ("RX78", "OP2500", "X78", "Doncaster - Conisbrough - Rotherham", 3,
     [("370010001", 0), ("370020002", 5), ("370020001", 8), ("370020003", 13),
      ("370020004", 17), ("370020005", 25), ("370020006", 28), ("370020007", 33),
      ("370020008", 42), ("370020009", 55), ("370020010", 60)],
     {"WEEKDAY": (6 * 60, 22 * 60, 20), "SATURDAY": (7 * 60, 22 * 60, 30),
      "SUNDAY": (9 * 60, 18 * 60, 60)}),
    ("R15", "OP2500", "15", "Doncaster - Bentley - Carcroft - Norton", 3,
     [("370010003", 0), ("370030001", 6), ("370030002", 10), ("370030003", 18),
      ("370030004", 26), ("370030005", 30), ("370030006", 40)],
     {"WEEKDAY": (6 * 60 + 10, 21 * 60 + 40, 30), "SATURDAY": (7 * 60 + 10, 20 * 60, 60)}),
    ("R21", "OP2600", "21", "Doncaster - Lakeside - Rossington", 3,
     [("370010002", 0), ("370010012", 3), ("370010010", 5), ("370040002", 10),
      ("370040001", 14), ("370040003", 19), ("370040004", 30)],
     {"WEEKDAY": (6 * 60, 23 * 60, 20), "SATURDAY": (7 * 60, 23 * 60, 30),
      "SUNDAY": (8 * 60 + 30, 19 * 60, 60)}),
    ("R57", "OP2600", "57", "Doncaster - Bessacarr - Auckley", 3,
     [("370010004", 0), ("370010013", 6), ("370050001", 14), ("370050002", 18),
      ("370050003", 28)],
     {"WEEKDAY": (6 * 60 + 15, 21 * 60, 30), "SATURDAY": (8 * 60 + 15, 19 * 60, 60)}),
    ("R87", "OP2500", "87", "Doncaster - Wheatley - Dunscroft - Thorne", 3,
     [("370010004", 0), ("370010013", 5), ("370010014", 8), ("370060001", 12),
      ("370010015", 16), ("370060002", 32), ("370060003", 45)],
     {"WEEKDAY": (6 * 60 + 5, 22 * 60, 30), "SATURDAY": (7 * 60 + 5, 21 * 60, 60)}),
    ("R25", "OP2600", "25", "Town centre - College - Wheatley", 3,
     [("370010010", 0), ("370010012", 3), ("370010001", 6), ("370010011", 9),
      ("370010014", 15), ("370010015", 20)],
     {"WEEKDAY": (6 * 60 + 30, 20 * 60, 15), "SATURDAY": (8 * 60, 18 * 60, 30)}),
]

# A school bus: one journey each way on school days (taken off in the school holidays
# by calendar_dates.txt, as BODS feeds do).
SCHOOL_ROUTE = ("RS52", "OP2700", "S52", "Dunscroft - Wheatley - Cantley - Auckley (school days)", 3,
                [("370060002", 0), ("370010015", 18), ("370050002", 30), ("370050003", 42)],
                (7 * 60 + 50, 15 * 60 + 20))

# A late bus that runs on past midnight (its times pass 24:00 in the feed).
NIGHT_TRIP = ("R21", "WEEKDAY", 23 * 60 + 40)

SERVICES = {
    # service_id: (days Monday..Sunday, start, end)
    "WEEKDAY": ((1, 1, 1, 1, 1, 0, 0), "20261101", "20271231"),
    "SATURDAY": ((0, 0, 0, 0, 0, 1, 0), "20261101", "20271231"),
    "SUNDAY": ((0, 0, 0, 0, 0, 0, 1), "20261101", "20271231"),
    "SCHOOLDAYS": ((1, 1, 1, 1, 1, 0, 0), "20261101", "20271231"),
}

# Bank holidays in England (data/bank_holidays_england.csv): no weekday service.
BANK_HOLIDAYS = ["20261225", "20261228", "20270101", "20270326", "20270329", "20270503",
                 "20270531", "20270830", "20271227", "20271228"]

# School holidays in Doncaster for the sample (Monday to Friday runs), for the school bus.
SCHOOL_HOLIDAYS = [("20261221", "20270101"), ("20270215", "20270219"), ("20270329", "20270409"),
                   ("20270531", "20270604"), ("20270722", "20270831"), ("20271025", "20271029"),
                   ("20271220", "20271231")]
