"""figures: number forms whole families of news sentences use (invented sentences, one row a form)."""

from __future__ import annotations

import pytest

from summarizer.candidates.figures import canonical_unit, find_quantities, is_figure


def _figures(text: str) -> list[tuple[float, str | None, str]]:
    return [(q.value, q.unit, q.text) for q in find_quantities(text) if is_figure(text, q)]


_HALVES = [
    # "and a half" after a number, or after its unit
    ("He was jailed for two and a half years.", [(2.5, "years", "two and a half")]),
    ("Output rose one and a half times.", [(1.5, "times", "one and a half")]),
    ("It cost 2 and a half million dollars.", [(2.5e6, "USD", "2 and a half million dollars")]),
    ("Two and a half thousand people attended.", [(2500, "people", "Two and a half thousand")]),
    ("The talks lasted more than a year and a half.", [(1.5, "years", "a year and a half")]),
    ("The trek took an hour and a half.", [(1.5, "hours", "an hour and a half")]),
    ("She ran three miles and a half.", [(3.5, "miles", "three miles and a half")]),
    # not a half of a unit: a noun that is no measure, a half that is a noun's
    ("He ate a pie and a half-eaten apple.", []),
    ("They met a friend and a half brother.", []),
]


_CURRENCIES = [
    # the currencies of every major economy: local signs, names, names with a country's adjective
    ("The firm paid NIS 40 million.", [(40e6, "ILS", "NIS 40 million")]),
    ("Nigeria's budget is ₦10 trillion.", [(10e12, "NGN", "₦10 trillion")]),
    ("The tickets cost KSh 500.", [(500, "KES", "KSh 500")]),
    ("Rents in Dubai rose to Dh 120,000.", [(120000, "AED", "Dh 120,000")]),
    ("Turkey's deficit reached TL 50 billion.", [(50e9, "TRY", "TL 50 billion")]),
    ("The fine was 5,000 zlotys.", [(5000, "PLN", "5,000 zlotys")]),
    ("The budget is 3 trillion naira.", [(3e12, "NGN", "3 trillion naira")]),
    ("The contract is worth 3 million Swiss francs.", [(3e6, "CHF", "3 million Swiss francs")]),
    ("He was paid 2 million Mexican pesos.", [(2e6, "MXN", "2 million Mexican pesos")]),
    ("The deal was worth 40 billion Norwegian kroner.", [(40e9, "NOK", "40 billion Norwegian kroner")]),
    ("The bank earned 5 billion Brazilian reais.", [(5e9, "BRL", "5 billion Brazilian reais")]),
    ("Each ticket costs 1,000 Kenyan shillings.", [(1000, "KES", "1,000 Kenyan shillings")]),
    ("Fares rose to 20 Egyptian pounds.", [(20, "EGP", "20 Egyptian pounds")]),
    ("The fund raised NGN 2 billion.", [(2e9, "NGN", "NGN 2 billion")]),
    # no currency: a chip maker's name, a weight in pounds
    ("The firm sold 500 AMD chips.", [(500, "chips", "500")]),
    ("He weighs 80 pounds.", [(80, "pounds", "80")]),
]


@pytest.mark.parametrize(
    "unit, canonical",
    [("Swiss franc", "CHF"), ("NIS", "ILS"), ("mexican pesos", "MXN"), ("zloty", "PLN"), ("KES", "KES"),
     ("norwegian kroner", "NOK"), ("₦", "NGN"), ("pounds", "pound")],
)
def test_currency_names(unit: str, canonical: str) -> None:
    assert canonical_unit(unit) == {canonical}


_ABBREVIATIONS = [
    # abbreviated units of sound, food energy, bandwidth, medicine, air quality and fuel economy
    ("The speaker produces 110 dB of sound.", [(110, "decibels", "110 dB")]),
    ("The snack has 150 kcal.", [(150, "kilocalories", "150 kcal")]),
    ("The connection runs at 100 Mbps.", [(100, "megabits per second", "100 Mbps")]),
    ("Her blood pressure was 140 mmHg.", [(140, "millimetres of mercury", "140 mmHg")]),
    ("His cholesterol was 200 mg/dL.", [(200, "milligrams per decilitre", "200 mg/dL")]),
    ("Air pollution reached 150 µg/m3.", [(150, "micrograms per cubic metre", "150 µg/m3")]),
    ("Fuel economy is 5.6 L/100 km.", [(5.6, "litres per 100 kilometres", "5.6 L/100 km")]),
    # a spaced "m" is metres, unless "of" or a counted noun makes it a million
    ("The dam is 185 m high.", [(185, "metres", "185 m")]),
    ("He won the 100 m sprint.", [(100, "metres", "100 m")]),
    ("He sold 5 m of shares.", []),
    # torque as car writers spell it; units glued to a decimal, where they cannot be a word
    ("The engine delivers 542lb ft of torque.", [(542, "pound-feet", "542lb ft")]),
    ("The V8 makes 479 lb.-ft. of torque.", [(479, "pound-feet", "479 lb.-ft.")]),
    ("The iPhone has a 5.8in screen.", [(5.8, "inches", "5.8in")]),
    ("He ran 9.58s in Berlin.", [(9.58, "seconds", "9.58s")]),
    ("He was 2.5 in the lead.", []),
    # a qualifier that makes a measure another unit; energy written as two words; speed as a ratio
    ("It holds 2,095 metric tons of water.", [(2095, "tonnes", "2,095")]),
    ("The ship covered 9,000 nautical miles.", [(9000, "nautical miles", "9,000")]),
    ("The bar weighs 400 troy ounces.", [(400, "troy ounces", "400")]),
    ("The farm will produce 500 gigawatt hours a year.", [(500, "gigawatt hours per year", "500")]),
    ("The bulb draws 60 watts for hours.", [(60, "watts", "60")]),
    ("The wind blew at 30 m/s.", [(30, "metres per second", "30 m/s")]),
    # a part of a whole counts the whole's noun, past "its last", "the first"; the whole is no figure
    ("The team won 12 of its last 15 games.", [(12, "games", "12")]),
    ("He scored in three of the first five matches.", [(3, "matches", "three")]),
    ("She won 2 of the previous 3 races.", [(2, "races", "2")]),
]


@pytest.mark.parametrize("text, expected", _HALVES + _CURRENCIES + _ABBREVIATIONS)
def test_forms(text: str, expected: list[tuple[float, str | None, str]]) -> None:
    assert _figures(text) == expected
