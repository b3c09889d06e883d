"""Money: the currency before or after a number (`prefix_currency`, `suffix_currency`), and the
currencies beyond the lexicon's: the ISO codes, names and local signs of the other currencies
news writes about, so money in any major currency reads as money (ISO 4217, as LABELLING.md asks).

The lexicon holds the currencies the gold suite and NewsQuant's tune half named first; a story
about Nigeria, Kenya, Turkey, Poland or Switzerland writes "₦10 trillion", "KSh 500", "TL 50
billion", "5,000 zlotys" or "3 million Swiss francs", and those read as bare numbers or as
"francs" before. Names that are English words of their own ("real", "rand" is already known,
"peso" alone: several countries') count only with their country's adjective ("Brazilian real",
"Mexican pesos").
"""

from __future__ import annotations

import re

from summarizer.candidates.lexicon import CURRENCY_CODES, CURRENCY_WORDS, DOLLAR_QUALIFIER, PREFIX_CURRENCY

__all__ = ["ALL_CODES", "ALL_WORDS", "LOCAL_SIGNS", "NAMED", "prefix_currency", "suffix_currency"]

# ISO 4217 codes of the currencies news most often quotes, beyond the lexicon's.
_MORE_CODES = frozenset(
    "NGN KES EGP PKR BDT LKR ARS CLP COP UAH KZT QAR KWD BHD OMR GHS HUF CZK RON BGN ISK VES "
    "TND DZD ETB UGX TZS ZMW IRR IQD JOD LBP NPR MMK MNT UZS AZN BYN RSD".split()
)  # fmt: skip  (not MAD, PEN, GEL, AMD: English words and a chip maker, "500 AMD chips")
ALL_CODES = CURRENCY_CODES | _MORE_CODES

# A currency's name alone, singular and plural, where the word names one currency only.
_MORE_WORDS = {
    **dict.fromkeys(["zloty", "zlotys", "zlotych"], "PLN"), **dict.fromkeys(["naira", "nairas"], "NGN"),
    **dict.fromkeys(["hryvnia", "hryvnias", "hryvnya"], "UAH"), **dict.fromkeys(["lira", "liras"], "TRY"),
    **dict.fromkeys(["riyal", "riyals"], "SAR"), **dict.fromkeys(["reais"], "BRL"),
    **dict.fromkeys(["krona", "kronor"], "SEK"), **dict.fromkeys(["forint", "forints"], "HUF"),
    **dict.fromkeys(["koruna", "korunas"], "CZK"), **dict.fromkeys(["taka"], "BDT"),
    **dict.fromkeys(["cedi", "cedis"], "GHS"), **dict.fromkeys(["tenge"], "KZT"),
    **dict.fromkeys(["bolivar", "bolivars", "bolívar", "bolívares"], "VES"),
}  # fmt: skip  ("Swiss francs" is a qualified name: QUALIFIED below)
ALL_WORDS = CURRENCY_WORDS | _MORE_WORDS

# A country's adjective before a name several currencies share: "Mexican pesos", "Kenyan shillings".
QUALIFIED = {
    "mexican peso": "MXN", "philippine peso": "PHP", "argentine peso": "ARS", "argentinian peso": "ARS",
    "chilean peso": "CLP", "colombian peso": "COP", "brazilian real": "BRL", "norwegian krone": "NOK",
    "danish krone": "DKK", "swedish krona": "SEK", "kenyan shilling": "KES", "ugandan shilling": "UGX",
    "tanzanian shilling": "TZS", "egyptian pound": "EGP", "lebanese pound": "LBP", "syrian pound": "SYP",
    "pakistani rupee": "PKR", "sri lankan rupee": "LKR", "nepalese rupee": "NPR", "indian rupee": "INR",
    "iranian rial": "IRR", "omani rial": "OMR", "qatari riyal": "QAR", "saudi riyal": "SAR",
    "iraqi dinar": "IQD", "kuwaiti dinar": "KWD", "jordanian dinar": "JOD", "bahraini dinar": "BHD",
    "serbian dinar": "RSD", "algerian dinar": "DZD", "tunisian dinar": "TND", "moroccan dirham": "MAD",
    "emirati dirham": "AED", "uae dirham": "AED", "turkish lira": "TRY", "south african rand": "ZAR",
    "swiss franc": "CHF", "chinese yuan": "CNY", "japanese yen": "JPY", "south korean won": "KRW",
    "russian rouble": "RUB", "russian ruble": "RUB", "malaysian ringgit": "MYR", "thai baht": "THB",
    "indonesian rupiah": "IDR", "israeli shekel": "ILS", "new israeli shekel": "ILS", "polish zloty": "PLN",
    "nigerian naira": "NGN", "ukrainian hryvnia": "UAH", "hungarian forint": "HUF", "czech koruna": "CZK",
}  # fmt: skip

