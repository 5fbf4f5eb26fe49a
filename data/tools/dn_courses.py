"""Courses for the Doncaster sample dataset (all written by the careers project).

Providers are real schools and colleges of the area (plus fictional training
providers); which courses each offers, dates, costs, learning aim
references and every course text are invented for the sample.

Wording rule: every course text says who it is for in words the importers
read as an age limit - "young people aged 16 to 18", "adults (19+)",
"anyone aged 16 or over" - and no other pair of numbers between 13 and 24
joined by "to" or "-" appears anywhere in a course text.
"""

SEPT = "2027-09-06"
SEPT_UNI = "2027-09-20"
JAN = "2027-01-11"
APR = "2027-04-19"
FEB = "2027-02-22"

YOUNG = "Young people aged 16 to 18"
ADULTS = "Adults (19+)"
ANYONE = "Anyone aged 16 or over"

# --- A levels and other sixth-form qualifications -------------------------------
# name, ssa1, ssa2, sector, blurb
A_LEVELS = {
    "Biology": ("2", "2.1", "Science", "cells, genetics, ecosystems and how the human body works, with "
                "plenty of practical work in the lab"),
    "Chemistry": ("2", "2.1", "Science", "how substances react, organic chemistry and the maths behind "
                  "reactions, with regular practical work"),
    "Physics": ("2", "2.1", "Science", "forces, electricity, waves, particles and space, using maths to "
                "explain how the universe works"),
    "Mathematics": ("2", "2.2", "Science", "pure maths, statistics and mechanics, useful for almost any "
                    "science, engineering, computing or finance career"),
    "Further Mathematics": ("2", "2.2", "Science", "more advanced pure maths, complex numbers, matrices "
                            "and decision maths, taken alongside A level Mathematics"),
    "Psychology": ("2", "2.1", "Health and social care", "how people think, remember and behave, mental "
                   "health and how psychologists carry out research"),
    "English Literature": ("12", "12.1", "Languages", "novels, plays and poetry from Shakespeare to "
                           "today, and how to write about them with confidence"),
    "English Language": ("12", "12.1", "Languages", "how English works, how children learn to talk and "
                         "how language changes, with your own creative and investigative writing"),
    "History": ("10", "10.1", "Humanities", "British and world history, using sources to build "
                "arguments and write clear essays"),
    "Geography": ("11", "11.1", "Humanities", "physical and human geography, from coasts and climate "
                  "to cities and global change, with fieldwork"),
    "Sociology": ("11", "11.2", "Humanities", "families, education, crime and the media, and how "
                  "society shapes people's lives"),
    "Politics": ("11", "11.3", "Humanities", "how the UK and US are governed, elections, parties and "
                 "big political ideas"),
    "Economics": ("11", "11.4", "Business", "how markets, businesses and governments make choices about "
                  "money, jobs and prices"),
    "Business": ("15", "15.3", "Business", "how businesses start, grow, market themselves and make "
                 "decisions, using real company examples"),
    "Computer Science": ("6", "6.1", "Digital", "programming, algorithms, how computers and networks "
                         "work, and a coding project of your own"),
    "Art and Design (Fine Art)": ("9", "9.2", "Creative", "drawing, painting, printmaking and sculpture, "
                                  "building a portfolio of your own work"),
    "Photography": ("9", "9.2", "Creative", "digital and film photography, lighting and editing, and "
                    "the work of famous photographers"),
    "Media Studies": ("9", "9.3", "Creative", "film, TV, news, games and social media, and how media "
                      "shapes what we think, with your own media production"),
    "Drama and Theatre": ("9", "9.1", "Creative", "acting, directing and studying plays, with live "
                          "performance and theatre trips"),
    "Music": ("9", "9.1", "Creative", "performing, composing and studying music from classical to pop"),
    "Physical Education": ("8", "8.1", "Sport", "anatomy, sports psychology and coaching, plus your own "
                           "performance in a sport"),
    "Law": ("15", "15.5", "Legal", "how laws are made, the courts, crime, contract and tort, with "
            "real cases"),
    "Religious Studies": ("10", "10.4", "Humanities", "philosophy of religion, ethics and the study of a "
                          "world religion"),
    "French": ("12", "12.2", "Languages", "speaking, listening, reading and writing in French, with "
               "French film, literature and culture"),
    "Spanish": ("12", "12.2", "Languages", "speaking, listening, reading and writing in Spanish, with "
                "Spanish-speaking culture, film and literature"),
    "Film Studies": ("9", "9.3", "Creative", "how films are made and what they mean, from Hollywood to "
                     "world cinema, with a short film or screenplay of your own"),
}

# Level 3 applied qualifications at sixth forms: title, ssa1, ssa2, sector, blurb
APPLIED_L3 = {
    "Applied Science": ("2", "2.1", "Science", "lab techniques, science in industry and health, "
                        "assessed through coursework and exams"),
    "Business": ("15", "15.3", "Business", "marketing, finance and running events, with real "
                 "business briefs"),
    "Health and Social Care": ("1", "1.3", "Health and social care", "human development, care values "
                               "and working in health and care settings, with placements"),
    "Sport and Exercise Science": ("8", "8.1", "Sport", "fitness testing, coaching and the science of "
                                   "sport and exercise"),
    "Information Technology": ("6", "6.1", "Digital", "computer systems, spreadsheets, databases and "
                               "website development"),
    "Criminology": ("11", "11.2", "Humanities", "why crimes happen, how they are investigated and "
                    "what happens in court"),
}

# Sixth forms: provider key -> (A level subjects, applied subjects)
SIXTH_FORMS = {
    "hallcross": (["Biology", "Chemistry", "Physics", "Mathematics", "Further Mathematics",
                   "Psychology", "English Literature", "History", "Geography", "Sociology",
                   "Politics", "Economics", "Computer Science", "Art and Design (Fine Art)",
                   "Music", "French"], ["Business", "Criminology"]),
    "hayfield": (["Biology", "Chemistry", "Physics", "Mathematics", "Psychology",
                  "English Literature", "History", "Geography", "Business", "Photography"],
                 ["Sport and Exercise Science"]),
    "ridgewood": (["Biology", "Chemistry", "Mathematics", "Psychology", "English Language",
                   "History", "Sociology"], ["Health and Social Care", "Information Technology"]),
    "trinity": (["Biology", "Chemistry", "Physics", "Mathematics", "Psychology",
                 "English Literature", "Religious Studies", "Drama and Theatre"],
                ["Applied Science"]),
    "mcauley": (["Biology", "Chemistry", "Physics", "Mathematics", "Further Mathematics",
                 "Psychology", "English Literature", "History", "Religious Studies", "Spanish"],
                ["Health and Social Care"]),
    "danum": (["Biology", "Chemistry", "Mathematics", "Psychology", "English Literature",
               "Sociology", "Media Studies"], ["Business", "Sport and Exercise Science"]),
    "campsmount": (["Biology", "Mathematics", "English Literature", "History", "Psychology"],
                   ["Health and Social Care"]),
    "rossington": (["Biology", "Mathematics", "Psychology", "English Language"],
                   ["Sport and Exercise Science", "Criminology"]),
    "goole": (["Biology", "Chemistry", "Mathematics", "History", "Geography", "Art and Design (Fine Art)"],
              ["Business"]),
    "thomasrotherham": (["Biology", "Chemistry", "Physics", "Mathematics", "Further Mathematics",
                         "Psychology", "English Literature", "English Language", "History",
                         "Geography", "Sociology", "Politics", "Economics", "Law",
                         "Computer Science", "Film Studies", "French", "Spanish"],
                        ["Applied Science", "Criminology"]),
    "leggott": (["Biology", "Chemistry", "Physics", "Mathematics", "Psychology",
                 "English Literature", "History", "Sociology", "Law", "Photography",
                 "Media Studies", "Physical Education"], ["Business", "Information Technology"]),
    "outwood16": (["Biology", "Chemistry", "Mathematics", "Psychology", "English Literature",
                   "History", "Business"], ["Health and Social Care"]),
}

