"""Deterministic numbers: every quantity the article states, with its unit and offsets.

`parse` scans the text (`quantity` is what it reports; `specials` reads "hour-long", "half of",
"dozens of"); `units` reads the unit after (or before) a number (`agree`: which spellings name one
unit; `currencies` reads money before or after a number, in every major currency); `words` knows number
words and fractions; `exclusions` knows the digits that are no quantity (dates, phones, names);
`context` reads a unit the words after a number leave out (an age in apposition, an elided noun);
`news` keeps each restated fact once (`find_quantities` applies it; `all_quantities` is every mention) and
says which quantities can be figures (`is_figure`; `ages` says which ages are news).

The model is asked to copy figures; this module is what we check them against. The parser
is a set of small regular-expression rules (no ML, no I/O), chosen after measuring the
libraries: quantulum3 took seconds to load, tagged "Feb 8" as 8 and "2023" as a quantity,
and read "S$323.6 billion" as dimensionless; price-parser reads the amount and symbol but
not "billion". Neither was worth a dependency.

Decisions, so the pipeline can rely on them:

* value has the scale applied ("US$240.1 billion" -> 240100000000.0); a range keeps the low
  end in `value` and both ends in `low`/`high` (see `Quantity.matches`).
* unit: ISO 4217 for money ("$" alone and "dollars" read as USD); "percent"; "percentage_point";
  a known abbreviation spelled out ("km" -> "kilometres"); else the plural noun that follows
  ("three soldiers" -> "soldiers", "one hour" -> "hours"); else None.
* text: the number as written, with currency, scale and percent words, and a hyphenated
  noun ("20-year-old", "hour-long"); a noun after a space is the unit, not the text
  ("three soldiers" -> "three").
* Durations ARE quantities ("over the past two years" -> 2 years). Calendar dates, years,
  times of day, ordinals, phone numbers and numbers inside names ("G20", "Covid-19",
  "F-16", "Power of Siberia 2", "flight 370") are not.
* Number words count only with a unit ("three soldiers", "two million"): a bare "the two"
  is a pronoun. Vague plurals are ranges from one to ten of their kind, approx "about"
  ("dozens of people" -> 12..120 people; "tens of thousands of" -> 10,000..100,000).
* Odd forms: "half a million" (500,000), "7,5 %" (a decimal comma: one or two digits before a
  percent sign, currency or scale), "$US160m", "PS2.7m" (a "£" lost in scraping), "minus 5C",
  "$2.5-billion"; cased units ("Nm" is newton metres, "nm" nanometres); "30 Boeing 787-9 jets"
  counts 30 jets and the model is no figure; "two of the deputies" counts deputies.
* "A to B", "A-B", "between A and B", "from A to B" with A < B are one range; after "by" ("rose
  by $43.6bn to $419.2bn") the "to" gives the new level, so they are two figures. When B < A
  ("fell from 4.8 to 4.7 percent") they are two quantities sharing the unit written once.
"""

from summarizer.candidates.figures.agree import canonical_unit, units_agree
from summarizer.candidates.figures.news import is_figure
from summarizer.candidates.figures.parse import Quantity, all_quantities, find_quantities, parse_quantity

__all__ = ["Quantity", "all_quantities", "find_quantities", "is_figure", "parse_quantity", "units_agree",
           "canonical_unit"]
