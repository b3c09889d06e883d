"""The words of English news that several stages need: titles, countries, outlets, units, plurals.

A leaf module (it imports nothing from summarizer), so the finders, merge and the scorer read
one copy. Where callers have always used different cuts of a list, each cut is named here
with the reason, rather than unified: a bigger list would change what they find.
"""

from __future__ import annotations

# --- titles ---------------------------------------------------------------------------------

# Titles before a person's name, as written: the name finder strips them and takes one as a
# person cue ("President Xi Jinping" -> "Xi Jinping", a person).
TITLES = frozenset(
    "Mr Mrs Ms Dr President Minister Chancellor Secretary Senator Sen Governor Gov General Gen King Queen "
    "Prince Princess Pope Premier Chairman Chairwoman CEO Ambassador Spokesman Spokeswoman Judge Justice "
    "Professor Prof Sir Dame Lord Lady Mayor Leader Commander Colonel Col Captain Capt Lieutenant Lt "
    "Sergeant Sgt Admiral Sheikh Emir Chief Director".split()
)  # fmt: skip
# Abbreviated titles and name suffixes that end in a full stop ("Mr.", "Sen.", "Jr."): the stop
# ends no sentence.
TITLE_ABBREVIATIONS = ("Mr", "Mrs", "Ms", "Dr", "Prof", "Sen", "Rep", "Gov", "Gen", "Col", "Lt", "Sgt", "Capt",
                       "St", "Jr", "Sr")  # fmt: skip

# Lower-case words a full stop follows without ending the sentence: titles, "Inc.", months.
ABBREVIATIONS = frozenset(t.lower() for t in TITLE_ABBREVIATIONS) | frozenset(
    "cmdr inc ltd co corp bros vs no nos fig approx est dept univ ave blvd rd mt jan feb mar apr jun jul aug sep "
    "sept oct nov dec a.m p.m e.g i.e u.s u.k u.n e.u".split()
)  # fmt: skip
# Nouns before a name that make it a person: "Kremlin aide Yuri Ushakov".
PERSON_CUES = frozenset(
    "aide spokesman spokeswoman spokesperson counterpart leader minister president adviser advisor envoy official "
    "chief founder chairman ceo director".split()
)

# Merge drops these tokens anywhere in a name before comparing two names. It drops fewer
# titles than the name finder strips (no "professor", "lord", "director", ...: a wrong drop
# there joins two people), and also the words that qualify an office ("vice", "foreign"),
# "the", "former", and whose office it is ("chinese", "kremlin").
_KEPT_BY_MERGE = frozenset(
    "Premier Chairwoman Ambassador Professor Lord Lady Commander Colonel Captain Lieutenant Sergeant Admiral "
    "Sheikh Emir Director".split()
)  # fmt: skip
MERGE_TITLES = frozenset(
    {t.lower() for t in TITLES - _KEPT_BY_MERGE}
    | {"miss", "rep", "vice", "prime", "foreign", "defence", "defense", "aide", "spokesperson"}
    | {"the", "former", "kremlin", "chinese", "russian", "american", "british"}
)  # fmt: skip

# The scorer drops leading titles only, so "President Xi" ~ "Xi" while "Kremlin" and "Chinese
# Customs" stay whole; lower case, longest first so "prime minister" goes before "the".
LEADING_TITLES = tuple(
    sorted(
        ["the", "mr", "mrs", "ms", "miss", "dr", "sir", "president", "prime minister", "chinese president",
         "russian president", "us president", "vice president", "former"],
        key=len, reverse=True,
    )
)  # fmt: skip

# --- places, peoples, organisations ---------------------------------------------------------