# --- College courses ---------------------------------------------------------------
# Each: (key, title, qualification, level, ssa1, ssa2, sector, who, mode, attendance, delivery,
#        start, flexible, duration (value, unit), cost (pounds or None), cost text,
#        description, entry requirements, where next, tlevel)
# who is one of YOUNG, ADULTS, ANYONE.

def c(key, title, qual, level, ssa1, ssa2, sector, who, desc, entry, nxt,
      mode="FullTime", att="Daytime", delivery="ClassroomBased", start=SEPT, flexible=False,
      duration=(1, "Years"), cost=0, cost_text="Free for young people aged 16 to 18",
      tlevel=False):
    return dict(key=key, title=title, qual=qual, level=level, ssa1=ssa1, ssa2=ssa2,
                sector=sector, who=who, desc=desc, entry=entry, next=nxt, mode=mode, att=att,
                delivery=delivery, start=start, flexible=flexible, duration=duration, cost=cost,
                cost_text=cost_text, tlevel=tlevel)


GCSE4 = "Four GCSEs at grade 4 or above, including English and maths."
GCSE4_5 = "Five GCSEs at grade 4 or above, including English and maths at grade 4."
L2_ENTRY = "Three GCSEs at grade 3 or above, or a level 1 course in the same subject."
L1_ENTRY = "No formal qualifications needed; you will have a friendly interview."
TL_ENTRY = ("Five GCSEs at grade 4 or above, including English and maths; some pathways ask for "
            "grade 5 in science or maths.")

TLEVELS = [
    c("tl-digital", "T Level in Digital Production, Design and Development",
      "T Level Technical Qualification in Digital Production, Design and Development", "3", "6",
      "6.1", "Digital", YOUNG,
      "Learn how software is planned, coded, tested and kept secure, and spend at least 45 days "
      "on an industry placement with a local employer.", TL_ENTRY,
      "A software or digital apprenticeship at level 4, a job as a junior developer, or a "
      "computing degree.", duration=(2, "Years"), tlevel=True),
    c("tl-digisupport", "T Level in Digital Support Services",
      "T Level Technical Qualification in Digital Support Services", "3", "6", "6.1", "Digital",
      YOUNG, "Learn to support users, networks and cyber security in real organisations, with a "
      "45-day industry placement.", TL_ENTRY,
      "An infrastructure or cyber security apprenticeship, IT support jobs, or higher study.",
      duration=(2, "Years"), tlevel=True),
    c("tl-health", "T Level in Health", "T Level Technical Qualification in Health", "3", "1",
      "1.3", "Health and social care", YOUNG,
      "Learn how the NHS and care services work, with a long placement in a hospital, clinic or "
      "care setting. Specialise in supporting adult nursing or healthcare science.", TL_ENTRY,
      "Nursing, midwifery or paramedic degrees, health apprenticeships such as nursing "
      "associate, or work as a healthcare support worker.", duration=(2, "Years"), tlevel=True),
    c("tl-science", "T Level in Science", "T Level Technical Qualification in Science", "3", "2",
      "2.1", "Science", YOUNG,
      "Learn laboratory science for industry and health, including testing, quality control and "
      "working safely, with an industry placement.", TL_ENTRY,
      "Laboratory technician apprenticeships, science degrees or technician jobs.",
      duration=(2, "Years"), tlevel=True),
    c("tl-eey", "T Level in Education and Early Years",
      "T Level Technical Qualification in Education and Early Years", "3", "1", "1.5",
      "Education and childcare", YOUNG,
      "Learn how children develop and learn, and train to work in nurseries and schools, with a "
      "placement of about 750 hours.", TL_ENTRY,
      "Work as an early years educator, a teaching assistant apprenticeship, or a degree in "
      "education or early childhood.", duration=(2, "Years"), tlevel=True),
    c("tl-bse", "T Level in Building Services Engineering for Construction",
      "T Level Technical Qualification in Building Services Engineering for Construction", "3",
      "5", "5.2", "Construction", YOUNG,
      "Learn the science and skills behind electrical, plumbing, heating and renewable energy "
      "systems in buildings, with a placement on real sites.", TL_ENTRY,
      "Electrical or plumbing apprenticeships at level 3, or technician jobs.",
      duration=(2, "Years"), tlevel=True),
    c("tl-onsite", "T Level in Onsite Construction",
      "T Level Technical Qualification in Onsite Construction", "3", "5", "5.2", "Construction",
      YOUNG, "Learn carpentry and joinery or bricklaying to an advanced standard, plus how "
      "construction projects are run, with an industry placement.", TL_ENTRY,
      "Construction apprenticeships, site supervisor roles or a construction degree.",
      duration=(2, "Years"), tlevel=True),
    c("tl-design", "T Level in Design, Surveying and Planning for Construction",
      "T Level Technical Qualification in Design, Surveying and Planning for Construction", "3",
      "5", "5.2", "Construction", YOUNG,
      "Learn surveying, CAD design and planning for buildings and civil engineering projects, "
      "with a placement at a surveying or design firm.", TL_ENTRY,
      "Civil engineering technician or surveying apprenticeships, or a degree.",
      duration=(2, "Years"), tlevel=True),
    c("tl-emp", "T Level in Engineering, Manufacturing, Processing and Control",
      "T Level Technical Qualification in Engineering, Manufacturing, Processing and Control",
      "3", "4", "4.2", "Engineering", YOUNG,
      "Learn how products are designed and made, with machining, control systems and quality, "
      "and a 45-day industry placement.", TL_ENTRY,
      "Engineering technician apprenticeships, degree apprenticeships or engineering degrees.",
      duration=(2, "Years"), tlevel=True),
    c("tl-mir", "T Level in Maintenance, Installation and Repair for Engineering and Manufacturing",
      "T Level Technical Qualification in Maintenance, Installation and Repair for Engineering "
      "and Manufacturing", "3", "4", "4.1", "Engineering", YOUNG,
      "Learn to install, maintain and repair mechanical and electrical equipment, with a "
      "placement in industry.", TL_ENTRY,
      "Maintenance and operations engineering apprenticeships or a higher technical "
      "qualification.", duration=(2, "Years"), tlevel=True),
    c("tl-mgmt", "T Level in Management and Administration",
      "T Level Technical Qualification in Management and Administration", "3", "15", "15.3",
      "Business", YOUNG,
      "Learn how organisations are run: projects, people, data and customers, with a placement "
      "in an office.", TL_ENTRY,
      "Business administrator or team leader apprenticeships, or a business degree.",
      duration=(2, "Years"), tlevel=True),
    c("tl-accounting", "T Level in Accounting", "T Level Technical Qualification in Accounting",
      "3", "15", "15.1", "Accounting and finance", YOUNG,
      "Learn book-keeping, financial accounting, tax and audit, with a placement in a finance "
      "team.", TL_ENTRY,
      "Assistant accountant apprenticeships or accountancy degrees.", duration=(2, "Years"),
      tlevel=True),
]

