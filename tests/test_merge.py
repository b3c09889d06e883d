import pytest

from summarizer.merge import (
    canonical_holder,
    merge_figures,
    merge_participants,
    merge_positions,
    same_entity,
)
from summarizer.schema import Evidence, Figure, Participant, Position


@pytest.mark.parametrize(
    "a, b, same",
    [
        ("Xi", "Xi Jinping", True),
        ("Mr Xi", "Xi Jinping", True),
        ("Chinese President Xi Jinping", "Xi Jinping", True),
        ("Putin", "Vladimir Putin", True),
        ("Mr Ushakov", "Yuri Ushakov", True),
        ("US", "United States", True),
        ("U.S.", "United States", True),
        ("the Kremlin", "Kremlin", True),
        ("José Núñez", "Jose Nunez", True),
        ("Xi Jinping", "Vladimir Putin", False),
        ("China", "Chinese Customs", False),
        ("Russia", "Ukraine", False),
        ("", "Xi", False),
    ],
)
def test_same_entity(a, b, same):
    assert same_entity(a, b) is same
    assert same_entity(b, a) is same


def test_merge_participants_keeps_fullest_name_and_aliases():
    merged = merge_participants(
        [
            Participant(name="Mr Xi", kind="person"),
            Participant(name="Xi Jinping", kind="person", role="Chinese President"),
            Participant(name="Xi", kind="other"),
            Participant(name="Vladimir Putin", kind="person"),
        ]
    )
    assert [p.name for p in merged] == ["Xi Jinping", "Vladimir Putin"]
    assert set(merged[0].aliases) == {"Mr Xi", "Xi"}
    assert merged[0].role == "Chinese President"


def test_positions_merge_by_holder_and_overlapping_quote():
    ev = Evidence(quote="q", start=10, end=20, match="exact")
    a = Position(holder="Xi", stance="s", quote="q", evidence=ev)
    b = Position(holder="Xi Jinping", stance="t", quote="q", evidence=ev.model_copy(update={"start": 12}))
    c = Position(holder="Putin", stance="s", quote="q", evidence=ev)
    assert merge_positions([a, b, c]) == [a, c]


def test_figures_merge_by_value_unit_span():
    ev = Evidence(quote="26 per cent", start=5, end=16, match="exact")
    f = Figure(value=26, unit="percent", text="26 per cent", measures="m", evidence=ev)
    assert merge_figures([f, f.model_copy(), f.model_copy(update={"value": 27})]) == [f, f.model_copy(update={"value": 27})]


def test_canonical_holder():
    ps = [Participant(name="Yuri Ushakov", aliases=["Mr Ushakov"]), Participant(name="Kremlin")]
    assert canonical_holder("Ushakov", ps) == "Yuri Ushakov"
    assert canonical_holder("the Kremlin", ps) == "Kremlin"
    assert canonical_holder("CCTV", ps) is None
