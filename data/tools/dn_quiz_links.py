#!/usr/bin/env python3
# dn_quiz_links.py - the Doncaster sample's three quiz-link crosswalks, in the
# shapes of ONS SOC 2020 - ISCO-08, BLS ISCO-08 - 2018 SOC and O*NET-SOC 2019 - 2018 SOC
# (see data/doncaster/DATASET). The SOC 2020 -> ISCO-08 choices below were written for
# the sample from the groups' titles; the US SOC codes follow crosswalk/soc2020_onet_crosswalk.csv.
import csv, collections
import os
D=os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'doncaster') + '/'
isco = {
'1139':'1219','1221':'1411','2113':'2131','2121':'2142','2122':'2144','2123':'2151',
'2134':'2512|2514','2135':'2529','2141':'2513','2142':'2166','2221':'2264','2231':'2222',
'2237':'2221','2251':'2262','2255':'2240','2313':'2330','2314':'2341','2421':'2411',
'2453':'2149','2461':'2635','3111':'3212','3112':'3113|3114','3113':'3115','3114':'3112',
'3131':'3511','3132':'3512','3212':'3213','3232':'5311','3240':'3240','3311':'0310',
'3312':'5412','3313':'5411','3417':'3431','3432':'3422','3433':'3423','3520':'3411',
'3544':'2511','3554':'2431','4122':'4311','4142':'3341','4159':'4110','5113':'6113',
'5213':'7212','5223':'7233','5231':'7231','5236':'7233','5241':'7411|7412','5313':'7112',
'5314':'7121','5315':'7126','5316':'7115','5321':'7123','5323':'7131','5434':'3434',
'6112':'5312','6129':'5164','6131':'5321','6133':'3251','6135':'5322','6136':'5322',
'6221':'5141','6222':'5142','7111':'5223','7219':'4229','8211':'8332','8231':'8311',
'9252':'9333','9264':'5131'}
ititle = {
'1219':'Business services and administration managers not elsewhere classified','1411':'Hotel managers',
'2131':'Biologists, botanists, zoologists and related professionals','2142':'Civil engineers',
'2144':'Mechanical engineers','2151':'Electrical engineers','2512':'Software developers',
'2514':'Applications programmers','2529':'Database and network professionals not elsewhere classified',
'2513':'Web and multimedia developers','2166':'Graphic and multimedia designers','2264':'Physiotherapists',
'2222':'Midwifery professionals','2221':'Nursing professionals','2262':'Pharmacists',
'2240':'Paramedical practitioners','2330':'Secondary education teachers','2341':'Primary school teachers',
'2411':'Accountants','2149':'Engineering professionals not elsewhere classified',
'2635':'Social work and counselling professionals','3212':'Medical and pathology laboratory technicians',
'3113':'Electrical engineering technicians','3114':'Electronics engineering technicians',
'3115':'Mechanical engineering technicians','3112':'Civil engineering technicians',
'3511':'Information and communications technology operations technicians',
'3512':'Information and communications technology user support technicians',
'3213':'Pharmaceutical technicians and assistants','5311':'Child care workers',
'3240':'Veterinary technicians and assistants','0310':'Armed forces occupations, other ranks',
'5412':'Police officers','5411':'Fire-fighters','3431':'Photographers',
'3422':'Sports coaches, instructors and officials','3423':'Fitness and recreation instructors and program leaders',
'3411':'Legal and related associate professionals','2511':'Systems analysts',
'2431':'Advertising and marketing professionals','4311':'Accounting and bookkeeping clerks',
'3341':'Office supervisors','4110':'General office clerks','6113':'Gardeners, horticultural and nursery growers',
'7212':'Welders and flamecutters','7233':'Agricultural and industrial machinery mechanics and repairers',
'7231':'Motor vehicle mechanics and repairers','7411':'Building and related electricians',
'7412':'Electrical mechanics and fitters','7112':'Bricklayers and related workers','7121':'Roofers',
'7126':'Plumbers and pipe fitters','7115':'Carpenters and joiners','7123':'Plasterers',
'7131':'Painters and related workers','3434':'Chefs','5312':'Teachers\' aides',
'5164':'Pet groomers and animal care workers','5321':'Health care assistants',
'3251':'Dental assistants and therapists','5322':'Home-based personal care workers',
'5141':'Hairdressers','5142':'Beauticians and related workers','5223':'Shop sales assistants',
'4229':'Client information workers not elsewhere classified','8332':'Heavy truck and lorry drivers',
'8311':'Locomotive engine drivers','9333':'Freight handlers','5131':'Waiters'}
direct = collections.defaultdict(list); stitle={}; otitle={}
for r in csv.DictReader(open(D+'crosswalk/soc2020_onet_crosswalk.csv')):
    direct[r['SOC2020']].append(r['ONET_SOC']); stitle[r['SOC2020']]=r['SOC2020 title']; otitle[r['ONET_SOC']]=r['O*NET-SOC title']
interests=set(r['O*NET-SOC Code'] for r in csv.DictReader(open(D+'onet/Interests_doncaster_sample.csv')))
assert set(isco)==set(direct), set(direct)^set(isco)
note='Sample written by the careers project for the Doncaster dataset (not the published file; codes and titles are real public classifications)'
with open(D+'crosswalk/soc2020_isco08_doncaster_sample.csv','w',newline='') as f:
    w=csv.writer(f, lineterminator='\r\n')
    w.writerow(['SOC 2020 to ISCO-08: '+note]+['']*3)
    w.writerow(['SOC 2020 unit group','SOC 2020 title','ISCO-08 unit group','ISCO-08 title'])
    for s in sorted(isco):
        for i in isco[s].split('|'):
            w.writerow([s,stitle[s],i,ititle[i]])
bls=collections.defaultdict(set)
for s in isco:
    for i in isco[s].split('|'):
        for o in direct[s]:
            bls[i].add(o[:7])
ustitle={}
for o,t in otitle.items(): ustitle.setdefault(o[:7], t)
# 2018 SOC groups with no O*NET occupation of the same code in the sample: their own titles.
ustitle.update({'11-9179': 'Personal Service Managers, All Other',
                '15-1299': 'Computer Occupations, All Other',
                '29-9099': 'Healthcare Practitioners and Technical Workers, All Other'})
with open(D+'crosswalk/isco08_soc2018_doncaster_sample.csv','w',newline='') as f:
    w=csv.writer(f, lineterminator='\r\n')
    w.writerow(['ISCO-08 to 2018 SOC crosswalk']+['']*5)
    w.writerow([note]+['']*5)
    w.writerow(['']*6)
    w.writerow(['ISCO-08 Code','ISCO-08 Title EN','part','2018 SOC Code','2018 SOC Title','Comment'])
    for i in sorted(bls):
        us=sorted(bls[i])
        for u in us:
            w.writerow([i,ititle[i],'*' if len(us)>1 else '',u+' ',ustitle[u],''])
codes=sorted(interests|set(otitle))
with open(D+'onet/2019_to_SOC_Crosswalk_doncaster_sample.csv','w',newline='') as f:
    w=csv.writer(f, lineterminator='\r\n')
    w.writerow(['O*NET-SOC 2019 Code','O*NET-SOC 2019 Title','2018 SOC Code','2018 SOC Title'])
    for o in codes:
        t=otitle.get(o)
        if t is None:
            continue
        w.writerow([o,t,o[:7],ustitle[o[:7]]])
print(len(bls), len(codes))