VOCATIONAL = [
    c("con-multi-l1", "Construction Multi-skills Level 1", "Level 1 Diploma in Construction Skills",
      "1", "5", "5.2", "Construction", YOUNG,
      "Try bricklaying, carpentry, painting and decorating and plastering in our workshops, and "
      "improve your English and maths.", L1_ENTRY,
      "A level 2 course in the trade you like best, or a construction apprenticeship."),
    c("brick-l2", "Bricklaying Level 2", "Level 2 Diploma in Bricklaying", "2", "5", "5.2",
      "Construction", YOUNG,
      "Build walls, piers and arches in our workshops and learn to read drawings and set out "
      "brickwork.", L2_ENTRY, "A bricklayer apprenticeship or the level 3 diploma."),
    c("carp-l2", "Site Carpentry Level 2", "Level 2 Diploma in Site Carpentry", "2", "5", "5.2",
      "Construction", YOUNG,
      "Learn to fit doors, floors, stud walls and roofs, and use hand and power tools safely.",
      L2_ENTRY, "A carpentry and joinery apprenticeship or the level 3 diploma."),
    c("elec-l2", "Electrical Installation Level 2", "Level 2 Diploma in Electrical Installations",
      "2", "5", "5.2", "Construction", YOUNG,
      "Learn how to wire lighting and power circuits safely and the science of electricity.",
      "Four GCSEs at grade 4 or above, including maths.",
      "An installation electrician apprenticeship or the level 3 course."),
    c("elec-l3", "Electrical Installation Level 3",
      "Level 3 Advanced Technical Diploma in Electrical Installation", "3", "5", "5.2",
      "Construction", YOUNG,
      "Design, install, inspect and test electrical systems in domestic and commercial buildings.",
      "The level 2 diploma in electrical installation and GCSE maths at grade 4.",
      "An electrician apprenticeship, work as an electrical improver, or an HNC."),
    c("plumb-l2", "Plumbing Level 2", "Level 2 Diploma in Plumbing Studies", "2", "5", "5.2",
      "Construction", YOUNG,
      "Install hot and cold water systems, sanitation and central heating in our plumbing "
      "workshop.", L2_ENTRY,
      "A plumbing and domestic heating apprenticeship or the level 3 course."),
    c("paint-l2", "Painting and Decorating Level 2", "Level 2 Diploma in Painting and Decorating",
      "2", "5", "5.2", "Construction", YOUNG,
      "Prepare surfaces, paint, hang wallpaper and learn specialist finishes.", L2_ENTRY,
      "A painter and decorator apprenticeship or self-employment later on."),
    c("mv-l1", "Motor Vehicle Maintenance Level 1",
      "Level 1 Diploma in Vehicle Maintenance", "1", "4", "4.3", "Engineering", YOUNG,
      "Learn how cars work and carry out basic servicing in our training garage.", L1_ENTRY,
      "The level 2 motor vehicle course."),
    c("mv-l2", "Light Vehicle Maintenance and Repair Level 2",
      "Level 2 Diploma in Light Vehicle Maintenance and Repair Principles", "2", "4", "4.3",
      "Engineering", YOUNG,
      "Service and repair engines, brakes, steering and electrics, including an introduction to "
      "electric vehicles.", L2_ENTRY,
      "A motor vehicle technician apprenticeship or the level 3 course."),
    c("mv-l3", "Light Vehicle Maintenance and Repair Level 3",
      "Level 3 Diploma in Light Vehicle Maintenance and Repair Principles", "3", "4", "4.3",
      "Engineering", YOUNG,
      "Diagnose complex faults and work on hybrid and electric vehicles.",
      "The level 2 motor vehicle diploma and GCSE English and maths at grade 4.",
      "A vehicle technician apprenticeship or work in a garage or dealership."),
    c("eng-l2", "Engineering Level 2", "Level 2 Technical Certificate in Engineering", "2", "4",
      "4.1", "Engineering", YOUNG,
      "Learn machining, fitting, welding and electrical skills in our engineering workshops.",
      L2_ENTRY, "An engineering operative apprenticeship or the level 3 engineering course."),
    c("eng-l3", "Engineering Level 3 Extended Diploma", "Level 3 Extended Diploma in Engineering",
      "3", "4", "4.1", "Engineering", YOUNG,
      "Study mechanical and electrical principles, CAD and maths for engineers, with practical "
      "projects.", GCSE4_5,
      "Engineering technician apprenticeships, HNC or HND, or an engineering degree.",
      duration=(2, "Years")),
    c("weld-l2", "Welding and Fabrication Level 2",
      "Level 2 Diploma in Fabrication and Welding Practice", "2", "4", "4.2", "Engineering",
      YOUNG, "Learn MIG, TIG and arc welding and how to cut and shape metal to a drawing.",
      L2_ENTRY, "Engineering operative or welding apprenticeships."),
    c("hair-l2", "Hairdressing Level 2", "Level 2 Diploma in Women's Hairdressing", "2", "7",
      "7.3", "Hair and beauty", YOUNG,
      "Cut, colour and style hair on real clients in our commercial salon.", L2_ENTRY,
      "A hair professional apprenticeship or the level 3 diploma."),
    c("barb-l2", "Barbering Level 2", "Level 2 Diploma in Barbering", "2", "7", "7.3",
      "Hair and beauty", YOUNG,
      "Learn classic and modern men's cuts, fades and beard shaping in our barbershop.", L2_ENTRY,
      "A hair professional (barber) apprenticeship or work in a barbershop."),
    c("beauty-l2", "Beauty Therapy Level 2", "Level 2 Diploma in Beauty Therapy", "2", "7", "7.3",
      "Hair and beauty", YOUNG,
      "Learn facials, nails, waxing, lash and brow treatments and make-up in our salon.",
      L2_ENTRY, "A beauty therapist apprenticeship or the level 3 diploma."),
    c("beauty-l3", "Beauty Therapy Level 3", "Level 3 Diploma in Beauty Therapy", "3", "7", "7.3",
      "Hair and beauty", YOUNG,
      "Learn body massage, electrical facial treatments and spa therapies.",
      "The level 2 beauty therapy diploma.", "Work in salons and spas, or your own business."),
    c("cook-l2", "Professional Cookery Level 2", "Level 2 Diploma in Professional Cookery", "2",
      "7", "7.4", "Catering and hospitality", YOUNG,
      "Cook for real customers in our training restaurant and learn kitchen skills from "
      "professional chefs.", L2_ENTRY, "A commis chef apprenticeship or the level 3 diploma."),
    c("cook-l3", "Professional Cookery Level 3", "Level 3 Diploma in Advanced Professional Cookery",
      "3", "7", "7.4", "Catering and hospitality", YOUNG,
      "Advanced cooking, pastry and kitchen management in a busy training restaurant.",
      "The level 2 professional cookery diploma.",
      "A chef de partie apprenticeship or work in restaurants and hotels."),
    c("hosp-l1", "Introduction to Hospitality and Catering Level 1",
      "Level 1 Diploma in Introduction to Hospitality", "1", "7", "7.4",
      "Catering and hospitality", YOUNG,
      "Try cooking, serving customers and working in a cafe, and build your confidence.",
      L1_ENTRY, "Level 2 cookery or hospitality courses, or a hospitality apprenticeship."),
    c("hsc-l2", "Health and Social Care Level 2", "Level 2 Technical Certificate in Health and "
      "Social Care", "2", "1", "1.3", "Health and social care", YOUNG,
      "Learn about care values, communication and how to support people, with a work placement.",
      L2_ENTRY, "The T Level in Health, a level 3 course, or an adult care worker apprenticeship."),
    c("hsc-l3", "Health and Social Care Level 3 Extended Diploma",
      "Level 3 Extended Diploma in Health and Social Care", "3", "1", "1.3",
      "Health and social care", YOUNG,
      "Study anatomy, psychology, care practice and public health, with placements in care "
      "settings.", GCSE4_5,
      "Nursing, midwifery or social work degrees, or health apprenticeships.",
      duration=(2, "Years")),
    c("sport-l2", "Sport Level 2", "Level 2 Technical Certificate in Sport and Physical Activity",
      "2", "8", "8.1", "Sport", YOUNG,
      "Learn fitness training, coaching and leading sport sessions, and keep active.", L2_ENTRY,
      "The level 3 sport course or a community activator coach apprenticeship."),
    c("sport-l3", "Sport and Exercise Science Level 3 Extended Diploma",
      "Level 3 Extended Diploma in Sport and Exercise Science", "3", "8", "8.1", "Sport", YOUNG,
      "Study physiology, fitness testing, coaching and sports psychology, with our sports "
      "academies.", GCSE4_5,
      "Sports science or physiotherapy degrees, or a personal trainer apprenticeship.",
      duration=(2, "Years")),
    c("media-l3", "Creative Media Production Level 3 Extended Diploma",
      "Level 3 Extended Diploma in Creative Media Production", "3", "9", "9.3", "Creative",
      YOUNG, "Make films, podcasts, animations and social media content with industry kit.",
      GCSE4, "Creative degrees or a junior content producer apprenticeship.",
      duration=(2, "Years")),
    c("art-l3", "Art and Design Level 3 Extended Diploma",
      "Level 3 Extended Diploma in Art and Design", "3", "9", "9.2", "Creative", YOUNG,
      "Explore graphics, illustration, textiles, photography and fine art and build a portfolio.",
      GCSE4, "Art and design degrees or creative apprenticeships.", duration=(2, "Years")),
    c("music-l3", "Music Performance Level 3 Extended Diploma",
      "Level 3 Extended Diploma in Music Performance and Production", "3", "9", "9.1",
      "Creative", YOUNG,
      "Perform, record and produce music in our studios and play live gigs.",
      "Four GCSEs at grade 4 or above and an audition.",
      "Music degrees, music technology work or performing."),
    c("it-l2", "Information Technology Level 2", "Level 2 Technical Certificate in IT", "2", "6",
      "6.1", "Digital", YOUNG,
      "Build and repair computers, set up networks and learn the basics of coding.", L2_ENTRY,
      "A T Level in Digital or an IT apprenticeship."),
    c("it-l3", "Information Technology Level 3 Extended Diploma",
      "Level 3 Extended Diploma in Information Technology", "3", "6", "6.1", "Digital", YOUNG,
      "Study programming, networking, cyber security and games development.", GCSE4_5,
      "Computing degrees or digital apprenticeships.", duration=(2, "Years")),
    c("animal-l2", "Animal Care Level 2", "Level 2 Diploma in Animal Care", "2", "3", "3.3",
      "Animal care", YOUNG,
      "Look after small animals, reptiles and birds in our animal care unit.", L2_ENTRY,
      "An animal care apprenticeship or the level 3 course."),
    c("animal-l3", "Animal Management Level 3 Extended Diploma",
      "Level 3 Extended Diploma in Animal Management", "3", "3", "3.3", "Animal care", YOUNG,
      "Study animal health, behaviour and welfare, with work placements at kennels, zoos and "
      "vets.", GCSE4, "Veterinary nursing apprenticeships or animal science degrees.",
      duration=(2, "Years")),
    c("ups-l3", "Uniformed Protective Services Level 3 Extended Diploma",
      "Level 3 Extended Diploma in Uniformed Protective Services", "3", "1", "1.4",
      "Public services", YOUNG,
      "Prepare for careers in the police, fire service and armed forces, with fitness training "
      "and expeditions.", GCSE4,
      "The armed forces, police constable degree apprenticeship or emergency services."),
    c("pub-l2", "Public Services Level 2", "Level 2 Diploma in Public Services", "2", "1", "1.4",
      "Public services", YOUNG,
      "Learn about the emergency services and armed forces and build fitness and teamwork.",
      L2_ENTRY, "The level 3 protective services course or the armed forces."),
    c("bus-l3", "Business Level 3 Extended Diploma", "Level 3 Extended Diploma in Business", "3",
      "15", "15.3", "Business", YOUNG,
      "Study marketing, finance, events and running a business, with live briefs from local "
      "employers.", GCSE4, "Business degrees or business apprenticeships.",
      duration=(2, "Years")),
    c("foundation-e3", "Foundation Learning Pathways Entry Level 3",
      "Entry Level Certificate in Skills for Working Life", "E", "14", "14.1",
      "Preparation for life and work", YOUNG,
      "Build English, maths, independence and work skills in small groups, with support to move "
      "on to a level 1 course.", L1_ENTRY, "A level 1 vocational course or supported internship."),
    c("supported-internship", "Supported Internship",
      "Supported Internship (study programme)", "E", "14", "14.2",
      "Preparation for life and work", YOUNG,
      "A year based mostly with an employer for learners with an education, health and care plan, "
      "with a job coach and English and maths.",
      "An education, health and care plan.", "Paid work or an apprenticeship.",
      delivery="WorkBased"),
]

