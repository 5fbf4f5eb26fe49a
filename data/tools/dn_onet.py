"""Short descriptions of the O*NET occupations the sample's SOC codes map to.

The O*NET-SOC codes and titles are public facts (O*NET, CC BY 4.0); these
one-sentence descriptions are written by the careers project and are not
O*NET's text.
"""

DESCRIPTIONS = {
    "11-1021.00": "Plan and run the day-to-day operations of an organisation or site, setting "
                  "targets and managing staff and budgets.",
    "11-3012.00": "Manage the support services that keep an organisation working, such as records, "
                  "facilities and office teams.",
    "11-9081.00": "Run hotels, guest houses and other places to stay, looking after guests, staff "
                  "and finances.",
    "11-9111.00": "Plan and manage health and care services, departments or homes.",
    "11-9179.01": "Organise fitness and wellbeing programmes for workplaces, gyms and communities.",
    "13-1051.00": "Work out how much a building or product will cost to make, using drawings and "
                  "specifications.",
    "13-1161.00": "Research customers and markets and plan how to promote products and services.",
    "13-2011.00": "Prepare and check financial records, accounts and tax returns.",
    "15-1212.00": "Plan and carry out measures to protect computer networks and data from attack.",
    "15-1231.00": "Keep computer networks running, find faults and help users connect.",
    "15-1232.00": "Help people with problems using computers, software and devices.",
    "15-1244.00": "Install, set up and look after an organisation's servers and networks.",
    "15-1251.00": "Write, test and correct the code that makes computer programs work.",
    "15-1252.00": "Design and build software and apps, from working out what users need to "
                  "releasing and improving the product.",
    "15-1254.00": "Build and maintain websites and web applications.",
    "15-1255.00": "Design how websites and apps look and feel so they are easy to use.",
    "15-1299.05": "Design and build the security systems that protect computers and networks.",
    "15-2051.00": "Use statistics, programming and data tools to find useful patterns in large "
                  "sets of data.",
    "17-2051.00": "Design and supervise building of roads, bridges, railways, water systems and "
                  "other structures.",
    "17-2071.00": "Design and test electrical systems and equipment, from power supplies to "
                  "controls.",
    "17-2141.00": "Design, build and test machines, engines and mechanical devices.",
    "17-3022.00": "Help civil engineers survey sites, draw plans and check construction work.",
    "17-3023.00": "Build, test and repair electrical and electronic equipment under an engineer's "
                  "direction.",
    "17-3026.00": "Study how work is done in factories and suggest ways to make it quicker, safer "
                  "and cheaper.",
    "17-3027.00": "Help engineers design, build and test mechanical parts and machinery.",
    "19-1021.00": "Study the chemistry of living things to understand diseases and develop new "
                  "products.",
    "19-4021.00": "Carry out biology lab work such as preparing samples, running tests and "
                  "recording results.",
    "19-4031.00": "Carry out chemistry lab tests and help develop and check chemical products.",
    "21-1021.00": "Support children and families in difficulty and protect children from harm.",
    "21-1022.00": "Help patients and their families cope with illness and arrange support after "
                  "hospital.",
    "23-2011.00": "Help lawyers by researching law, drafting documents and organising case files.",
    "25-2011.00": "Teach and care for young children before they start school.",
    "25-2021.00": "Teach children in the first years of school across many subjects.",
    "25-2031.00": "Teach one or more subjects to older pupils at secondary school.",
    "25-9042.00": "Support teachers and help pupils learn in the classroom.",
    "25-9043.00": "Support pupils with special educational needs and disabilities in school.",
    "27-1014.00": "Create animation and visual effects for films, TV, games and adverts.",
    "27-1024.00": "Design images, layouts and graphics for print, screens and products.",
    "27-2022.00": "Train and coach people in a sport and help them improve.",
    "27-4021.00": "Take and edit photographs of people, events, places and products.",
    "27-4031.00": "Operate cameras to film TV programmes, films, events and online video.",
    "27-4032.00": "Edit film, video and sound into finished programmes and clips.",
    "29-1051.00": "Check and supply medicines and advise patients and doctors on using them "
                  "safely.",
    "29-1123.00": "Help people recover movement and manage pain after injury or illness.",
    "29-1141.00": "Assess, plan and give nursing care to patients and support their families.",
    "29-1161.00": "Care for women during pregnancy, birth and after birth, with advanced nursing "
                  "training.",
    "29-2011.00": "Run complex laboratory tests on body samples to help diagnose illness.",
    "29-2042.00": "Give emergency care to ill and injured people and take them to hospital.",
    "29-2043.00": "Assess and treat patients in emergencies, giving advanced care before hospital.",
    "29-2052.00": "Prepare and supply medicines under the supervision of a pharmacist.",
    "29-2056.00": "Nurse animals and support vets with treatment, tests and operations.",
    "29-9099.01": "Support people through pregnancy and birth and care for newborn babies.",
    "31-1121.00": "Help older, ill or disabled people with daily living in their own homes.",
    "31-1122.00": "Give personal care and support to people who need help with daily life.",
    "31-1131.00": "Help nurses care for patients with washing, eating, moving and basic checks.",
    "31-2021.00": "Help physiotherapists carry out treatment and exercise programmes.",
    "31-9091.00": "Help dentists during treatment and keep instruments clean and ready.",
    "31-9096.00": "Feed, clean and care for animals in vet practices and laboratories.",
    "33-2011.00": "Put out fires, rescue people and respond to emergencies.",
    "33-3051.00": "Patrol areas, respond to calls and enforce the law to keep people safe.",
    "35-1011.00": "Lead kitchens, plan menus and cook dishes to a high standard.",
    "35-2014.00": "Prepare and cook food in restaurant kitchens.",
    "35-3031.00": "Take orders and serve food and drinks to customers.",
    "35-9011.00": "Clear tables, restock and help serve in restaurants, cafes and canteens.",
    "37-3011.00": "Look after lawns, gardens, parks and grounds.",
    "39-2021.00": "Feed, groom, exercise and care for animals.",
    "39-5011.00": "Cut, trim and style hair and shave beards.",
    "39-5012.00": "Cut, colour and style hair and advise clients on hair care.",
    "39-5092.00": "Clean, shape and decorate nails.",
    "39-5094.00": "Give facial and skin treatments and advise on skin care.",
    "39-9011.00": "Look after children's care, play and safety.",
    "39-9031.00": "Lead exercise classes and help people train safely.",
    "41-2011.00": "Take payments from customers at tills and checkouts.",
    "41-2031.00": "Help customers choose and buy goods in shops.",
    "43-1011.00": "Supervise and coordinate the work of office and support teams.",
    "43-3031.00": "Keep financial records, process payments and check accounts.",
    "43-3051.00": "Work out pay and keep records of hours worked.",
    "43-4051.00": "Answer customer questions and sort out problems by phone, chat or in person.",
    "43-6014.00": "Handle admin such as letters, records, bookings and phone calls.",
    "43-9061.00": "Carry out general office tasks such as filing, data entry and answering calls.",
    "43-9111.00": "Collect and organise data and produce simple statistics and reports.",
    "47-2021.00": "Build walls and structures with bricks and blocks.",
    "47-2031.00": "Build, fit and repair wooden parts of buildings.",
    "47-2081.00": "Fit plasterboard walls and suspended ceilings.",
    "47-2111.00": "Install and repair electrical wiring and equipment in buildings.",
    "47-2141.00": "Paint and finish walls, woodwork and other surfaces.",
    "47-2152.00": "Fit and repair pipes, heating systems and bathrooms.",
    "47-2161.00": "Apply plaster and render to walls and ceilings.",
    "47-2181.00": "Fit and repair roofs with tiles, slates and other materials.",
    "49-3023.00": "Service, test and repair cars and light vehicles.",
    "49-3043.00": "Inspect and repair railway carriages, wagons and locomotives.",
    "49-9041.00": "Repair and maintain factory machinery and equipment.",
    "49-9071.00": "Carry out general repairs to machines, buildings and equipment.",
    "51-4121.00": "Join and cut metal parts by welding, soldering or brazing.",
    "53-3032.00": "Drive large lorries to move goods over long distances.",
    "53-4011.00": "Drive trains carrying passengers or freight.",
    "53-4013.00": "Drive and move locomotives and wagons in rail yards and depots.",
    "53-7062.00": "Load, unload and move goods by hand in warehouses and depots.",
    "53-7065.00": "Stock shelves and pick and pack orders.",
    "55-3016.00": "Serve in the army's combat roles and train for military operations.",
}
