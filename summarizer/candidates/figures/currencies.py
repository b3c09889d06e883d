"""Currencies beyond the lexicon's: the ISO codes, names and local signs of the other currencies
news writes about, so money in any major currency reads as money (ISO 4217, as LABELLING.md asks).

The lexicon holds the currencies the gold suite and NewsQuant's tune half named first; a story
about Nigeria, Kenya, Turkey, Poland or Switzerland writes "₦10 trillion", "KSh 500", "TL 50
billion", "5,000 zlotys" or "3 million Swiss francs", and those read as bare numbers or as
"francs" before. Names that are English words of their own ("real", "rand" is already known,
"peso" alone: several countries') count only with their country's adjective ("Brazilian real",
"Mexican pesos").
"""

from __future__ import annotations

from summarizer.candidates.lexicon import CURRENCY_CODES, CURRENCY_WORDS

__all__ = ["ALL_CODES", "ALL_WORDS", "LOCAL_SIGNS", "NAMED"]

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
    **dict.fromkeys(["swiss franc", "swiss francs"], "CHF"),
}  # fmt: skip
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