ACCESS = [
    c("access-nursing", "Access to HE Diploma (Nursing and Midwifery)",
      "Access to HE Diploma (Nursing and Midwifery)", "3", "14", "14.2", "Health and social care",
      ADULTS,
      "A one-year course for adults (19+) who want to study nursing or midwifery at university, "
      "covering biology, health and study skills.",
      "GCSE English and maths at grade 4, or level 2 Functional Skills.",
      "Nursing, midwifery or other health degrees.", cost=3200,
      cost_text="Advanced Learner Loan available; written off when you complete a degree"),
    c("access-health", "Access to HE Diploma (Health Science Professions)",
      "Access to HE Diploma (Health Science Professions)", "3", "14", "14.2",
      "Health and social care", ADULTS,
      "Prepare for degrees such as paramedic science, physiotherapy or radiography. For adults "
      "(19+) returning to study.", "GCSE English and maths at grade 4.",
      "Paramedic science, physiotherapy and other health degrees.", cost=3200,
      cost_text="Advanced Learner Loan available"),
    c("access-socsci", "Access to HE Diploma (Social Science)",
      "Access to HE Diploma (Social Science)", "3", "14", "14.2", "Humanities", ADULTS,
      "Study psychology, sociology and criminology to prepare for university. For adults (19+).",
      "A good standard of English.", "Social science, social work, teaching or law degrees.",
      cost=3000, cost_text="Advanced Learner Loan available"),
    c("access-computing", "Access to HE Diploma (Computing)", "Access to HE Diploma (Computing)",
      "3", "14", "14.2", "Digital", ADULTS,
      "Programming, maths and computer systems for adults (19+) aiming for a computing degree.",
      "GCSE maths at grade 4 or equivalent.", "Computing and software engineering degrees.",
      cost=3000, cost_text="Advanced Learner Loan available"),
]