COUNTRIES = frozenset(
    """Afghanistan Albania Algeria Angola Argentina Armenia Australia Austria Azerbaijan Bahrain Bangladesh
    Belarus Belgium Bhutan Bolivia Bosnia Botswana Brazil Brunei Bulgaria Cambodia Cameroon Canada Chad Chile
    China Colombia Congo Croatia Cuba Cyprus Czechia Denmark Ecuador Egypt Eritrea Estonia Ethiopia Fiji
    Finland France Gabon Georgia Germany Ghana Greece Guatemala Guinea Haiti Honduras Hungary Iceland India
    Indonesia Iran Iraq Ireland Israel Italy Jamaica Japan Jordan Kazakhstan Kenya Kosovo Kuwait Kyrgyzstan
    Laos Latvia Lebanon Libya Lithuania Luxembourg Madagascar Malawi Malaysia Maldives Mali Malta Mauritius
    Mexico Moldova Mongolia Montenegro Morocco Mozambique Myanmar Namibia Nepal Netherlands Nicaragua Niger
    Nigeria Norway Oman Pakistan Palestine Panama Paraguay Peru Philippines Poland Portugal Qatar Romania
    Russia Rwanda Senegal Serbia Singapore Slovakia Slovenia Somalia Spain Sudan Sweden Switzerland Syria
    Taiwan Tajikistan Tanzania Thailand Tunisia Turkey Turkmenistan Uganda Ukraine Uruguay Uzbekistan
    Venezuela Vietnam Yemen Zambia Zimbabwe Britain America US U.S. USA UK U.K. UAE""".split()
) | {"United States", "United Kingdom", "Great Britain", "South Korea", "North Korea", "South Africa",
     "New Zealand", "Saudi Arabia", "Sri Lanka", "Hong Kong", "United Arab Emirates", "Czech Republic",
     "Ivory Coast", "Costa Rica", "El Salvador", "Papua New Guinea", "Dominican Republic", "Burkina Faso",
     "North Macedonia", "South Sudan", "East Timor"}  # fmt: skip
COUNTRY_ALIASES = {
    "US": "United States", "U.S.": "United States", "USA": "United States", "America": "United States",
    "United States of America": "United States", "UK": "United Kingdom", "U.K.": "United Kingdom",
    "Britain": "United Kingdom", "Great Britain": "United Kingdom", "UAE": "United Arab Emirates",
    "PRC": "China", "People's Republic of China": "China", "Russian Federation": "Russia",
}  # fmt: skip
# A capital that acts stands for its country's government ("Beijing regards it as its territory");
# LABELLING.md's gold lists it as the country's alias. Only unambiguous capitals.
CAPITALS = {
    "Moscow": "Russia", "Beijing": "China", "Washington": "United States", "London": "United Kingdom",
    "Paris": "France", "Berlin": "Germany", "Tokyo": "Japan", "Kabul": "Afghanistan", "Caracas": "Venezuela",
    "Tehran": "Iran", "Kyiv": "Ukraine", "Kiev": "Ukraine", "Ankara": "Turkey", "Damascus": "Syria",
    "Baghdad": "Iraq", "Seoul": "South Korea", "Pyongyang": "North Korea", "Taipei": "Taiwan",
    "New Delhi": "India", "Islamabad": "Pakistan", "Madrid": "Spain", "Rome": "Italy", "Ottawa": "Canada",
    "Canberra": "Australia", "Cairo": "Egypt", "Riyadh": "Saudi Arabia", "Havana": "Cuba",
    "Bogota": "Colombia", "Brasilia": "Brazil", "Beirut": "Lebanon", "Tripoli": "Libya", "Vienna": "Austria",
    "Dublin": "Ireland", "Athens": "Greece", "Warsaw": "Poland", "Manila": "Philippines", "Hanoi": "Vietnam",
    "Bangkok": "Thailand", "Jakarta": "Indonesia", "Nairobi": "Kenya", "Abuja": "Nigeria", "Doha": "Qatar",
    "Minsk": "Belarus", "Budapest": "Hungary", "Stockholm": "Sweden", "Oslo": "Norway",
    "Helsinki": "Finland", "Copenhagen": "Denmark", "Lisbon": "Portugal", "Dhaka": "Bangladesh",
    "Khartoum": "Sudan", "Addis Ababa": "Ethiopia", "Buenos Aires": "Argentina", "Mexico City": "Mexico",
}  # fmt: skip
# Organisations known by their initials, which merge expands like a country's alias.
ORGANISATION_ABBREVIATIONS = {
    "EU": "European Union", "UN": "United Nations", "NATO": "North Atlantic Treaty Organization",
    "WHO": "World Health Organization",
}  # fmt: skip
DEMONYMS = frozenset(
    "American British Chinese Russian Ukrainian Japanese Korean Indian Pakistani French German Italian "
    "Spanish Israeli Palestinian Iranian Iraqi Syrian Turkish Saudi Egyptian Australian Canadian Mexican "
    "Brazilian Taiwanese Singaporean Malaysian Indonesian Thai Vietnamese Filipino European African Asian "
    "Western Eastern Northern Southern Arab Muslim Christian Jewish Soviet".split()
)  # fmt: skip
ORGANISATION_WORDS = frozenset(
    "Ministry Party Inc Ltd Corp Corporation Company Co Bank University Council Committee Agency Commission "
    "Kremlin Pentagon Customs Reuters AFP Association Union Organisation Organization Group Fund Court "
    "Parliament Congress Senate Army Navy Police Times News Post Foundation Institute Department Office "
    "Government Federation Xinhua Bloomberg Authority Board Service Forces Media Broadcasting Airlines "
    "Motors Exchange Assembly Cabinet Embassy Council Club League Network Tribune Journal Herald".split()
) | {"White House", "Downing Street"}  # fmt: skip
# Wire services and outlets that carry the news rather than act in it (LABELLING.md leaves
# them out), in lower case.
NEWS_OUTLETS = frozenset({
    "reuters", "associated press", "ap", "afp", "agence france-presse", "agence france presse", "xinhua",
    "bloomberg", "tass", "ria novosti", "interfax", "kyodo", "yonhap", "dpa", "ansa",
    "efe", "pti", "ani", "anadolu", "bernama", "itar-tass", "ruptly", "cnn", "bbc",
    "al jazeera", "al-monitor", "voa", "voice of america", "refinitiv", "factset", "upi", "sputnik",
    "ria", "irna", "wafa", "sana", "kcna", "press trust of india", "asian news international",
})  # fmt: skip

