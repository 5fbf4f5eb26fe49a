"""Places for the Doncaster sample dataset: schools, colleges, providers, venues.

Institution names are real schools and colleges of the area, used as
public facts; their URNs, most UKPRNs (except DN Colleges Group 10004695
and Sheffield Hallam University 10005790, which are public), street
addresses, ages and sixth-form details are written for the sample and may
differ from the real ones. Training providers and employers are fictional.

DN postcodes are real (their coordinates come from the ONS NSPL, OGL);
postcodes outside the DN area carry approximate coordinates written for
the sample (see NON_DN_POSTCODES).
"""

# Approximate coordinates for the few postcodes outside the DN area.
NON_DN_POSTCODES = {
    "S60 2BE": (53.42180, -1.34870),
    "S65 1EG": (53.43400, -1.35200),
    "S63 7EW": (53.50680, -1.33760),
    "S70 2YW": (53.55460, -1.48400),
    "S81 7HP": (53.31010, -1.11580),
    "S80 2SF": (53.29950, -1.13210),
    "S1 1WB": (53.37860, -1.46500),
    "S10 2BP": (53.37420, -1.49610),
    "S60 5TZ": (53.38600, -1.37900),
    "S64 9AR": (53.49300, -1.28700),
    "S66 8HH": (53.42400, -1.20100),
    "S74 0DU": (53.49900, -1.44300),
    "S63 9EW": (53.53500, -1.31300),
    "WF9 3JT": (53.59600, -1.28600),
    "WF11 0BU": (53.70700, -1.24800),
    "HU13 0GD": (53.72300, -0.43600),
}

# District -> town, for addresses.
TOWNS = {
    "DN1": "Doncaster", "DN2": "Doncaster", "DN3": "Doncaster", "DN4": "Doncaster",
    "DN5": "Doncaster", "DN6": "Doncaster", "DN7": "Doncaster", "DN8": "Doncaster",
    "DN9": "Doncaster", "DN10": "Doncaster", "DN11": "Doncaster", "DN12": "Doncaster",
    "DN14": "Goole", "DN15": "Scunthorpe", "DN16": "Scunthorpe", "DN17": "Scunthorpe",
    "DN21": "Gainsborough", "DN22": "Retford",
    "S1": "Sheffield", "S60": "Rotherham", "S63": "Rotherham", "S64": "Mexborough",
    "S65": "Rotherham", "S66": "Rotherham", "S70": "Barnsley", "S74": "Barnsley",
    "S80": "Worksop", "S81": "Worksop", "WF9": "Pontefract", "WF11": "Knottingley",
    "HU13": "Hessle",
}

# Local authorities: name -> (LA code, district code, county, GOR)
LAS = {
    "Doncaster": ("371", "E08000017", "South Yorkshire"),
    "Rotherham": ("372", "E08000018", "South Yorkshire"),
    "Barnsley": ("370", "E08000016", "South Yorkshire"),
    "Sheffield": ("373", "E08000019", "South Yorkshire"),
    "North Lincolnshire": ("812", "E06000013", "North Lincolnshire"),
    "Nottinghamshire": ("891", "E07000171", "Nottinghamshire"),
    "East Riding of Yorkshire": ("811", "E06000011", "East Riding of Yorkshire"),
}