ADULT = [
    c("aat-l2", "AAT Level 2 Certificate in Accounting", "AAT Level 2 Certificate in Accounting",
      "2", "15", "15.1", "Accounting and finance", ADULTS,
      "An evening course for adults (19+) covering book-keeping, costing and accounting software.",
      "Good maths and English.", "AAT Level 3 or finance jobs.", mode="PartTime", att="Evening",
      start=JAN, duration=(30, "Weeks"), cost=950,
      cost_text="Fees may be free if you earn under the living wage"),
    c("ed-training", "Level 3 Award in Education and Training",
      "Level 3 Award in Education and Training", "3", "13", "13.1", "Education and childcare",
      ADULTS, "The first step to teaching adults, for adults (19+) who want to train others at "
      "work or in a college.", "A level 3 qualification in the subject you want to teach.",
      "Level 5 Diploma in Education and Training.", mode="PartTime", att="Evening", start=FEB,
      duration=(10, "Weeks"), cost=395, cost_text="Cost includes registration"),
    c("adult-care-l3", "Level 3 Diploma in Adult Care", "Level 3 Diploma in Adult Care", "3", "1",
      "1.3", "Health and social care", ADULTS,
      "For adults (19+) working in care who want to become senior care workers. Assessed at work.",
      "You must be working in a care setting.", "Lead adult care roles or Level 5 Leader in Adult Care.",
      mode="PartTime", att="DayOrBlockRelease", delivery="WorkBased", start=JAN, flexible=True,
      duration=(12, "Months"), cost=0, cost_text="Free for eligible adults"),
    c("gcse-maths-adult", "GCSE Mathematics (evening, adults)", "GCSE (9-1) in Mathematics", "2",
      "2", "2.2", "Maths and English", ADULTS,
      "An evening GCSE maths class for adults (19+) who want a grade 4 for work or university.",
      "An initial assessment.", "Access to HE, teacher training or better job prospects.",
      mode="PartTime", att="Evening", duration=(34, "Weeks"), cost=0,
      cost_text="Free for adults without GCSE maths at grade 4"),
    c("gcse-english-adult", "GCSE English Language (evening, adults)",
      "GCSE (9-1) in English Language", "2", "12", "12.1", "Maths and English", ADULTS,
      "An evening GCSE English class for adults (19+).", "An initial assessment.",
      "Access to HE or further study.", mode="PartTime", att="Evening", duration=(34, "Weeks"),
      cost=0, cost_text="Free for adults without GCSE English at grade 4"),
    c("fs-maths-adult", "Functional Skills Maths Level 2 for Adults",
      "Functional Skills qualification in Mathematics at Level 2", "2", "14", "14.1",
      "Maths and English", ADULTS,
      "Practical maths for work and everyday life, for adults (19+), with flexible start dates.",
      "An initial assessment.", "GCSE maths or vocational courses.", mode="PartTime",
      att="Daytime", flexible=True, start=None, duration=(12, "Weeks"), cost=0,
      cost_text="Free"),
    c("counselling-l2", "Introduction to Counselling Skills Level 2",
      "Level 2 Certificate in Counselling Skills", "2", "1", "1.3", "Health and social care",
      ADULTS, "Learn listening and helping skills, for adults (19+) in caring roles or thinking "
      "of training as a counsellor.", "None.", "Level 3 counselling studies.",
      mode="PartTime", att="Evening", start=JAN, duration=(20, "Weeks"), cost=450,
      cost_text="Concessions available"),
    c("esol-adult-e2", "ESOL Entry Level 2 (adults)", "ESOL Skills for Life (Entry 2)", "E",
      "14", "14.1", "English for speakers of other languages", ADULTS,
      "English speaking, listening, reading and writing for adults (19+) whose first language "
      "is not English.", "An initial English assessment.", "ESOL Entry 3 or a vocational course.",
      mode="PartTime", att="Daytime", flexible=True, start=None, duration=(30, "Weeks"), cost=0,
      cost_text="Free for eligible learners"),
    c("esol-young", "ESOL for Young People Entry Level 3", "ESOL Skills for Life (Entry 3)", "E",
      "14", "14.1", "English for speakers of other languages", YOUNG,
      "A full-time course for young people aged 16 to 18 who are new to the UK, with English, "
      "maths and taster sessions in college subjects.", "An initial English assessment.",
      "Level 1 vocational courses or ESOL Level 1."),
    c("esol-l1", "ESOL Level 1 (adults)", "ESOL Skills for Life (Level 1)", "1", "14", "14.1",
      "English for speakers of other languages", ADULTS,
      "Improve your English for work and further study. For adults (19+).",
      "ESOL Entry 3 or an assessment.", "Level 2 ESOL, GCSE English or vocational courses.",
      mode="PartTime", att="Evening", start=JAN, duration=(30, "Weeks"), cost=0,
      cost_text="Free for eligible learners"),
]

# Which college courses each college offers (keys of the lists above).
COLLEGES = {
    "dncolleges": ["tl-digital", "tl-digisupport", "tl-health", "tl-science", "tl-eey", "tl-bse",
                   "tl-onsite", "tl-emp", "tl-mir", "tl-mgmt", "con-multi-l1", "brick-l2",
                   "carp-l2", "elec-l2", "elec-l3", "plumb-l2", "paint-l2", "mv-l1", "mv-l2",
                   "mv-l3", "eng-l2", "eng-l3", "weld-l2", "hair-l2", "barb-l2", "beauty-l2",
                   "beauty-l3", "cook-l2", "cook-l3", "hosp-l1", "hsc-l2", "hsc-l3", "sport-l2",
                   "sport-l3", "media-l3", "art-l3", "music-l3", "it-l2", "it-l3", "ups-l3",
                   "pub-l2", "bus-l3", "foundation-e3", "supported-internship",
                   "access-nursing", "access-health", "access-socsci", "access-computing",
                   "aat-l2", "ed-training", "gcse-maths-adult", "gcse-english-adult",
                   "esol-adult-e2", "esol-young", "esol-l1"],
    # North Lindsey College courses (DN Colleges Group's Scunthorpe venue)
    "dncolleges-nlc": ["tl-emp", "tl-health", "eng-l3", "weld-l2", "elec-l2", "cook-l2",
                       "animal-l2", "animal-l3", "hair-l2", "access-health"],
    "rnn": ["tl-digital", "tl-health", "tl-accounting", "tl-design", "carp-l2", "elec-l2",
            "mv-l2", "hair-l2", "cook-l2", "hsc-l3", "sport-l3", "media-l3", "ups-l3",
            "access-nursing", "esol-adult-e2"],
    "barnsley": ["tl-digital", "tl-digisupport", "tl-eey", "tl-onsite", "brick-l2", "plumb-l2",
                 "eng-l3", "beauty-l2", "cook-l3", "it-l3", "art-l3", "music-l3", "access-socsci",
                 "counselling-l2", "esol-l1"],
    "northnotts": ["tl-health", "tl-mir", "con-multi-l1", "mv-l3", "hair-l2", "animal-l2",
                   "hsc-l2", "sport-l2", "bus-l3", "fs-maths-adult"],
}