# Unnamed sources that speak: "a senior Conservative official said", "the central bank said";
# the institutions among them are organisations, the rest people or groups.
SPEAKER_NOUNS = frozenset(
    "official officials authorities police government ministry office spokesperson spokesman spokeswoman "
    "commission military army source sources analysts executives prosecutors researchers scientists experts "
    "doctor doctors protesters residents witnesses lawmakers leaders investigators officers rebels militants "
    "critics economists diplomats activists organisers organizers bank regulator regulators court "
    "agency department".split()
)  # fmt: skip
INSTITUTION_SPEAKERS = frozenset(
    "authorities police government ministry office commission military army bank regulator court agency "
    "department".split()
)

# --- speech ---------------------------------------------------------------------------------

# Verbs that attribute speech ("said", "told", "tweeted"), in the order the patterns built
# from them try them.
SPEECH_VERBS = tuple(
    (
        "said|says|say|told|tells|added|adds|warned|warns|noted|notes|stated|explained|insisted|argued|claimed|"
        "wrote|writes|tweeted|posted|declared|announced|stressed|emphasised|emphasized|urged|asked|replied|"
        "responded|continued|reported|acknowledged|admitted|vowed|pledged|concluded|observed|suggested|"
        "remarked|commented|recalled|cautioned|predicted|confirmed|denied"
    ).split("|")
)
# Verbs that introduce reported speech without "that" ("Xi said the two should ..."); the
# others ("declared a partnership") need "that" to be speech.
BARE_SPEECH_VERBS = tuple("said|says|say|added|warned|insisted|argued|claimed|stressed|believes|thinks".split("|"))
# Verbs whose object is itself the stance: "Saab rejected and condemned the leak", "Guevara
# denied reports that...".
STANCE_VERBS = tuple(
    (
        "denied|denies|rejected|rejects|condemned|condemns|denounced|denounces|dismissed|dismisses|"
        "called on|calls on|called for|calls for|urged|urges|demanded|demands|promised|promises|pledged|"
        "vowed|ruled out|rules out|claimed responsibility|accused|accuses|blamed|blames|criticised|criticized|"
        "criticises|criticizes|welcomed|welcomes|praised|praises|warned|warns|insisted|insists"
    ).split("|")
)

# Nouns that attribute a statement or stance to their possessor ("Trump's claim that…",
# "Obama's decision to…"): nominal cues of PARC and PolNeAR, lemmas.
CUE_NOUNS = frozenset(
    "claim assertion argument view belief statement warning promise pledge demand allegation accusation "
    "charge suggestion insistence denial admission criticism decision determination proposal plan bet fear "
    "hope concern contention conviction position stance opinion vow threat complaint prediction assessment "
    "conclusion finding announcement eagerness desire intention refusal recommendation".split()
)

# --- characters -----------------------------------------------------------------------------

