"""structured_call: instructor's call with its per-model and per-template work kept, same requests out."""

from __future__ import annotations

import json
from typing import Any

import instructor
import pytest
from pydantic import BaseModel, Field, ValidationInfo, field_validator

from summarizer.backends.base import completion_from_content
from summarizer.backends.openai import _plain
from summarizer.backends.structured import _copied, _prepared, structured_call


class Answer(BaseModel):
    title: str = Field(max_length=40)
    n: int

    @field_validator("n")
    @classmethod
    def known(cls, value: int, info: ValidationInfo) -> int:
        allowed = (info.context or {}).get("allowed", [])
        if value not in allowed:
            raise ValueError(f"n must be one of {allowed}")
        return value


MESSAGES = [
    {"role": "system", "content": "Answer in JSON."},
    {"role": "user", "content": "<article>\n{{ article }}\n</article>"},
    {"role": "user", "content": "Pick n from {{ allowed }}."},
]


class Scripted:
    """A `create` that answers from a script and keeps every request it was sent."""

    def __init__(self, *answers: dict[str, Any]) -> None:
        self.answers, self.requests = list(answers), []  # type: list[dict[str, Any]], list[dict[str, Any]]

    def __call__(self, **kwargs: Any) -> Any:
        self.requests.append(kwargs)
        return completion_from_content(json.dumps(self.answers.pop(0)), model="m", prompt_tokens=5,
                                       completion_tokens=3)


def test_same_request_as_instructor_patch() -> None:
    context = {"article": "The council met.", "allowed": [1, 2]}
    ours, theirs = Scripted({"title": "t", "n": 1}), Scripted({"title": "t", "n": 1})
    structured_call(ours, mode=instructor.Mode.JSON_SCHEMA, messages=MESSAGES, response_model=Answer,
                    context=context, max_retries=1, max_tokens=50)
    instructor.patch(create=theirs, mode=instructor.Mode.JSON_SCHEMA)(
        messages=MESSAGES, response_model=Answer, context=context, max_retries=1, max_tokens=50)
    assert ours.requests == theirs.requests
    assert ours.requests[0]["response_format"]["json_schema"]["schema"]["properties"]["n"] == {
        "title": "N", "type": "integer"}


def test_json_mode_request_matches_too() -> None:
    context = {"article": "x", "allowed": [3]}
    ours, theirs = Scripted({"title": "t", "n": 3}), Scripted({"title": "t", "n": 3})
    structured_call(ours, mode=instructor.Mode.JSON, messages=MESSAGES, response_model=Answer, context=context,
                    max_retries=1)
    instructor.patch(create=theirs, mode=instructor.Mode.JSON)(messages=MESSAGES, response_model=Answer,
                                                               context=context, max_retries=1)
    assert ours.requests == theirs.requests


def test_article_braces_stay_text() -> None:
    create = Scripted({"title": "t", "n": 1})
    article = "Budget {{ 7 * 7 }} and {% if true %}x{% endif %} {# not a comment #}"
    structured_call(create, mode=instructor.Mode.JSON_SCHEMA, messages=MESSAGES, response_model=Answer,
                    context={"article": article, "allowed": [1]}, max_retries=1)
    assert article in create.requests[0]["messages"][1]["content"]
    assert create.requests[0]["messages"][2]["content"] == "Pick n from [1]."


def test_reasks_like_instructor() -> None:
    context = {"article": "a", "allowed": [2]}
    script = ({"title": "t", "n": 9}, {"title": "t", "n": 2})
    ours, theirs = Scripted(*script), Scripted(*script)
    out = structured_call(ours, mode=instructor.Mode.JSON_SCHEMA, messages=MESSAGES, response_model=Answer,
                          context=context, max_retries=2)
    instructor.patch(create=theirs, mode=instructor.Mode.JSON_SCHEMA)(
        messages=MESSAGES, response_model=Answer, context=context, max_retries=2)
    assert out.n == 2 and len(ours.requests) == 2
    assert "n must be one of [2]" in ours.requests[1]["messages"][-1]["content"]
    assert ours.requests == theirs.requests
    assert len(MESSAGES) == 3  # the caller's messages are not the list the re-asks grow


def test_gives_up_like_instructor() -> None:
    from instructor.core.exceptions import InstructorRetryException

    context = {"article": "a", "allowed": [2]}
    bad = ({"title": "t", "n": 9},) * 5
    ours, theirs = Scripted(*bad), Scripted(*bad)
    with pytest.raises(InstructorRetryException):
        structured_call(ours, mode=instructor.Mode.JSON_SCHEMA, messages=MESSAGES, response_model=Answer,
                        context=context, max_retries=2)
    with pytest.raises(InstructorRetryException):
        instructor.patch(create=theirs, mode=instructor.Mode.JSON_SCHEMA)(
            messages=MESSAGES, response_model=Answer, context=context, max_retries=2)
    assert len(ours.requests) == len(theirs.requests) >= 2


def test_prepared_model_is_cached_and_leaves_ours_alone() -> None:
    prepared = _prepared(Answer)
    assert _prepared(Answer) is prepared and prepared is not Answer
    first, second = prepared.model_json_schema(), prepared.model_json_schema()
    assert first == second == Answer.model_json_schema() and first is not second
    first["properties"].clear()  # a caller changing its copy changes no later request
    assert prepared.model_json_schema()["properties"]
    assert "model_json_schema" not in Answer.__dict__


def test_schema_copies_share_no_container() -> None:
    import copy

    value = {"a": [1, 2.5, {"b": None, "c": True}], "d": "x", "e": {"f": [[]]}, "g": ([1],)}
    copied = _copied(value)
    assert copied == copy.deepcopy(value)

    def containers(v):
        items = v.values() if isinstance(v, dict) else v if isinstance(v, (list, tuple)) else ()
        return [v] * isinstance(v, (dict, list)) + [c for item in items for c in containers(item)]

    assert not {id(c) for c in containers(value)} & {id(c) for c in containers(copied)}


def test_plain_requests_are_posted_as_they_are() -> None:
    base = {"model": "m", "max_tokens": 5, "temperature": 0.0, "messages": [{"role": "user", "content": "hi"}]}
    assert _plain(base)
    assert _plain({**base, "response_format": {"type": "json_object"}, "extra_body": {"repeat_penalty": 1.1}})
    assert not _plain({**base, "tools": []})  # anything else goes through the SDK's create
    assert not _plain({**base, "messages": [{"role": "user", "content": [{"type": "text", "text": "hi"}]}]})
    assert not _plain({**base, "messages": [{"role": "assistant", "content": "x", "tool_calls": []}]})
