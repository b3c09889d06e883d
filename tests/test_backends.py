"""The Backend protocol through the real instructor path, driven by the public FakeBackend."""

import pytest
from pydantic import BaseModel, Field, ValidationInfo, field_validator

from summarizer.backends import FakeBackend
from summarizer.backends.base import (
    Backend,
    CallRequest,
    TruncatedOutputError,
    json_object_format,
)
from summarizer.errors import BudgetError, ExtractionError, TransientBackendError


class Answer(BaseModel):
    word: str = Field(max_length=20)

    @field_validator("word")
    @classmethod
    def in_text(cls, word: str, info: ValidationInfo) -> str:
        text = (info.context or {}).get("text", "")
        if word not in text:
            raise ValueError(f"{word!r} is not in the text")
        return word


def request(**kw) -> CallRequest:
    base = dict(messages=[{"role": "user", "content": "pick a word from: {{ text }}"}], response_model=Answer,
                context={"text": "alpha beta"}, max_reasks=2)
    return CallRequest(**{**base, **kw})


def test_fake_is_a_backend():
    assert isinstance(FakeBackend(), Backend)


def test_valid_first_answer_is_one_attempt():
    result = FakeBackend([{"word": "beta"}]).call(request())
    assert result.output.word == "beta"
    assert [a.outcome for a in result.attempts] == ["ok"]
    assert result.tokens.completion > 0


def test_template_context_renders_into_messages_not_into_code():
    backend = FakeBackend([{"word": "beta"}])
    result = backend.call(request(context={"text": "alpha beta {{ 7*7 }}"}))
    sent = result.attempts[0].messages[-1]["content"]
    assert "alpha beta {{ 7*7 }}" in sent and "49" not in sent


def test_invalid_answer_is_reasked_with_the_validator_message():
    backend = FakeBackend([{"word": "gamma"}, {"word": "alpha"}])
    result = backend.call(request())
    assert result.output.word == "alpha"
    assert [a.outcome for a in result.attempts] == ["reask", "ok"]
    assert "'gamma' is not in the text" in result.attempts[0].detail
    assert result.reasks == 1


def test_reasks_are_bounded_then_extraction_error_with_data():
    backend = FakeBackend([{"word": "x"}, {"word": "y"}, {"word": "z"}])
    with pytest.raises(ExtractionError) as info:
        backend.call(request(max_reasks=1))
    assert len(info.value.attempts) == 2
    assert info.value.last_response == '{"word": "y"}'
    assert "--max-reasks" in info.value.message


def test_transport_error_is_raised_not_reasked():
    backend = FakeBackend([TransientBackendError("server down"), {"word": "alpha"}])
    with pytest.raises(TransientBackendError):
        backend.call(request())
    assert len(backend.calls) == 1


def test_function_driven_responses_see_the_request():
    backend = FakeBackend(lambda req: {"word": req.context["text"].split()[0]})
    assert backend.call(request()).output.word == "alpha"


def test_token_budget_stops_reasks():
    backend = FakeBackend([{"word": "x"}] * 5)
    with pytest.raises(BudgetError) as info:
        backend.call(request(max_reasks=4, token_budget=1))
    assert "--token-budget" in info.value.message


def test_malformed_json_is_reasked():
    backend = FakeBackend(["{not json", {"word": "beta"}])
    assert backend.call(request()).output.word == "beta"


@pytest.mark.parametrize(
    "given, expected",
    [
        ({"type": "json_schema", "json_schema": {"name": "A", "schema": {"type": "object"}}},
         {"type": "json_object", "schema": {"type": "object"}}),
        ({"type": "json_object"}, {"type": "json_object"}),
        (None, None),
    ],
)
def test_json_schema_becomes_llama_cpp_json_object(given, expected):
    assert json_object_format(given) == expected


def test_truncated_output_is_not_reasked():
    class Truncating(FakeBackend):
        def _chat(self, **kwargs):
            reply = super()._chat(**kwargs)
            reply.completion.choices[0].finish_reason = "length"
            reply.finish_reason = "length"
            return reply

    backend = Truncating([{"word": "alpha"}] * 3)
    with pytest.raises(TruncatedOutputError):
        backend.call(request())
    assert len(backend.calls) == 1