# Plurals that add more than an "s": "kroner", "kronor", "reais".
_PLURALS = {"krone": "kroner", "krona": "kronor", "real": "reais"}
# Every spelling of a qualified name, singular and plural: "mexican peso(s)", "norwegian kroner".
NAMED = {form: code for name, code in QUALIFIED.items()
         for form in (name, name + "s", name.rsplit(" ", 1)[0] + " " + _PLURALS.get(name.rsplit(" ", 1)[1], ""))
         if not form.endswith(" ")}

# Signs and abbreviations written before the amount: "NIS 2.3 billion", "₦10 trillion", "KSh 500".
LOCAL_SIGNS = {"NIS": "ILS", "₦": "NGN", "KSh": "KES", "Ksh": "KES", "Dh": "AED", "Dhs": "AED", "TL": "TRY",
               "₺": "TRY", "₴": "UAH", "₸": "KZT", "Tk": "BDT", "GH₵": "GHS", "₵": "GHS"}  # fmt: skip

# --- reading money around a number ------------------------------------------------------

_PREFIX = re.compile(
    r"(?:(?<![A-Za-z])(?P<code>" + "|".join(sorted(ALL_CODES | {"RMB"})) + r")\s?"
    r"|(?<![A-Za-z])(?P<local>" + "|".join(sorted(LOCAL_SIGNS, key=len, reverse=True)) + r")\s?"
    r"|(?P<sym>\$(?:US|A|NZ|HK|C|S)|(?<![A-Za-z])PS|US\s?\$|U\.S\.\$|(?<![A-Za-z])(?:S|HK|AU?|CA?|NZ|NT|R)\s?\$|\$|€|£|¥|₹|₩|₽|₪|₱|฿|₫"
    r"|(?<![A-Za-z])(?:Rs\.?|RM|Rp))\s?)$"
)
_CUR_SUFFIX = re.compile(
    r"\s+(?:(?P<q>US|U\.S\.|American|Singapore|Hong\s+Kong|Australian|Canadian|New\s+Zealand|Taiwan)\s+)?"
    r"(?P<dollar>dollars?)\b"
    r"|\s+(?P<named>" + "|".join(sorted(NAMED, key=len, reverse=True)).replace(" ", r"\s+") + r")\b"
    r"|\s+(?:(?-i:[A-Z][a-z]+)\s+)?(?P<word>" + "|".join(sorted(ALL_WORDS, key=len, reverse=True)) + r")\b"
    r"|\s?(?-i:(?P<code>" + "|".join(sorted(ALL_CODES)) + r"))\b",
    re.IGNORECASE,
)
# "$US160m" (Australian style) and "PS2.7m" (a "£" that lost its byte in scraping).
_MORE_PREFIX = {"$US": "USD", "$A": "AUD", "$NZ": "NZD", "$HK": "HKD", "$C": "CAD", "$S": "SGD", "PS": "GBP"}
_WON = re.compile(r"\s+won\b")
_EURO_AFTER = re.compile(r"\s?€(?!\s?\d)")
_SCALE_BEFORE = re.compile(r"\d\s?(?i:thousand|million|billion|trillion|bn|tn)$")


def prefix_currency(text: str, start: int) -> tuple[int, str] | None:
    m = _PREFIX.search(text[max(0, start - 8) : start])
    if not m:
        return None
    begin = start - len(m.group())
    sym = re.sub(r"\s", "", m["sym"] or "")
    # one digit, then no digit, decimal or scale: "PS5", and "PS4," or "PS4." before punctuation
    console = re.match(r"\d(?!\d|[.,]\d)(?!\s?(?:m|bn|k|million|billion)\b)", text[start:])
    if sym == "PS" and (m.group() != "PS" or console):
        return None  # "PS 4", "PS5": a games console, not pounds
    if sym in _MORE_PREFIX:
        return begin, _MORE_PREFIX[sym]
    if m["code"]:
        return begin, "CNY" if m["code"] == "RMB" else m["code"]
    if m["local"]:
        return begin, LOCAL_SIGNS[m["local"]]
    return begin, PREFIX_CURRENCY[re.sub(r"\s", "", m["sym"])]


def _suffix_currency(m: re.Match[str]) -> str:
    if m["dollar"]:
        return DOLLAR_QUALIFIER.get(re.sub(r"\s+", " ", (m["q"] or "us").lower()), "USD")
    if m["named"]:
        return NAMED[" ".join(m["named"].lower().split())]
    if m["word"]:
        return ALL_WORDS[m["word"].lower()]
    return m["code"]


def suffix_currency(text: str, end: int) -> tuple[str, int] | None:
    """The currency written after a number ("5 million euros", "3.2 trillion won", "5 €") and where it ends."""
    won = _WON.match(text, end)
    if won and _SCALE_BEFORE.search(text, 0, end):
        return "KRW", won.end()  # "3.2 trillion won": after a scale it is no verb
    cur = _CUR_SUFFIX.match(text, end)
    if cur:
        return _suffix_currency(cur), cur.end()
    euro = _EURO_AFTER.match(text, end)
    if euro:
        return "EUR", euro.end()  # "5 €", "7,5 €": the sign after the number, in European style
    return None