# GIAS establishments. kind picks the type columns (see make_doncaster.gias_types).
# key, URN, UKPRN, name, type key, LA, street, locality, town, postcode, low, high,
# sixth form (1 yes, 2 no, 0 n/a), religious character, pupils
SCHOOLS = [
    ("hallcross", "141872", "10064221", "Hall Cross Academy", "converter", "Doncaster",
     "Thorne Road", "", "Doncaster", "DN1 2HY", 11, 18, 1, "Does not apply", 1990),
    ("hayfield", "137305", "10033657", "Hayfield School", "converter", "Doncaster",
     "Hayfield Lane", "Auckley", "Doncaster", "DN9 3HG", 11, 18, 1, "Does not apply", 1180),
    ("ridgewood", "137611", "10034281", "Ridgewood School", "converter", "Doncaster",
     "Barnsley Road", "Scawsby", "Doncaster", "DN5 7UB", 11, 18, 1, "Does not apply", 1350),
    ("trinity", "135961", "10027814", "Trinity Academy", "sponsor", "Doncaster",
     "Church Balk", "Thorne", "Doncaster", "DN8 5BY", 11, 18, 1, "Christian", 1560),
    ("mcauley", "140216", "10041503", "McAuley Catholic High School", "converter", "Doncaster",
     "Cantley Lane", "", "Doncaster", "DN3 3QF", 11, 18, 1, "Roman Catholic", 1650),
    ("danum", "136002", "10027999", "Outwood Academy Danum", "sponsor", "Doncaster",
     "Armthorpe Road", "", "Doncaster", "DN2 5QD", 11, 18, 1, "Does not apply", 1420),
    ("campsmount", "138713", "10037802", "Campsmount Academy", "converter", "Doncaster",
     "Ryecroft Road", "Norton", "Doncaster", "DN6 9AS", 11, 18, 1, "Does not apply", 980),
    ("rossington", "137430", "10033902", "Rossington All Saints Academy", "converter",
     "Doncaster", "Bond Street", "Rossington", "Doncaster", "DN11 0BZ", 11, 18, 1,
     "Church of England", 1120),
    ("adwick", "136911", "10032147", "Outwood Academy Adwick", "sponsor", "Doncaster",
     "Windmill Balk Lane", "Woodlands", "Doncaster", "DN6 7SF", 11, 16, 2, "Does not apply", 1090),
    ("donvalley", "142960", "10065118", "Don Valley Academy", "sponsor", "Doncaster",
     "Jossey Lane", "Scawthorpe", "Doncaster", "DN5 9DD", 11, 16, 2, "Does not apply", 1150),
    ("balbycarr", "143127", "10065460", "Balby Carr Community Academy", "sponsor", "Doncaster",
     "Weston Road", "Balby", "Doncaster", "DN4 8ND", 11, 16, 2, "Does not apply", 1080),
    ("dewarenne", "139962", "10040987", "De Warenne Academy", "sponsor", "Doncaster",
     "Gardens Lane", "Conisbrough", "Doncaster", "DN12 3JY", 11, 16, 2, "Does not apply", 760),
    ("armthorpe", "140880", "10042786", "Armthorpe Academy", "sponsor", "Doncaster",
     "Mere Lane", "Armthorpe", "Doncaster", "DN3 2DA", 11, 16, 2, "Does not apply", 1020),
    ("ashhill", "138190", "10036611", "Ash Hill Academy", "sponsor", "Doncaster",
     "Ash Hill", "Hatfield", "Doncaster", "DN7 6JH", 11, 16, 2, "Does not apply", 1010),
    ("wharton", "144563", "10066932", "Sir Thomas Wharton Academy", "sponsor", "Doncaster",
     "Tickhill Road", "Edlington", "Doncaster", "DN12 1HH", 11, 16, 2, "Does not apply", 900),
    ("heatherwood", "106810", "10073414", "Heatherwood School", "community_special", "Doncaster",
     "Leger Way", "", "Doncaster", "DN2 6HQ", 3, 19, 0, "Does not apply", 120),
    ("northridge", "106812", "10073416", "North Ridge Community School", "community_special",
     "Doncaster", "Tenter Balk Lane", "Adwick le Street", "Doncaster", "DN6 7EF", 2, 19, 0,
     "Does not apply", 110),
    ("pennine", "106808", "10073410", "Pennine View School", "community_special", "Doncaster",
     "Old Road", "Conisbrough", "Doncaster", "DN12 3LR", 7, 16, 0, "Does not apply", 95),
    ("deaf", "106831", "10073429", "Doncaster School for the Deaf", "nonmaintained_special",
     "Doncaster", "Leger Way", "", "Doncaster", "DN2 6AY", 4, 19, 0, "Does not apply", 40),
    ("goole", "135911", "10027680", "Goole Academy", "sponsor", "East Riding of Yorkshire",
     "Centenary Road", "", "Goole", "DN14 6AN", 11, 18, 1, "Does not apply", 1040),
    ("dncolleges", "130540", "10004695", "DN Colleges Group", "fe", "Doncaster",
     "Chappell Drive", "", "Doncaster", "DN1 2RF", 16, 99, 0, "Does not apply", 0),
    ("leggott", "130580", "10003570", "John Leggott College", "sfc", "North Lincolnshire",
     "West Common Lane", "", "Scunthorpe", "DN17 1DS", 16, 19, 0, "Does not apply", 0),
    ("thomasrotherham", "130533", "10006963", "Thomas Rotherham College", "sfc", "Rotherham",
     "Moorgate Road", "", "Rotherham", "S60 2BE", 16, 19, 0, "Does not apply", 0),
    ("rnn", "130534", "10005575", "Rotherham College", "fe", "Rotherham", "Eastwood Lane", "",
     "Rotherham", "S65 1EG", 16, 99, 0, "Does not apply", 0),
    ("barnsley", "130517", "10000536", "Barnsley College", "fe", "Barnsley", "Church Street", "",
     "Barnsley", "S70 2YW", 16, 99, 0, "Does not apply", 0),
    ("northnotts", "130783", "10004772", "North Nottinghamshire College", "fe", "Nottinghamshire",
     "Carlton Road", "", "Worksop", "S81 7HP", 16, 99, 0, "Does not apply", 0),
    ("outwood16", "147215", "10084415", "Outwood Post 16 Centre Worksop", "sixth_form_centre",
     "Nottinghamshire", "Netherton Road", "", "Worksop", "S80 2SF", 16, 19, 1, "Does not apply",
     520),
]

# Venues by provider UKPRN: (ref, name, address line, postcode)
VENUES = {
    "10004695": [("DC-HUB", "Doncaster College - The Hub", "Chappell Drive", "DN1 2RF"),
                 ("NLC-KWAY", "North Lindsey College", "Kingsway", "DN17 1AJ")],
}

# Fictional training providers: key, UKPRN, name, street, postcode, website
TRAINING_PROVIDERS = [
    ("danum", "10098231", "Danum Training Partnership Ltd", "Unit 3, Lakeside Court",
     "DN4 5NG", "https://www.danumtraining.example"),
    ("buildskills", "10098472", "Don Valley Building Skills Ltd", "Carcroft Enterprise Park",
     "DN6 8DD", "https://www.donvalleybuildingskills.example"),
    ("pathways", "10097815", "Pathways Doncaster CIC", "Priory Place", "DN1 1BL",
     "https://www.pathwaysdoncaster.example"),
    ("railskills", "10099106", "Carr Hill Rail and Engineering Training Ltd", "Balby Carr Bank",
     "DN4 8DE", "https://www.carrhillrail.example"),
    ("community", "10099213", "Doncaster Community Learning Partnership", "Waterdale",
     "DN1 3BU", "https://www.doncastercommunitylearning.example"),
    ("carecademy", "10098655", "Northern Care Academy Ltd", "Thorne Road", "DN2 5AF",
     "https://www.northerncareacademy.example"),
]

SHEFFIELD_HALLAM = ("10005790", "Sheffield Hallam University", "City Campus, Howard Street",
                    "S1 1WB", "www.shu.ac.uk")
