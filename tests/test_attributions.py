"""Attribution rules on small cases: cue verbs and nouns, the content span, the source.

Offline: the spaCy pipeline is an installed package. A missing model fails these tests, as it fails the pipeline: it is a declared dependency.
"""

from __future__ import annotations

import pytest

from summarizer.candidates.attributions import find_attributions
from summarizer.candidates.parse import parse

# sentence, source as written, cue, content
CASES = [
    # a "that" clause the parse hangs on the adjunct's noun is still the content
    ("Emirates President Tim Clark told reporters at a press conference that the airline will grow again.",
     "Emirates President Tim Clark", "told", "the airline will grow again"),
    ("Sonya Zoghlin told The Hill in a statement that her client did not intend to cause harm.",
     "Sonya Zoghlin", "told", "her client did not intend to cause harm"),
    # a relative clause is part of the content (the gold suite's quotes keep it)
    ("Castro said he fought with the man, who snatched the keys from his hand.",
     "Castro", "said", "he fought with the man, who snatched the keys from his hand"),
    # speech acts beyond "say"
    ("Senator Graham lamented that the party had no platform on the environment.",
     "Senator Graham", "lamented", "the party had no platform on the environment"),
    # "call" with an object and its predicate is a stance; "called him" alone is not
    # a noun cue with a possessor: a "that" clause, a "to" infinitive, a clause after "is"
    ("Donald Trump's claim that there were thousands of shootings is true.",
     "Donald Trump's", "claim", "there were thousands of shootings"),
    ("President Obama's decision to restore relations with Burma paid off.",
     "President Obama", "decision", "to restore relations with Burma"),
    ("Mr. Obama's bet is that his regulations will be hard to undo.",
     "Mr. Obama", "bet", "his regulations will be hard to undo"),
    ("Clinton called her vote for the war a mistake.", "Clinton", "called", "called her vote for the war a mistake"),
    # a stance verb's object or infinitive is the stance with its verb; a verb of saying's is bare
    ("The Afghan Taliban claimed responsibility for the attack on the base.",
     "The Afghan Taliban", "claimed", "claimed responsibility for the attack on the base"),
    ("Maria Landaeta called on the government to declare an emergency.",
     "Maria Landaeta", "called", "called on the government to declare an emergency"),
    ("Theresa May promised to review the counter-terrorism strategy.",
     "Theresa May", "promised", "promised to review the counter-terrorism strategy"),
    ("The Afghan government ruled out Taliban involvement in the crash.",
     "The Afghan government", "ruled", "ruled out Taliban involvement in the crash"),
    ("Landaeta dismissed the rumours that the disease might be ebola.",
     "Landaeta", "dismissed", "dismissed the rumours that the disease might be ebola"),
    ("The minister warned that prices would rise next year.",  # a clause: the verb stays out
     "The minister", "warned", "prices would rise next year"),
    # a second clause joined by "and" with its own subject is a claim of its own; "but" qualifies
    ("Police officials said a second device was found in Chelsea and that location is being treated "
     "as a crime scene.", "Police officials", "said", "a second device was found in Chelsea"),
    ("Officials said 13 people had suffered minor injuries but 11 were still in hospital.",
     "Officials", "said", "13 people had suffered minor injuries but 11 were still in hospital"),
    # ", including …" lists examples of the claim, not the claim
    ("The minister said the victims died of different causes, including an old man dying of diabetes.",
     "The minister", "said", "the victims died of different causes"),
    # a participle adjunct after a comma says how or while, not what is claimed
    ("Clinton said she will sign up 5 million people, focusing on people under 30.",
     "Clinton", "said", "she will sign up 5 million people"),
    # "Asked about X, she said …": the question is no attribution; the answer is
    ("Asked about the declaration, Hillary Clinton said the facts must come first.",
     "Hillary Clinton", "said", "the facts must come first"),
    # a dateline the parse makes the subject, with the speaker as its apposition
    ("WASHINGTON -- President Obama, dedicating the museum on Saturday, said it would tell an American story.",
     "President Obama", "said", "it would tell an American story"),
    # of two subjects the parse gives the cue, the nearest speaks (the quote's "it" is none)
    ("\"If it doesn't have the capability to threaten its neighbors with nuclear weapons yet, it will at some "
     "point, probably sooner rather than later,\" said James Acton, a physicist.",
     "James Acton", "said", "If it doesn't have the capability to threaten its neighbors with nuclear weapons yet, "
     "it will at some point, probably sooner rather than later,"),
    # verbs that voice or judge: the stance keeps its verb
    ("Younger black voters have expressed misgivings about Mrs. Clinton.",
     "Younger black voters", "expressed", "expressed misgivings about Mrs. Clinton"),
    ("Cruz exhorted Republicans to vote their conscience.",
     "Cruz", "exhorted", "exhorted Republicans to vote their conscience"),
    ("Chief Justice Roberts spoke of the legacy of racism in the courts.",
     "Chief Justice Roberts", "spoke", "spoke of the legacy of racism in the courts"),
    ("Mr. Johnson openly admires Vladimir Putin as a strong leader.",
     "Mr. Johnson", "admires", "admires Vladimir Putin as a strong leader"),
    ("The governor refuses to make public his income tax returns.",
     "The governor", "refuses", "refuses to make public his income tax returns"),
    ("Bernie Sanders offered some pointed advice to Hillary Clinton.",
     "Bernie Sanders", "offered", "offered some pointed advice to Hillary Clinton"),
    # a cue set off by commas inside the clause it reports: the claim is the clause around it
    ("Climate change, Mr. Obama often says, is the greatest long-term threat facing the world.",
     "Mr. Obama", "says", "Climate change, Mr. Obama often says, is the greatest long-term threat facing the world"),
    ("The museum, Mr. Bush said, celebrated several of his heroes.",
     "Mr. Bush", "said", "The museum, Mr. Bush said, celebrated several of his heroes"),
    # a cue verb the tagger reads as a plural noun, rooting a sentence with a subject and a "that" clause
    ("But Trump claims that he should be the exception.", "Trump", "claims", "he should be the exception"),
    # a stance's object ends before the writer's aside on it, set off by a comma; a dash may open
    # what the object means
    ("Graham has acknowledged the reality of climate change, which makes him something of an outlier among "
     "Republican lawmakers.", "Graham", "acknowledged", "acknowledged the reality of climate change"),
    ("Sen. Ted Cruz is endorsing Donald Trump's presidential campaign, the latest chapter in a rocky relationship "
     "between the two men.", "Sen. Ted Cruz", "endorsing", "endorsing Donald Trump's presidential campaign"),
    ("Venezuelans fear just the opposite — a deepening of official repression.",
     "Venezuelans", "fear", "fear just the opposite — a deepening of official repression"),
    # the parse makes the cue's clause a complement of the verb it reports
    ("The Republican nominee continues to insist, most recently in a Labor Day interview with ABC News, "
     "that he really, really wants to release his taxes but can't because he is being audited.",
     "The Republican nominee", "insist", "he really, really wants to release his taxes but can't because he is "
     "being audited"),
]


