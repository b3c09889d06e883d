"""The scorer's rules, one table of cases each, a perfect run over the real gold suite, and the
external-corpus adapters on small inline fixtures (plus a read of the ../shared dev splits)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summarizer.errors import ExtractionError
from summarizer.evals.adapters import (
    HitScore,
    load_newsquant,
    load_polnear,
    load_wikievents,
    participant_like,
    score_newsquant,
    score_polnear,
    score_wikievents,
)
from summarizer.evals.gold import Gold, load_suite
from summarizer.evals.score import (
    NAME_THRESHOLD,
    FieldScore,
    Mean,
    canonical_name,
    canonical_unit,
    evidence_holds,
    name_similarity,
    score_article,
    score_suite,
    span_iou,
    values_match,
)
from summarizer.schema import (
    ArticleSummary,
    Event,
    Evidence,
    Figure,
    Meta,
    Participant,
    Position,
    Tokens,
)

TEXT = (
    "Mr Xi (left) and Mr Putin denounced the “US policy of interfering in the internal affairs of other "
    "states” during an hour-long call, the Kremlin said.\n\n"
    "Chinese President Xi Jinping and his Russian counterpart Vladimir Putin accused the United States of "
    "“interfering” during a phone call on Feb 8.\n\n"
    "Mr Xi and Mr Putin denounced the “US policy of interfering in the internal affairs of other states” "
    "during the hour-long call, the Kremlin said.\n\n"
    "“The leaders of the two countries realise that the US is practically implementing a policy of double "
    "containment,” Kremlin aide Yuri Ushakov said.\n\n"
    "Trade hit US$240.1 billion (S$323.6 billion) in 2023 – a 26 per cent annual increase. "
    "Taiwan rejects China’s sovereignty claims."
)
POLICY = "US policy of interfering in the internal affairs of other states"
CONTAINMENT = "the US is practically implementing a policy of double containment"


def make_gold(**changes) -> Gold:
    data = {
        "id": "t",
        "article": "t.txt",
        "event": {"description": "Xi and Putin accused the US of interference in a phone call.", "location": None},
        "participants": [
            {"name": "Xi Jinping", "kind": "person", "aliases": ["Xi"]},
            {"name": "Vladimir Putin", "kind": "person", "aliases": ["Putin"]},
            {"name": "Yuri Ushakov", "kind": "person"},
            {"name": "United States", "kind": "country", "aliases": ["US"]},
        ],
        "positions": [
            {"holder": "Vladimir Putin", "stance": "denounces US interference", "quote": POLICY},
            {"holder": "Yuri Ushakov", "stance": "US contains Russia and China", "quote": CONTAINMENT},
        ],
        "figures": [
            {"value": 240100000000, "unit": "USD", "text": "US$240.1 billion", "measures": "China-Russia trade in 2023"},
            {"value": 26, "unit": "percent", "text": "26 per cent", "measures": "annual increase in trade"},
        ],
    }
    data.update(changes)
    return Gold.model_validate(data).with_text(TEXT)


def make_pred(**changes) -> ArticleSummary:
    data = {"headline": "h", "summary": "s", "event": Event(description="Xi and Putin accuse US", location=None)}
    data.update(changes)
    return ArticleSummary(**data)


# --- counters -------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        ((2, 0, 0), (1.0, 1.0, 1.0)),
        ((1, 1, 1), (0.5, 0.5, 0.5)),
        ((1, 3, 0), (0.25, 1.0, 0.4)),
        ((0, 0, 0), (1.0, 1.0, 1.0)),  # nothing to find, nothing predicted
        ((0, 0, 3), (0.0, 0.0, 0.0)),  # nothing predicted, gold had items
        ((0, 2, 0), (0.0, 0.0, 0.0)),  # predicted items, gold had none
    ],
)
def test_field_score_conventions(counts, expected):
    s = FieldScore(*counts)
    assert (s.precision, s.recall, s.f1) == pytest.approx(expected)


def test_field_score_and_mean_add():
    assert FieldScore(1, 2, 3) + FieldScore(1, 0, 1) == FieldScore(2, 2, 4)
    assert (Mean.of([1.0, 0.0]) + Mean.of([1.0])).value == pytest.approx(2 / 3)
    assert Mean().value is None


# --- matching primitives --------------------------------------------------------------------

@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        ("Mr Xi Jinping", "xi jinping"),
        ("Chinese President Xi Jinping", "xi jinping"),
        ("Prime Minister Theresa May", "theresa may"),
        ("Mr. Trump", "trump"),
        ("The Kremlin", "kremlin"),
        ("the", "the"),  # a title alone is kept, not emptied
        ("Nicolás Maduro", "nicolas maduro"),
        ("Hernández Da Costa", "hernandez da costa"),
        ("U.S. State Department", "us state department"),
        ("public defender’s office", "public defender office"),
    ],
)
def test_canonical_name(name, canonical):
    assert canonical_name(name) == canonical


@pytest.mark.parametrize(
    ("gold_forms", "pred_forms", "match"),
    [
        (["Xi Jinping", "Xi"], ["President Xi"], True),
        (["Xi Jinping"], ["Chinese President Xi Jinping"], True),
        (["Nicolás Maduro"], ["Nicolas Maduro"], True),
        (["United States", "US"], ["U.S."], True),
        (["United States"], ["USA", "US"], False),  # pred aliases count, but "US" is not a gold form here
        (["United States", "US"], ["USA", "US"], True),
        (["Tamerlan"], ["Tamerlan Tsarnaev"], True),  # token sets: a subset matches
        (["Yuri Ushakov"], ["Yuri Ushakow"], True),  # one letter off
        (["Vladimir Putin"], ["Xi Jinping"], False),
        (["Kremlin"], ["Kremlin aide"], True),
        (["Russia"], ["Russian Defense Ministry"], False),
    ],
)
def test_name_match(gold_forms, pred_forms, match):
    assert (name_similarity(gold_forms, pred_forms) >= NAME_THRESHOLD) is match


@pytest.mark.parametrize(
    ("unit", "canonical"),
    [
        ("percent", "percent"), ("per cent", "percent"), ("%", "percent"),
        ("percentage points", "percentage_point"), ("percentage_point", "percentage_point"),
        ("USD", "USD"), ("usd", "USD"), ("$", "USD"), ("US$", "USD"), ("US dollars", "USD"),
        ("S$", "SGD"), ("Singapore dollars", "SGD"), ("Hong Kong dollars", "HKD"), ("£", "GBP"), ("euros", "EUR"),
        ("hours", "hour"), ("hour", "hour"), ("hrs", "hour"), ("years", "year"),
        ("people", "people"), ("persons", "people"), ("soldiers", "people"), ("deaths", "people"),
        ("jets", "aircraft"), ("aircraft", "aircraft"),
        ("children", "people"), ("women", "people"), ("adults", "people"),  # humans count as people
        ("ringgit", "MYR"), ("RM", "MYR"), ("MYR", "MYR"), ("shekels", "ILS"), ("ILS", "ILS"), ("roubles", "RUB"),
        ("arrest warrants", "warrant"), ("crashes", "crash"), ("cases", "case"), ("", ""),
        ("barrels of oil", "barrel"), ("snaps of man coverage", "snap"), ("cups of coffee", "cup"),
        ("hours per week", "hour"), ("hours a week", "hour"), ("barrels per day", "barrel"),  # a rate counts its head
        ("USD per month", "USD"), ("usd a month", "USD"),
        ("$ a month", "USD"), ("dollars per share", "USD"), ("euros a year", "EUR"),  # money rates are money
        ("Indian rupees", "INR"), ("Japanese yen", "JPY"), ("Australian dollars", "AUD"),  # with its country
        ("metric tons", "ton"), ("foot-pounds", "pound"),  # torque: no money
        ("feet", "foot"), ("ft", "foot"), ("foot", "foot"),
    ],
)
def test_canonical_unit(unit, canonical):
    assert canonical_unit(unit) == canonical


@pytest.mark.parametrize(
    ("gold", "pred", "match"),
    [
        (240100000000, 240100000000, True),
        (240100000000, 240000000000, True),  # 0.04% off: rounding in the prediction
        (240100000000, 240.1, False),  # scale not applied
        (26, 26.1, True),
        (26, 26.2, False),  # 0.77% off
        (30, -30, True),  # "down by 30": direction lives in the words
        (0, 0, True),
        (0, 0.001, False),
    ],
)
def test_values_match(gold, pred, match):
    assert values_match(gold, pred) is match


@pytest.mark.parametrize(
    ("a", "b", "iou"),
    [((0, 10), (0, 10), 1.0), ((0, 10), (5, 15), 5 / 15), ((0, 10), (10, 20), 0.0), ((0, 10), (2, 8), 0.6)],
)
def test_span_iou(a, b, iou):
    assert span_iou(a, b) == pytest.approx(iou)


# --- fields ---------------------------------------------------------------------------------

def P(name, kind="person", aliases=()):  # noqa: N802 - a short constructor for tables
    return Participant(name=name, kind=kind, aliases=list(aliases))


@pytest.mark.parametrize(
    ("pred", "expected", "kind_accuracy"),
    [
        ([P("Xi Jinping"), P("Vladimir Putin"), P("Yuri Ushakov"), P("United States", "country")], (4, 0, 0), 1.0),
        ([P("Mr Xi"), P("Putin", "group")], (2, 0, 2), 0.5),
        ([P("Xi"), P("Xi Jinping")], (1, 1, 3), 1.0),  # a duplicate is a false positive
        ([P("US", "country"), P("United States", "country")], (1, 1, 3), 1.0),
        ([P("Kremlin", "organisation")], (0, 1, 4), None),
        ([], (0, 0, 4), None),
    ],
)
def test_participants(pred, expected, kind_accuracy):
    score = score_article(make_gold(), make_pred(participants=pred))
    assert (score.participants.tp, score.participants.fp, score.participants.fn) == expected
    assert score.kinds.value == kind_accuracy


def Pos(holder, quote, stance="s"):  # noqa: N802
    return Position(holder=holder, stance=stance, quote=quote)


@pytest.mark.parametrize(
    ("positions", "tp"),
    [
        ([Pos("Putin", POLICY), Pos("Ushakov", CONTAINMENT)], 2),
        # the quote appears twice; the prediction copied the later occurrence with context
        ([Pos("Vladimir Putin", "Mr Xi and Mr Putin denounced the “US policy of interfering in the internal "
                                "affairs of other states”")], 1),
        ([Pos("Vladimir Putin", POLICY.replace("US", "U.S."))], 1),  # not verbatim: aligned fuzzily
        ([Pos("Vladimir Putin", 'the "US policy of interfering in the internal affairs of other states"')], 1),
        ([Pos("Xi Jinping", POLICY)], 0),  # wrong holder
        ([Pos("Vladimir Putin", "interfering in the internal affairs")], 1),  # IoU 35/64 = 0.55
        ([Pos("Vladimir Putin", "the internal affairs")], 0),  # IoU 20/64
        ([Pos("Yuri Ushakov", "The leaders of the two countries realise that " + CONTAINMENT)], 1),  # IoU 0.59
        ([Pos("Yuri Ushakov", "a policy of double containment")], 0),  # IoU 0.46
        ([Pos("Vladimir Putin", "The cat sat on the mat and never left it")], 0),  # not in the text
    ],
)
def test_positions(positions, tp):
    score = score_article(make_gold(), make_pred(participants=[P("Vladimir Putin", aliases=["Putin"])],
                                                 positions=positions))
    assert score.positions.tp == tp
    assert score.positions.fp == len(positions) - tp and score.positions.fn == 2 - tp


def test_stance_similarity_is_averaged_over_matched_positions():
    pred = make_pred(positions=[Pos("Vladimir Putin", POLICY, "denounces US interference"),
                                Pos("Yuri Ushakov", CONTAINMENT, "something else entirely")])
    score = score_article(make_gold(), pred)
    assert score.positions.tp == 2
    assert 0.5 < score.stances.value < 1.0


def F(value, unit, measures="m", text="t"):  # noqa: N802
    return Figure(value=value, unit=unit, text=text, measures=measures)


@pytest.mark.parametrize(
    ("figures", "tp"),
    [
        ([F(240.1e9, "US$"), F(26, "per cent")], 2),
        ([F(240.1e9, "SGD")], 0),  # right number, wrong currency
        ([F(240.1, "USD")], 0),  # scale not applied
        ([F(26, "")], 0),  # a figure without a unit never matches
        ([F(26, "%"), F(26, "%")], 1),  # one-to-one
        ([F(26, "percentage points")], 0),
    ],
)
def test_figures(figures, tp):
    score = score_article(make_gold(), make_pred(figures=figures))
    assert score.figures.tp == tp and score.figures.fp == len(figures) - tp


def test_equal_figures_pair_by_measures():
    gold = make_gold(figures=[
        {"value": 15, "unit": "percent", "text": "15 percent", "measures": "tariff planned for December"},
        {"value": 15, "unit": "percent", "text": "15 percent", "measures": "tariff imposed in September"},
    ])
    pred = make_pred(figures=[F(15, "%", "tariff imposed on consumer goods in September"),
                              F(15, "%", "tariff planned for December on more goods")])
    score = score_article(gold, pred)
    assert score.figures.tp == 2 and score.measures.value > 0.8


# --- event, grounding, failures -------------------------------------------------------------

@pytest.mark.parametrize(
    ("gold_event", "pred_event", "date", "location"),
    [
        ({"description": "d"}, Event(description="d"), 1.0, 1.0),  # null & null are correct
        ({"description": "d", "date": "2024-02-08"}, Event(description="d", date="2024-02-08"), 1.0, 1.0),
        ({"description": "d", "date": "2024-02-08"}, Event(description="d", date="2024-02"), 0.0, 1.0),
        ({"description": "d"}, Event(description="d", date="2024-02-08"), 0.0, 1.0),  # invented date
        ({"description": "d", "location": "Kandahar province"}, Event(description="d", location="Kandahar"), 1.0, 1.0),
        ({"description": "d", "location": "Lyon"}, Event(description="d", location="Paris"), 1.0, 0.0),
        ({"description": "d", "location": "Lyon"}, Event(description="d"), 1.0, 0.0),
        ({"description": "d"}, None, 1.0, 1.0),  # no event at all: nothing claimed
    ],
)
def test_event(gold_event, pred_event, date, location):
    score = score_article(make_gold(event=gold_event), make_pred(event=pred_event))
    assert (score.date.value, score.location.value) == (date, location)


def test_description_similarity():
    score = score_article(make_gold(), make_pred(event=Event(description="Xi and Putin accused the US of interference")))
    assert score.description.value > 0.8


def _ev(quote, start, end, match):
    return Evidence(quote=quote, start=start, end=end, match=match)


_AT = TEXT.index("Taiwan rejects")


@pytest.mark.parametrize(
    ("evidence", "holds"),
    [
        (_ev("Taiwan rejects", _AT, _AT + 14, "exact"), True),
        (_ev("Taiwan rejects", _AT + 1, _AT + 15, "exact"), False),  # offsets off by one
        (_ev("Taiwan rejects", _AT, _AT + 14, None), False),  # offsets without a match kind
        (_ev("taiwan  rejects", _AT, _AT + 14, "normalised"), True),
        (_ev("Taiwan rejects Chinas sovereignty claims", _AT, _AT + 41, "fuzzy"), True),
        (_ev("Taiwan rejects ... claims", _AT, _AT + 41, "normalised"), True),  # words left out
        (_ev("Taiwan rejects Chinas claims", _AT, _AT + 14, "fuzzy"), False),  # span too short
        (_ev("Taiwan rejects", 0, 14, "fuzzy"), False),  # offsets point at other words
        (_ev("Taiwan rejects", _AT, len(TEXT) + 5, "fuzzy"), False),  # past the end
    ],
)
def test_evidence_holds(evidence, holds):
    assert evidence_holds(evidence, TEXT) is holds


def test_grounding_rate_counts_every_emitted_evidence():
    good = _ev("Taiwan rejects", _AT, _AT + 14, "exact")
    bad = _ev("Taiwan rejects", 3, 17, "exact")
    pred = make_pred(participants=[Participant(name="Taiwan", kind="country", evidence=good)],
                     positions=[Position(holder="Taiwan", stance="s", quote="q", evidence=bad)])
    assert score_article(make_gold(), pred).grounding.value == 0.5


def test_failed_run_scores_as_empty_and_zero_on_event():
    score = score_article(make_gold(), None)
    assert not score.valid
    assert score.participants == FieldScore(0, 0, 4) and score.figures == FieldScore(0, 0, 2)
    assert (score.date.value, score.location.value, score.description.value) == (0.0, 0.0, 0.0)


# --- suite ----------------------------------------------------------------------------------

def test_suite_micro_macro_and_run_stats():
    gold = make_gold()
    full = make_pred(
        participants=[P("Xi Jinping"), P("Vladimir Putin"), P("Yuri Ushakov"), P("United States", "country")],
        meta=Meta(attempts=2, reasks=1, tokens=Tokens(prompt=100, completion=20), latency_s=3.0),
    )
    empty = make_pred(meta=Meta(attempts=1, tokens=Tokens(prompt=50, completion=10), latency_s=1.0))
    broken_json = {"headline": "h"}  # no summary: fails the schema
    records = [(gold, full), (gold, empty.model_dump()), (gold, broken_json), (gold, ExtractionError("bad"))]
    suite = score_suite(records)
    assert suite.micro["participants"] == FieldScore(4, 0, 12)
    assert suite.macro("participants")["recall"] == 0.25  # (1 + 0 + 0 + 0) / 4
    d = suite.to_dict()
    assert d["run"]["schema_valid"] == 2 and d["run"]["schema_valid_rate"] == 0.5
    assert d["run"]["errors"] == {"ExtractionError": 1, "SchemaInvalid": 1}
    assert d["run"]["attempts_mean"] == 1.5 and d["run"]["reasks_total"] == 1
    assert (d["run"]["prompt_tokens"], d["run"]["completion_tokens"]) == (150, 30)
    assert d["run"]["latency_s_mean"] == 2.0 and d["run"]["latency_s_max"] == 3.0
    assert d["date_accuracy"] == 0.5  # the two failed runs score 0
    assert [a["valid"] for a in d["articles"]] == [True, True, False, False]


GOLD_DIR = Path(__file__).resolve().parent.parent / "evals" / "gold"


def _echo(gold: Gold) -> ArticleSummary:
    """A prediction that copies the gold: every metric must be perfect."""
    return ArticleSummary(
        headline="h", summary="s",
        event=Event(description=gold.event.description, date=gold.event.date, location=gold.event.location),
        participants=[Participant(name=p.name, kind=p.kind, aliases=p.aliases) for p in gold.participants],
        positions=[Position(holder=p.holder, stance=p.stance, quote=p.quote) for p in gold.positions],
        figures=[Figure(value=f.value, unit=f.unit, text=f.text, measures=f.measures) for f in gold.figures],
    )


def test_gold_echo_scores_perfectly_on_the_real_suite():
    suite = load_suite(GOLD_DIR)
    d = score_suite((g, _echo(g)) for g in suite).to_dict()
    for field in ("participants", "positions", "figures"):
        assert d["micro"][field]["f1"] == 1.0, field
    for name in ("kind_accuracy", "stance_similarity", "measures_similarity", "date_accuracy",
                 "location_accuracy", "description_similarity"):
        assert d[name] == 1.0, name


# --- external-corpus adapters ---------------------------------------------------------------

_WE_DOC = {
    "doc_id": "d1",
    "text": "Police said Vyacheslav Gladkikh died in SyriaThey blamed IS.",
    "tokens": [], "sentences": [], "relation_mentions": [],
    "entity_mentions": [
        {"id": "d1-T1", "start": 0, "end": 1, "entity_type": "PER", "text": "Police"},
        {"id": "d1-T2", "start": 2, "end": 4, "entity_type": "PER", "text": "Vyacheslav Gladkikh"},
        {"id": "d1-T3", "start": 6, "end": 7, "entity_type": "GPE", "text": "Syria"},
        {"id": "d1-T4", "start": 7, "end": 8, "entity_type": "PER", "text": "They"},
        {"id": "d1-T5", "start": 9, "end": 10, "entity_type": "ORG", "text": "IS"},
        {"id": "d1-T6", "start": 2, "end": 3, "entity_type": "PER", "text": "general"},
    ],
    "event_mentions": [
        {"event_type": "Life.Die", "trigger": {}, "arguments": [
            {"entity_id": "d1-T2", "role": "Victim", "text": "Vyacheslav Gladkikh"},
            {"entity_id": "d1-T3", "role": "Place", "text": "Syria"},
            {"entity_id": "d1-T5", "role": "Killer", "text": "IS"}]},
        {"event_type": "Contact", "trigger": {}, "arguments": [
            {"entity_id": "d1-T4", "role": "Communicator", "text": "They"}]},
    ],
}
_WE_COREF = {"doc_key": "d1", "clusters": [["d1-T2", "d1-T6"], ["d1-T1", "d1-T4"]],
             "informative_mentions": ["Vyacheslav Gladkikh", "Police"]}


def test_wikievents_adapter(tmp_path: Path):
    (tmp_path / "dev.jsonl").write_text(json.dumps(_WE_DOC) + "\n", encoding="utf-8")
    (tmp_path / "coref_dev.jsonlines").write_text(json.dumps(_WE_COREF) + "\n", encoding="utf-8")
    [doc] = load_wikievents(tmp_path)
    entities = {e.name: e for e in doc.entities}
    assert entities["Vyacheslav Gladkikh"].mentions == ("Vyacheslav Gladkikh", "general")
    assert entities["Police"].roles == ("Communicator",)  # the role of "They", through coref
    # Syria is only a Place; IS and Police fill roles: participant-like arguments are these three
    assert sorted(e.name for e in doc.arguments if participant_like(e)) == ["IS", "Police", "Vyacheslav Gladkikh"]
    pred = [P("Major General Vyacheslav Gladkikh"), P("Islamic State", "group", ["IS"]), P("Kremlin", "organisation")]
    assert score_wikievents(doc, pred) == HitScore(pred_hits=2, pred_total=3, gold_hits=2, gold_total=3)


_PN_TEXT = "Clinton’s team avoided the ER, the Post reports. He said it was fine. Sources said she left early."
_PN_ANN = "\n".join([
    "T1\tSource 32 40\tthe Post",
    "T2\tCue 41 48\treports",
    "T3\tContent 0 30\tClinton’s team avoided the ER",
    "E1\tAttribution:T9 Content:T3 Cue:T2 Source:T1",
    "T4\tSource 50 52\tHe",
    "T5\tCue 53 57\tsaid",
    "T6\tContent 58 68\tit was fine",
    "E2\tSource:T4 Cue:T5 Content:T6",
    "T7\tSource 70 77\tSources",
    "T8\tCue 78 82\tsaid",
    "T10\tContent 83 86;87 95\tshe left early",
    "E3\tContent:T10 Cue:T8 Source:T7",
])


def test_polnear_adapter(tmp_path: Path):
    (tmp_path / "a.txt").write_text(_PN_TEXT, encoding="utf-8")
    (tmp_path / "a_ab12.ann").write_text(_PN_ANN, encoding="utf-8")
    [doc] = load_polnear(tmp_path)
    assert (doc.name, doc.annotator, len(doc.attributions)) == ("a", "ab12", 3)
    assert doc.attributions[2].content.fragments == ((83, 86), (87, 95))
    positions = [
        Pos("New York Post", "team avoided the ER"),  # holder ~ "the Post"; quote inside the content
        Pos("Clinton", "it was fine"),  # the source is "He": not gold, and not held against precision
        Pos("Sources", "Clinton’s team avoided the ER"),  # wrong holder for that content
    ]
    assert score_polnear(doc, positions) == HitScore(pred_hits=1, pred_total=2, gold_hits=1, gold_total=2)


def test_newsquant_adapter(tmp_path: Path):
    data = [{"text": "Prices rose 5% to $12 over 40 to 50 hours, said one person.", "quantities": [
        {"change": "up", "value": "5.0", "unit": "%", "normalized_unit": "percentage", "referred_concepts": "p"},
        {"change": "=", "value": "12.0", "unit": "$", "normalized_unit": "dollar", "referred_concepts": "p"},
        {"change": "=", "value": "40.0 - 50.0", "unit": "hours", "normalized_unit": "hour", "referred_concepts": "w"},
        {"change": "=", "value": "1", "unit": "-", "normalized_unit": "-", "referred_concepts": "-"},
    ]}]
    path = tmp_path / "dev.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    [sentence] = load_newsquant(path)
    assert [q.values for q in sentence.quantities] == [(5.0,), (12.0,), (40.0, 50.0), (1.0,)]
    figures = [F(5, "per cent"), F(12, "USD"), F(50, "hours"), F(1, "people"), F(12, "EUR")]
    assert score_newsquant(sentence, figures) == HitScore(pred_hits=4, pred_total=5, gold_hits=4, gold_total=4)


CORPORA = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora"


@pytest.mark.skipif(not CORPORA.exists(), reason="../shared/corpora not present")
def test_adapters_read_the_shared_dev_splits():
    docs = load_wikievents(CORPORA / "wikievents")
    assert len(docs) == 20 and sum(len(d.arguments) for d in docs) > 200
    polnear = load_polnear(CORPORA / "polnear" / "dev")
    assert len(polnear) > 80
    for doc in polnear:  # brat offsets point at the content text
        for a in doc.attributions:
            start, end = a.content.fragments[0]
            assert a.content.text.startswith(doc.text[start:end])
    newsquant = load_newsquant(CORPORA / "newsquant" / "dev.json")
    assert len(newsquant) == 297 and sum(len(s.quantities) for s in newsquant) == 477
