import dataclasses
from pathlib import Path

import pytest

from summarizer.config import Settings, env_table
from summarizer.errors import ConfigError


@pytest.mark.parametrize(
    "env, explicit, field, expected",
    [
        ({}, {}, "backend", "local"),
        ({"SUMMARIZER_BACKEND": "fake"}, {}, "backend", "fake"),
        ({"SUMMARIZER_BACKEND": "fake"}, {"backend": "openai"}, "backend", "openai"),
        ({"SUMMARIZER_BACKEND": "fake"}, {"backend": None}, "backend", "fake"),
        ({"SUMMARIZER_MAX_REASKS": "5"}, {}, "max_reasks", 5),
        ({"SUMMARIZER_CACHE": "0"}, {}, "cache", False),
        ({"SUMMARIZER_CACHE": "yes"}, {}, "cache", True),
        ({"SUMMARIZER_MODEL_PATH": "/x/y.gguf"}, {}, "model_path", Path("/x/y.gguf")),
        ({"OPENAI_API_KEY": "sk-abc"}, {}, "api_key", "sk-abc"),
        ({"OPENAI_API_KEY": "sk-abc", "SUMMARIZER_API_KEY": "sk-own"}, {}, "api_key", "sk-own"),
        ({"OPENAI_BASE_URL": "http://127.0.0.1:9/v1"}, {}, "base_url", "http://127.0.0.1:9/v1"),
    ],
)
def test_precedence_explicit_then_env_then_default(env, explicit, field, expected):
    assert getattr(Settings.load(env=env, **explicit), field) == expected


@pytest.mark.parametrize(
    "env, explicit, fragment",
    [
        ({}, {"backend": "gemini"}, "--backend"),
        ({"SUMMARIZER_BACKEND": "nope"}, {}, "SUMMARIZER_BACKEND"),
        ({"SUMMARIZER_MAX_TOKENS": "many"}, {}, "SUMMARIZER_MAX_TOKENS"),
        ({}, {"response_format": "xml"}, "--response-format"),
    ],
)
def test_bad_settings_name_the_fix(env, explicit, fragment):
    with pytest.raises(ConfigError) as info:
        Settings.load(env=env, **explicit)
    assert fragment in info.value.message


def test_api_key_is_not_in_repr():
    assert "sk-secret" not in repr(Settings.load(env={"OPENAI_API_KEY": "sk-secret"}))


def test_database_defaults_into_cache_dir(tmp_path):
    assert Settings.load(env={}, cache_dir=tmp_path).database == tmp_path / "summarizer.db"


def test_threads_default_to_physical_cores():
    assert Settings.load(env={}).threads >= 1
    assert Settings.load(env={}, n_threads=3).threads == 3


def test_readme_configuration_table_is_rendered_from_settings():
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Configuration\n", 1)[1].split("\n## ", 1)[0]
    table = [line for line in section.splitlines() if line.startswith("|")]
    assert "\n".join(table) + "\n" == env_table(), "README's table is stale: paste summarizer.config.env_table()"


def test_every_setting_has_a_one_line_doc():
    for f in dataclasses.fields(Settings):
        doc = f.metadata.get("doc", "")
        assert doc and "\n" not in doc and "|" not in doc, f.name