@pytest.mark.parametrize(("text", "source", "cue", "content"), CASES)
def test_attribution_rules(text: str, source: str, cue: str, content: str) -> None:
    found = find_attributions(parse(text))
    assert [(a.source, a.cue, a.content) for a in found] == [(source, cue, content)]
    a = found[0]
    assert text[a.content_start : a.content_end] == a.content  # grounded: offsets into the text


def test_relative_clause_on_a_predicate_noun_is_the_subjects() -> None:
    text = "Donald Trump is a serial liar, rampant xenophobe and birther who has pledged to ban all Muslims."
    assert [(a.source, a.holder) for a in find_attributions(parse(text))] == [("Donald Trump", "Donald Trump")]


def test_trailing_participle_is_the_next_attribution() -> None:
    # ", arguing…" is the same source's next attribution, not part of this one
    text = "Senator Perdue said the attacks did not hurt Romney, arguing that divisions in the party did."
    assert [(a.source, a.cue, a.content) for a in find_attributions(parse(text))] == [
        ("Senator Perdue", "said", "the attacks did not hurt Romney"),
        ("Senator Perdue", "arguing", "divisions in the party did"),
    ]


def test_an_aside_on_the_object_is_a_claim_of_its_own() -> None:
    # "…, who says he is honored" is Trump's, not part of Cruz's endorsement
    text = "Ted Cruz endorses Trump, who says he is honored."
    assert [(a.source, a.cue, a.content) for a in find_attributions(parse(text))] == [
        ("Ted Cruz", "endorses", "endorses Trump"),
        ("Trump", "says", "he is honored"),
    ]


def test_a_quote_inside_a_reported_clause_is_the_outer_speakers() -> None:
    # the quote keeps its stop inside the marks, the clause ends before it: still inside it
    text = "The Indiana governor said Democrats and the media are to blame for focusing on “he said this, he tweeted that.”"
    assert [(a.source, a.cue) for a in find_attributions(parse(text))] == [("The Indiana governor", "said")]


def test_a_named_apposition_names_the_speaker_though_the_noun_is_a_cluster() -> None:
    # "prosecutor" can be a cluster of its own (an acting person noun); the apposition is who speaks
    from summarizer.candidates.entities import Cluster, Mention

    text = "France’s counter-terrorism prosecutor, Remy Heitz, said an investigation had been opened."
    def cluster(i: str, name: str, label: str) -> Cluster:
        start = text.index(name)
        return Cluster(i, name, "person" if label == "PERSON" else "group", label,
                       [Mention(start, start + len(name), name, label, "agent", 0)])
    clusters = [cluster("e1", "prosecutor", "GROUP"), cluster("e2", "Remy Heitz", "PERSON")]
    assert [a.holder for a in find_attributions(parse(text), clusters)] == ["Remy Heitz"]


# text, the speaker's holder: who a pronoun stands for
HOLDERS = [
    # a pronoun is the last mention that acts, not a possessor or object after it
    ("Wilbur Ross met Li Keqiang’s aides on Monday. He said the talks had gone well.", "Wilbur Ross"),
    ("Wilbur Ross met Li Keqiang on Monday. Li said the talks had gone well.", "Li Keqiang"),
    # "who" after a predicate noun of a second verb is that verb's subject, shared with the first
    ("Donald Trump regularly incites political violence and is a serial liar, rampant xenophobe, racist, "
     "misogynist and birther who has repeatedly pledged to ban all Muslims from entering the U.S.", "Donald Trump"),
]


@pytest.mark.parametrize(("text", "holder"), HOLDERS)
def test_source_resolution(text: str, holder: str) -> None:
    assert [a.holder for a in find_attributions(parse(text))] == [holder]


@pytest.mark.parametrize("text", [
    "He called his brother yesterday.",
    "The opposition sought a referendum in 2016.",
    "The claim that there were thousands of shootings is true.",  # no possessor holds it
])
def test_no_attribution(text: str) -> None:
    assert find_attributions(parse(text)) == []


@pytest.mark.parametrize("closing", ["” ― ", "”― "])  # the tokenizer glues "”―" into one token
def test_a_quote_signed_with_a_dash_and_a_name(closing: str) -> None:
    from summarizer.candidates import find_candidates

    text = f"The rally drew a crowd.\n\n“We are tired of waiting for the council to act on this.{closing}Sonya Herridge.\n"
    assert [q.speaker for q in find_candidates(text).quotes] == ["Sonya Herridge"]