# --- Training providers and community learning -------------------------------------
PROVIDER_COURSES = {
    "buildskills": [
        c("cscs-l1", "Health and Safety in a Construction Environment (CSCS card)",
          "Level 1 Award in Health and Safety in a Construction Environment", "1", "5", "5.2",
          "Construction", ANYONE,
          "A one-day course for anyone aged 16 or over that leads to the CSCS Labourer card test, "
          "needed to work on most building sites.", "None.",
          "Site labouring jobs or a construction apprenticeship.", mode="PartTime",
          att="Daytime", flexible=True, start=None, duration=(1, "Days"), cost=95,
          cost_text="Includes the CSCS test fee"),
        c("preapp-construction", "Pre-apprenticeship Programme in Construction",
          "Pre-apprenticeship study programme (Construction)", "1", "5", "5.2", "Construction",
          YOUNG,
          "A 12-week programme for young people aged 16 to 18 who want a construction "
          "apprenticeship: site skills, a CSCS card, English and maths, and a work placement "
          "with an employer who may take you on.", L1_ENTRY,
          "A bricklayer, carpentry or painter and decorator apprenticeship.", start=JAN,
          flexible=False, duration=(12, "Weeks")),
        c("dryline-l2", "Dry Lining and Plastering Short Course",
          "Level 2 Award in Plastering Skills", "2", "5", "5.2", "Construction", ADULTS,
          "A practical short course for adults (19+) changing career into the building trades.",
          "None.", "Work as a plastering labourer or a plasterer apprenticeship.",
          mode="PartTime", att="Weekend", start=FEB, duration=(6, "Weeks"), cost=650,
          cost_text="Payment plans available"),
        c("brick-taster", "Bricklaying Taster Week", "Non-regulated bricklaying taster", "E",
          "5", "5.2", "Construction", YOUNG,
          "A free week of hands-on bricklaying for young people aged 16 to 18 thinking about a "
          "trade.", "None.", "Bricklaying courses or apprenticeships.", start=APR,
          duration=(1, "Weeks")),
        c("renewables-adult", "Solar PV and Battery Installation",
          "Level 3 Award in Installing Small-Scale Solar Photovoltaic Systems", "3", "5", "5.2",
          "Construction", ADULTS,
          "For qualified electricians: adults (19+) adding solar and battery installation to "
          "their skills.", "A level 3 electrical qualification.", "Renewable energy work.",
          mode="PartTime", att="Daytime", start=JAN, duration=(5, "Days"), cost=795,
          cost_text="Price per learner"),
    ],
    "pathways": [
        c("pathways-employ", "Pathways to Work: Employability Programme",
          "Employability study programme", "1", "14", "14.2", "Preparation for life and work",
          YOUNG,
          "A friendly programme for young people aged 16 to 18 who are not in education or work: "
          "confidence, CV writing, English and maths, and a work placement.", L1_ENTRY,
          "An apprenticeship, college course or job.", flexible=True, start=None,
          duration=(20, "Weeks")),
        c("pathways-retail", "Retail and Customer Service Pre-apprenticeship",
          "Level 1 Award in Retail Skills", "1", "7", "7.1", "Sales and retail", YOUNG,
          "For young people aged 16 to 18: learn retail and customer service skills with a "
          "placement in a Doncaster shop.", L1_ENTRY,
          "A retailer or customer service apprenticeship.", start=JAN, duration=(10, "Weeks")),
        c("pathways-warehouse", "Warehouse and Logistics Pre-employment Course",
          "Level 1 Award in Warehousing and Storage", "1", "7", "7.2", "Transport and logistics",
          ANYONE,
          "A short course for anyone aged 16 or over: safe lifting, stock control and "
          "warehouse systems, with a guaranteed interview with a local employer.", L1_ENTRY,
          "Warehouse jobs or a supply chain warehouse operative apprenticeship.",
          mode="PartTime", att="Daytime", flexible=True, start=None, duration=(3, "Weeks")),
        c("pathways-digital", "Digital Skills for Young People",
          "Essential Digital Skills qualification (Entry 3)", "E", "6", "6.2", "Digital", YOUNG,
          "Everyday computer and online skills for young people aged 16 to 18, in small "
          "friendly groups.", "None.", "IT courses or jobs.", mode="PartTime",
          flexible=True, start=None, duration=(8, "Weeks")),
        c("pathways-hosp", "Hospitality Skills Pre-apprenticeship",
          "Level 1 Award in Introduction to the Hospitality Industry", "1", "7", "7.4",
          "Catering and hospitality", YOUNG,
          "For young people aged 16 to 18: barista, food safety and front-of-house skills in our "
          "community cafe.", L1_ENTRY, "A hospitality team member or commis chef apprenticeship.",
          start=APR, duration=(8, "Weeks")),
    ],
    "railskills": [
        c("pts", "Personal Track Safety (PTS)", "Personal Track Safety certificate", "1", "4",
          "4.3", "Transport and logistics", "Anyone aged 18 or over",
          "The safety certificate needed to work on or near the railway, for anyone aged 18 or "
          "over, including a drugs and alcohol test.", "None.",
          "Rail track operative jobs or a rail engineering apprenticeship.", mode="PartTime",
          flexible=True, start=None, duration=(2, "Days"), cost=350,
          cost_text="Includes medical and drugs test"),
        c("rail-preapp", "Rail Engineering Pre-apprenticeship",
          "Level 1 Certificate in Rail Engineering Skills", "1", "4", "4.3", "Engineering", YOUNG,
          "For young people aged 16 to 18 interested in the railway: workshop skills, rail "
          "safety and visits to Doncaster depots.", L1_ENTRY,
          "A rail engineering operative or technician apprenticeship.", start=JAN,
          duration=(10, "Weeks")),
        c("hnc-rail", "HNC in Electrical and Electronic Engineering (Rail)",
          "Pearson BTEC Level 4 HNC in Electrical and Electronic Engineering", "4", "4", "4.1",
          "Engineering", ADULTS,
          "A part-time higher technical course for adults (19+) working in rail engineering.",
          "A level 3 engineering qualification.", "HND, degree or senior technician roles.",
          mode="PartTime", att="DayOrBlockRelease", duration=(2, "Years"), cost=5400,
          cost_text="Tuition fee loan available"),
        c("welding-short", "MIG Welding Short Course", "Non-regulated MIG welding course", "1",
          "4", "4.2", "Engineering", ADULTS, "Practical MIG welding for adults (19+) on evenings.",
          "None.", "Welding jobs or further welding courses.", mode="PartTime", att="Evening",
          start=FEB, duration=(8, "Weeks"), cost=420, cost_text="All materials included"),
    ],
    "community": [
        c("cl-esol-e1", "ESOL Entry Level 1 (community)", "ESOL Skills for Life (Entry 1)", "E",
          "14", "14.1", "English for speakers of other languages", ADULTS,
          "Beginners' English classes in community centres for adults (19+).",
          "An initial assessment.", "ESOL Entry 2.", mode="PartTime", flexible=True, start=None,
          duration=(30, "Weeks"), cost=0, cost_text="Free"),
        c("cl-digital", "Get Online: Essential Digital Skills",
          "Essential Digital Skills qualification (Entry 3)", "E", "6", "6.2", "Digital", ADULTS,
          "Learn to use a computer, phone and the internet safely. For adults (19+).", "None.",
          "Further IT courses.", mode="PartTime", flexible=True, start=None,
          duration=(10, "Weeks"), cost=0, cost_text="Free"),
        c("cl-maths", "Maths for Everyday Life", "Functional Skills qualification in Mathematics "
          "at Entry 3", "E", "14", "14.1", "Maths and English", ADULTS,
          "Build confidence with numbers, money and measures. For adults (19+).", "None.",
          "Functional Skills Level 1.", mode="PartTime", att="Daytime", start=JAN,
          duration=(12, "Weeks"), cost=0, cost_text="Free"),
        c("cl-first-aid", "Emergency First Aid at Work", "Level 3 Award in Emergency First Aid at "
          "Work", "3", "1", "1.3", "Health and social care", ANYONE,
          "A one-day first aid course for anyone aged 16 or over.", "None.",
          "First Aid at Work (three days).", mode="PartTime", flexible=True, start=None,
          duration=(1, "Days"), cost=85, cost_text="Per person"),
        c("cl-food-safety", "Food Safety in Catering Level 2",
          "Level 2 Award in Food Safety in Catering", "2", "7", "7.4", "Catering and hospitality",
          ANYONE, "The food hygiene certificate employers ask for, for anyone aged 16 or over.",
          "None.", "Jobs in kitchens and cafes.", mode="PartTime", delivery="Online",
          flexible=True, start=None, duration=(6, "Hours"), cost=25, cost_text="Online"),
        c("cl-mental-health", "Understanding Mental Health Level 2",
          "Level 2 Certificate in Understanding Mental Health", "2", "1", "1.3",
          "Health and social care", ADULTS, "A distance learning course for adults (19+).",
          "None.", "Care and support work.", mode="Flexible", delivery="Online", flexible=True,
          start=None, duration=(12, "Weeks"), cost=0, cost_text="Free for eligible adults"),
        c("cl-bookkeeping", "Introduction to Book-keeping", "Level 1 Award in Bookkeeping", "1",
          "15", "15.1", "Accounting and finance", ADULTS,
          "Evening classes for adults (19+) who run a small business or want office work.",
          "None.", "AAT Level 2.", mode="PartTime", att="Evening", start=JAN,
          duration=(10, "Weeks"), cost=120, cost_text="Concessions available"),
        c("cl-family", "Family Learning: Helping Your Child with Maths",
          "Non-regulated family learning course", "E", "14", "14.1", "Maths and English", ADULTS,
          "Short sessions in primary schools for parents and carers (19+).", "None.",
          "Maths for Everyday Life.", mode="PartTime", flexible=True, start=None,
          duration=(6, "Weeks"), cost=0, cost_text="Free"),
        c("cl-creative", "Creative Writing for Wellbeing", "Non-regulated community course", "E",
          "12", "12.1", "Community learning", ADULTS,
          "A relaxed community course for adults (19+) at Doncaster Central Library.", "None.",
          "Further creative courses.", mode="PartTime", att="Daytime", start=APR,
          duration=(8, "Weeks"), cost=30, cost_text="Free if you receive benefits"),
        c("cl-cv", "Job Search and CV Workshop", "Non-regulated employability course", "E", "14",
          "14.2", "Preparation for life and work", ADULTS,
          "Two half-days for adults (19+) looking for work.", "None.", "Employability courses.",
          mode="PartTime", flexible=True, start=None, duration=(2, "Days"), cost=0,
          cost_text="Free"),
    ],
    "carecademy": [
        c("care-cert", "Care Certificate Short Course", "Care Certificate (non-regulated)", "2",
          "1", "1.3", "Health and social care", ANYONE,
          "The 15 standards every new care worker needs, for anyone aged 16 or over thinking "
          "about a job in care.", "None.", "Care worker jobs or an adult care worker "
          "apprenticeship.", mode="PartTime", flexible=True, start=None, duration=(3, "Weeks"),
          cost=0, cost_text="Free"),
        c("care-preapp", "Health and Care Pre-apprenticeship",
          "Level 1 Award in Introduction to Health and Social Care", "1", "1", "1.3",
          "Health and social care", YOUNG,
          "For young people aged 16 to 18: care skills, first aid and a placement in a care "
          "home or hospital.", L1_ENTRY,
          "A healthcare support worker or adult care worker apprenticeship.", start=APR,
          duration=(10, "Weeks")),
        c("care-l2-adult", "Level 2 Diploma in Care", "Level 2 Diploma in Care", "2", "1", "1.3",
          "Health and social care", ADULTS,
          "Assessed at work, for adults (19+) employed in care.", "Working in care.",
          "Level 3 Diploma in Adult Care.", mode="PartTime", delivery="WorkBased", flexible=True,
          start=None, duration=(12, "Months"), cost=0, cost_text="Free for eligible adults"),
        c("medication", "Safe Handling of Medicines", "Level 2 Award in the Safe Handling of "
          "Medicines", "2", "1", "1.3", "Health and social care", ADULTS,
          "A short online course for adults (19+) working in care.", "None.",
          "Senior care roles.", mode="Flexible", delivery="Online", flexible=True, start=None,
          duration=(20, "Hours"), cost=60, cost_text="Per learner"),
    ],
    # Danum Training's courses in Find a course (its classroom courses are in its
    # Course Directory upload instead).
    "danum": [
        c("danum-bootcamp", "Skills Bootcamp in Software Development",
          "Skills Bootcamp (Digital)", "3", "6", "6.1", "Digital", ADULTS,
          "A free 12-week online bootcamp for adults (19+) with a guaranteed job interview at "
          "the end.", "Some experience of coding, or a short online test.",
          "Junior developer jobs or a software developer apprenticeship.", mode="PartTime",
          att="Evening", delivery="Online", start=FEB, duration=(12, "Weeks"), cost=0,
          cost_text="Free, funded by the Department for Education"),
        c("danum-excel", "Spreadsheets for Work (online)",
          "Level 2 Certificate in IT User Skills (Spreadsheets)", "2", "6", "6.2", "Digital",
          ADULTS, "Online spreadsheet skills for adults (19+).", "None.",
          "Data and admin jobs.", mode="Flexible", delivery="Online", flexible=True, start=None,
          duration=(30, "Hours"), cost=0, cost_text="Free for eligible adults"),
    ],
}