# Format characters with no content in any script: soft hyphen, zero-width space, word joiner,
# BOM. Cleaning deletes them and matching ignores them.
INVISIBLE = frozenset("\u00ad\u200b\u2060\ufeff")
# Zero-width (non-)joiners shape Indic and Persian script and emoji, so cleaning keeps them; a
# quote match ignores them, since a model copying text drops them freely.
JOINERS = frozenset("\u200c\u200d")
# Left-to-right / right-to-left marks only steer display: cleaning deletes them.
DIRECTION_MARKS = frozenset("\u200e\u200f")

# --- currencies -----------------------------------------------------------------------------

# Symbols before an amount -> ISO 4217. "$" alone reads as USD when parsing an amount; as a
# unit name on its own it may be any dollar (figures.units).
PREFIX_CURRENCY = {
    "US$": "USD", "U.S.$": "USD", "US $": "USD", "S$": "SGD", "HK$": "HKD", "A$": "AUD", "AU$": "AUD",
    "C$": "CAD", "CA$": "CAD", "NZ$": "NZD", "NT$": "TWD", "R$": "BRL", "$": "USD", "€": "EUR",
    "£": "GBP", "¥": "JPY", "₹": "INR", "Rs.": "INR", "Rs": "INR", "₩": "KRW", "₽": "RUB", "₪": "ILS",
    "RM": "MYR", "Rp": "IDR", "₱": "PHP", "฿": "THB", "₫": "VND", "RMB": "CNY",
}  # fmt: skip
CURRENCY_CODES = frozenset({
    "USD", "SGD", "EUR", "GBP", "JPY", "CNY", "HKD", "AUD", "CAD", "NZD", "CHF", "INR", "KRW", "MYR",
    "IDR", "THB", "PHP", "VND", "RUB", "ILS", "TWD", "BRL", "ZAR", "SEK", "NOK", "DKK", "MXN", "AED",
    "SAR", "TRY", "PLN",
})  # fmt: skip
# The currencies a bare "$" or "dollars" may stand for.
DOLLARS = frozenset({"USD", "SGD", "HKD", "AUD", "CAD", "NZD", "TWD"})
DOLLAR_QUALIFIER = {
    "us": "USD", "u.s.": "USD", "american": "USD", "singapore": "SGD", "hong kong": "HKD",
    "australian": "AUD", "canadian": "CAD", "new zealand": "NZD", "taiwan": "TWD",
}  # fmt: skip
CURRENCY_WORDS = {
    "euro": "EUR", "euros": "EUR", "sterling": "GBP", "pounds sterling": "GBP", "yen": "JPY", "yuan": "CNY",
    "renminbi": "CNY", "ringgit": "MYR", "rupee": "INR", "rupees": "INR", "rouble": "RUB", "roubles": "RUB",
    "ruble": "RUB", "rubles": "RUB", "shekel": "ILS", "shekels": "ILS", "baht": "THB", "rupiah": "IDR",
    "dirham": "AED", "dirhams": "AED", "rand": "ZAR",
}  # fmt: skip

# --- units ----------------------------------------------------------------------------------

# Abbreviations after a number, spelled out (British spelling, plural).
ABBREV_UNITS = {
    "km": "kilometres", "kms": "kilometres", "m": "metres", "cm": "centimetres", "mm": "millimetres",
    "mi": "miles", "ft": "feet", "sq ft": "square feet", "sqm": "square metres", "sq m": "square metres",
    "sq km": "square kilometres", "sq mi": "square miles", "sqft": "square feet", "kg": "kilograms",
    "g": "grams", "mg": "milligrams", "lb": "pounds", "lbs": "pounds", "oz": "ounces", "t": "tonnes",
    "mph": "miles per hour", "km/h": "kilometres per hour", "kph": "kilometres per hour", "hp": "horsepower",
    "bhp": "brake horsepower", "kw": "kilowatts", "mw": "megawatts", "gw": "gigawatts", "kwh": "kilowatt hours",
    "mwh": "megawatt hours", "gwh": "gigawatt hours", "w": "watts", "v": "volts", "kv": "kilovolts",
    "mah": "milliampere hours", "hz": "hertz", "ghz": "gigahertz", "mhz": "megahertz", "gb": "gigabytes",
    "tb": "terabytes", "mb": "megabytes", "ppm": "parts per million", "ppb": "parts per billion",
    "rpm": "revolutions per minute", "mpg": "miles per gallon", "m.p.h.": "miles per hour", "lb-ft": "pound-feet",
    "°c": "degrees celsius", "°f": "degrees fahrenheit", "nm": "nanometres", "μm": "micrometres", "l": "litres",
    "ml": "millilitres", "bps": "basis points", "hrs": "hours", "mins": "minutes", "secs": "seconds", "yrs": "years",
}  # fmt: skip
# One-letter symbols are case-sensitive ("5G" is a network, not grams).
ONE_LETTER_UNITS = {"m": "metres", "g": "grams", "t": "tonnes", "l": "litres", "L": "litres", "W": "watts",
                    "V": "volts"}  # fmt: skip