# Danum Training's Course Directory bulk upload (classroom courses at its venues).
# ref, venue ref, lars, name, who, entry, learn, how, bring, assessed, next, delivery,
# start (dd/mm/yyyy), flexible, cost, cost text, duration, unit, study mode, attendance
DANUM_UPLOAD = [
    ("DTP-BA-0127", "LAKESIDE", "60311345", "Business Administration Level 3 (study programme)",
     "Young people aged 16 to 18 who want an office career and may go on to a business "
     "administrator apprenticeship.",
     "Four GCSEs at grade 4 or above, including English.",
     "Office systems, customer service, Microsoft 365, project work and professional skills.",
     "Three days a week in our training office at Lakeside plus a placement with a Doncaster "
     "employer.", "A laptop is provided.", "Assignments and a portfolio.",
     "A business administrator apprenticeship or office jobs.", "classroom based", "06/09/2027",
     "no", "0", "Free for 16 to 18 year olds", "1", "years", "full time", "daytime"),
    ("DTP-IT-0127", "LAKESIDE", "60322101", "IT Support Technician Level 2 (study programme)",
     "Young people aged 16 to 18 who like fixing computers.",
     "Three GCSEs at grade 3 or above.",
     "Building PCs, installing software, networks and helping users.",
     "Workshops and a placement in an IT department.", "Nothing - all kit is provided.",
     "Practical tests and a portfolio.",
     "An infrastructure technician apprenticeship or the T Level in Digital Support Services.",
     "classroom based", "06/09/2027", "no", "0", "Free for 16 to 18 year olds", "1", "years",
     "full time", "daytime"),
    ("DTP-CS-0127", "LAKESIDE", "60198734", "Customer Service Level 2 (study programme)",
     "Young people aged 16 to 18 who enjoy helping people.",
     "No formal qualifications needed.", "Customer service skills, communication and "
     "complaint handling, with English and maths.", "Classroom sessions and a placement.",
     "A notebook.", "Observation and a portfolio.",
     "A customer service practitioner apprenticeship.", "classroom based", "06/09/2027", "no",
     "0", "Free for 16 to 18 year olds", "1", "years", "full time", "daytime"),
    ("DTP-FLT-01", "BALBY", "", "Counterbalance Fork-lift Truck Training (Novice)",
     "Adults (19+) looking for warehouse work who have never driven a fork-lift.",
     "None.", "Safe operation of a counterbalance fork-lift, pre-use checks and stacking.",
     "Hands-on in our Balby training warehouse, four learners per instructor.",
     "Safety boots.", "Theory and practical test.", "Warehouse and logistics jobs.",
     "classroom based", "", "yes", "480", "Includes certificate", "5", "days", "full time",
     "daytime"),
    ("DTP-FLT-02", "BALBY", "", "Reach Truck Training (Novice)",
     "Adults (19+) working in or moving into warehouse jobs.", "None.",
     "Operating a reach truck at height safely.", "Practical training in our warehouse.",
     "Safety boots.", "Theory and practical test.", "Warehouse operative jobs.",
     "classroom based", "", "yes", "520", "Includes certificate", "5", "days", "full time",
     "daytime"),
    ("DTP-FA-01", "LAKESIDE", "60305627", "First Aid at Work", "Anyone aged 16 or over who is "
     "their workplace's first aider.", "None.",
     "CPR, using a defibrillator, bleeding, burns, fractures and medical emergencies.",
     "Practical sessions with manikins.", "Nothing.", "Practical and oral assessment.",
     "Refresher every three years.", "classroom based", "", "yes", "210",
     "Per person, includes certificate", "3", "days", "full time", "daytime"),
    ("DTP-H&S-01", "LAKESIDE", "60146734", "Health and Safety in the Workplace Level 2",
     "Anyone aged 16 or over starting work.", "None.", "Risks, hazards, manual handling, fire "
     "safety and the law.", "One day in class.", "Nothing.", "Multiple-choice exam.",
     "Level 3 health and safety courses.", "classroom based", "", "yes", "75", "Per person",
     "1", "days", "full time", "daytime"),
    ("DTP-TL-0127", "LAKESIDE", "60378123", "Team Leading Level 3 (evening)",
     "Adults (19+) who lead a team at work or want to.", "None.",
     "Leading people, planning work, communication and solving problems.",
     "One evening a week at Lakeside.", "Nothing.", "Assignments.",
     "The team leader or supervisor apprenticeship.", "classroom based", "12/01/2027", "no",
     "300", "Free if you earn under the living wage", "12", "weeks", "part time", "evening"),
    ("DTP-SAT-01", "BALBY", "", "Saturday Skills Club: Electronics and Coding",
     "Young people aged 14 to 16 thinking about engineering or digital careers.", "None.",
     "Build circuits and program microcontrollers.", "Four Saturday mornings.", "Nothing.",
     "Not assessed.", "Engineering or digital courses at 16.", "classroom based",
     "13/03/2027", "no", "0", "Free", "4", "weeks", "part time", "weekend"),
    ("DTP-BOOK-01", "LAKESIDE", "", "Book-keeping with Xero",
     "Adults (19+) running a small business or working in finance.", "None.",
     "Setting up accounts, invoices, bank reconciliation and VAT returns in Xero.",
     "Two evenings a week.", "A laptop if you have one.", "Practical tasks.", "AAT courses.",
     "classroom based", "22/02/2027", "no", "260", "Includes software licence", "6",
     "weeks", "part time", "evening"),
]