# Short forms of time units that labels use but the parser does not read after a number
# ("5 h", "10 min" are too often something else): the scorer's alone.
SHORT_TIME_UNITS = {"hr": "hour", "h": "hour", "min": "minute", "yr": "year", "sec": "second"}
TIME_UNITS = ("second", "minute", "hour", "day", "week", "month", "year", "decade", "century")
# Measurement nouns, which also count in the singular ("a 40 yard dash", "a 5.2 litre engine").
MEASURES = frozenset(TIME_UNITS) | frozenset(
    "metre meter kilometre kilometer centimetre centimeter millimetre millimeter nanometre nanometer mile "
    "yard foot feet inch litre liter millilitre milliliter gallon pound ounce gram kilogram milligram tonne "
    "ton watt kilowatt megawatt gigawatt volt kilovolt hertz gigahertz degree acre hectare horsepower "
    "calorie byte kilobyte megabyte gigabyte terabyte barrel knot".split()
)  # fmt: skip
# What a rate is per: "dollars per barrel", "hours a week".
RATE_WORDS = frozenset(TIME_UNITS) | frozenset(
    "capita person head share barrel gallon litre liter ounce gram kilogram tonne ton thousand million billion".split()
)

PERCENT_NAMES = frozenset({"%", "percent", "per cent", "pct", "percentage", "percentages", "per-cent"})
PERCENTAGE_POINT_NAMES = frozenset({"percentage_point", "percentage point", "percentage points", "pp", "ppt", "ppts",
                                    "percentage-point"})  # fmt: skip

# --- plurals --------------------------------------------------------------------------------

IRREGULAR_PLURALS = {
    "person": "people", "man": "men", "woman": "women", "child": "children", "foot": "feet", "century": "centuries",
    "staff": "staff", "police": "police", "personnel": "personnel",
}  # fmt: skip
# Plural without an -s: a count of them is a count of things ("200 troops", "30 aircraft").
PLURAL_ONLY = frozenset({"people", "men", "women", "children", "staff", "police", "personnel", "cattle", "aircraft",
                         "feet", "troops", "crew"})  # fmt: skip
# The irregulars singular() undoes; not the inverse of IRREGULAR_PLURALS, whose "centuries"
# the -ies rule handles and whose "staff" and "police" are their own singular.
_IRREGULAR_SINGULARS = {"people": "person", "men": "man", "women": "woman", "children": "child", "feet": "foot"}


def plural(noun: str) -> str:
    """'soldier' -> 'soldiers', 'century' -> 'centuries', 'person' -> 'people'; lower case."""
    low = noun.lower()
    if low in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[low]
    if low.endswith("y") and low[-2:-1] not in "aeiou":
        return low[:-1] + "ies"
    if low.endswith(("s", "x", "ch", "sh")):
        return low + "es"
    return low + "s"


def singular(word: str, *, irregular: bool = True, shortest: int = 4) -> str:
    """'soldiers' -> 'soldier', 'crashes' -> 'crash', 'people' -> 'person'; lower case.

    A plain -s is dropped from words of at least `shortest` letters: by default "gas", "bus" and
    "ads" stay. The scorer's unit rule keeps its own settings (no irregulars, 3 letters): it is
    the yardstick, and moving it changes the scores (evals/README.md, Units).
    """
    w = word.lower()
    if irregular and w in _IRREGULAR_SINGULARS:
        return _IRREGULAR_SINGULARS[w]
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("ches", "shes", "sses", "xes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith(("ss", "us", "is")) and len(w) >= shortest:
        return w[:-1]
    return w