DANUM_VENUES = [
    # ref, name, line 1, line 2, town, county, postcode, phone, website
    ("LAKESIDE", "Danum Training - Lakeside", "Unit 3, Lakeside Court", "Lakeside",
     "Doncaster", "South Yorkshire", "DN4 5NG", "", "https://www.danumtraining.example"),
    ("BALBY", "Danum Training - Balby Warehouse Academy", "Unit 12, Balby Carr Bank", "Balby",
     "Doncaster", "South Yorkshire", "DN4 8DA", "", "https://www.danumtraining.example"),
]

# --- Higher education (Discover Uni) ---------------------------------------------
# provider UKPRN -> list of (course id, title, aim code, kislevel, hecos list, honours,
#                             sandwich, yearabroad, foundation, stages, ucas, mode list)
HE = {
    "10004695": [
        ("UCD-FDSC-CS", "Computing", "036", "04", ["100366"], 0, 0, 0, 0, 2, "G401", ["01"]),
        ("UCD-BSC-CS-TU", "Computing (Top-up)", "021", "03", ["100366"], 1, 0, 0, 0, 1, "G402",
         ["01", "02"]),
        ("UCD-FDA-EY", "Early Years Education", "130", "04", ["100463"], 0, 0, 0, 0, 2, "X310",
         ["01", "02"]),
        ("UCD-BA-EDU", "Education and Learning", "000", "03", ["100459"], 1, 0, 0, 0, 3, "X300",
         ["01"]),
        ("UCD-FDSC-ENG", "Engineering (Mechanical and Electrical)", "036", "04",
         ["100190", "100163"], 0, 0, 0, 0, 2, "H300", ["01", "02"]),
        ("UCD-HND-ENG", "Electrical and Electronic Engineering", "038", "04", ["100163"], 0, 0, 0,
         0, 2, "H600", ["01"]),
        ("UCD-BA-MEDIA", "Film and Television Production (with Foundation Year)", "000", "03", ["100441"], 1, 0, 0, 2,
         4, "P310", ["01"]),
        ("UCD-FDA-BUS", "Business Management", "130", "04", ["100078"], 0, 0, 0, 0, 2, "N100",
         ["01", "02"]),
        ("UCD-BA-CRIM", "Criminology and Criminal Justice", "000", "03", ["100484"], 1, 0, 0, 0,
         3, "M900", ["01"]),
        ("UCD-FDSC-SPORT", "Sport, Exercise and Fitness", "036", "04", ["100433"], 0, 0, 0, 0, 2,
         "C600", ["01"]),
        ("UCD-BA-MUSIC", "Music Production and Performance", "000", "03", ["100221"], 1, 0, 0,
         0, 3, "W300", ["01"]),
        ("UCD-HND-CON", "Construction Management", "038", "04", ["100151"], 0, 0, 0, 0, 2, "K220",
         ["02"]),
    ],
    "10005790": [
        ("SHU-BSC-CS", "Computer Science", "021", "03", ["100366"], 1, 1, 0, 0, 4, "G400", ["01"]),
        ("SHU-BSC-SE", "Software Engineering", "021", "03", ["100374"], 1, 1, 0, 0, 4, "G600",
         ["01"]),
        ("SHU-MENG-ME", "Mechanical Engineering", "056", "03", ["100190"], 1, 1, 0, 1, 5, "H301",
         ["01"]),
        ("SHU-BSC-NURS", "Nursing (Adult)", "021", "03", ["100280"], 1, 0, 0, 0, 3, "B740", ["01"]),
        ("SHU-BSC-MID", "Midwifery", "021", "03", ["100288"], 1, 0, 0, 0, 3, "B720", ["01"]),
        ("SHU-BSC-PARA", "Paramedic Science", "021", "03", ["100749"], 1, 0, 0, 0, 3, "B780",
         ["01"]),
        ("SHU-BSC-PHYSIO", "Physiotherapy", "021", "03", ["100252"], 1, 0, 0, 0, 3, "B160",
         ["01"]),
        ("SHU-BA-PRIM", "Primary Education with QTS", "000", "03", ["100511"], 1, 0, 0, 0, 3,
         "X100", ["01"]),
        ("SHU-LLB", "Law", "039", "03", ["100485"], 1, 1, 0, 0, 3, "M100", ["01"]),
        ("SHU-BA-ACC", "Accounting and Finance", "000", "03", ["100105"], 1, 1, 0, 0, 4, "NN43",
         ["01"]),
        ("SHU-BSC-BMS", "Biomedical Science", "021", "03", ["100265"], 1, 1, 0, 1, 4, "B940",
         ["01"]),
        ("SHU-BA-GD", "Graphic Design", "000", "03", ["100061"], 1, 1, 0, 0, 4, "W210", ["01"]),
        ("SHU-BSC-SW", "Social Work", "021", "03", ["100503"], 1, 0, 0, 0, 3, "L500", ["01"]),
        ("SHU-BSC-QS", "Quantity Surveying", "021", "03", ["100216"], 1, 1, 0, 0, 4, "K240",
         ["01", "02"]),
    ],
}
