"""The CLI: one clear line and a distinct exit code for every bad input, clean JSON on stdout."""

import inspect
import json
import subprocess
import sys
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from summarizer.cli import app, options
from summarizer.cli.options import CALLS, MODEL, STORE, Shared, settings_args, shared_options
from summarizer.config import Settings
from summarizer.schema import ArticleSummary

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "xi-putin-call.txt"


@pytest.fixture
def env(tmp_path, monkeypatch):
    for key in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "SUMMARIZER_BACKEND", "SUMMARIZER_MODEL_PATH"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("SUMMARIZER_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path


def run(*args, input=None):
    return CliRunner().invoke(app, list(args), input=input)


def test_summarize_prints_schema_valid_json_on_stdout(env):
    result = run("summarize", str(EXAMPLE), "--backend", "fake")
    assert result.exit_code == 0, result.output
    summary = ArticleSummary.model_validate_json(result.stdout)
    assert summary.meta.backend == "fake" and summary.participants


@pytest.mark.parametrize("fmt, marker", [("markdown", "## Participants"), ("table", "Participants")])
def test_human_formats(env, fmt, marker):
    result = run("summarize", str(EXAMPLE), "--backend", "fake", "--format", fmt)
    assert result.exit_code == 0 and marker in result.stdout


def test_stdin_input(env):
    result = run("summarize", "-", "--backend", "fake", input=EXAMPLE.read_text())
    assert result.exit_code == 0
    assert json.loads(result.stdout)["headline"]


def test_second_run_is_cached(env):
    run("summarize", str(EXAMPLE), "--backend", "fake")
    result = run("summarize", str(EXAMPLE), "--backend", "fake")
    assert json.loads(result.stdout)["meta"]["cached"] is True


def _bad_files(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "blank.txt").write_text("  \n\n\t ")
    (tmp_path / "binary.bin").write_bytes(bytes(range(256)) * 20)
    (tmp_path / "model.gguf").write_bytes(b"not a model")
    return tmp_path


@pytest.mark.parametrize(
    "args, code, fragment",
    [
        (["summarize", "missing.txt", "--backend", "fake"], 2, "missing.txt"),
        (["summarize", "empty.txt", "--backend", "fake"], 2, "empty"),
        (["summarize", "blank.txt", "--backend", "fake"], 2, "empty"),
        (["summarize", "binary.bin", "--backend", "fake"], 2, "binary"),
        (["summarize", str(EXAMPLE), "--backend", "gemini"], 3, "--backend"),
        (["summarize", str(EXAMPLE), "--backend", "openai"], 3, "OPENAI_API_KEY"),
        (["summarize", str(EXAMPLE), "--model-path", "model.gguf"], 3, "--model-path"),
        (["summarize", str(EXAMPLE), "--model-path", "nope.gguf"], 3, "--model-path"),
        (["summarize", str(EXAMPLE), "--backend", "openai", "--base-url", "http://127.0.0.1:9/v1",
          "--timeout", "1"], 5, "--base-url"),
        (["summarize", str(EXAMPLE), "--backend", "fake", "--format", "xml"], 2, "--format"),
        (["summarize", str(EXAMPLE), "--backend", "fake", "--published", "9 Feb"], 2, "--published"),
    ],
)
def test_bad_input_gets_one_clear_line_and_exit_code(env, monkeypatch, args, code, fragment):
    monkeypatch.chdir(_bad_files(env))
    monkeypatch.setenv("SUMMARIZER_TRANSPORT_RETRIES", "0")
    result = run(*args)
    assert result.exit_code == code, result.output
    # Ours say "error: ..."; a value outside a flag's choices is the parser's "Error: Invalid value ...".
    lines = [line for line in result.stderr.splitlines() if line.lower().startswith("error:")]
    assert len(lines) >= 1 and fragment in result.stderr.replace("\n", " ")
    assert "Traceback" not in result.output


def test_clean_command(env):
    result = run("clean", str(EXAMPLE))
    assert result.exit_code == 0
    assert "Sign up now" not in result.stdout and "as they ramp up ties" in result.stdout
    meta = json.loads(run("clean", str(EXAMPLE), "--json").stdout)
    assert meta["text"] and "language" in meta


def test_schema_command():
    schema = json.loads(run("schema").stdout)
    assert {"headline", "participants", "figures"} <= set(schema["properties"])


def test_model_command_reports_without_assembling(env):
    result = run("model")
    assert result.exit_code == 0 and "SUMMARIZER_MODEL_PATH" in result.stdout and "22/22" in result.stdout


def test_cache_and_logs_commands(env):
    run("summarize", str(EXAMPLE), "--backend", "fake")
    assert json.loads(run("cache", "stats").stdout)["entries"] == 1
    listing = run("logs")
    assert listing.exit_code == 0 and "fake" in listing.stdout
    shown = json.loads(run("logs", "show", "1").stdout)
    assert shown["attempt_log"][0]["messages"]
    assert run("logs", "show", "999").exit_code == 2
    assert run("cache", "clear").exit_code == 0
    assert json.loads(run("cache", "stats").stdout)["entries"] == 0


def test_python_dash_m_is_the_same_command(env):
    proc = subprocess.run([sys.executable, "-m", "summarizer", "schema"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0 and json.loads(proc.stdout)["title"] == "ArticleSummary"


def test_shared_options_are_declared_once():
    shared = {name: opt for name, opt in vars(options).items() if name.endswith("Opt")}
    flags = {decl: name for name, opt in shared.items() for decl in opt.param_decls}
    uses = 0
    for command in app.registered_commands:
        for param in inspect.signature(command.callback).parameters.values():
            decls = getattr(param.default, "param_decls", None) or ()
            for decl in set(decls) & set(flags):
                assert param.default is shared[flags[decl]], f"{command.callback.__name__} redeclares {decl}"
                uses += 1
    assert uses > len(shared)


def _flags(command: str) -> list[str]:
    """The option flags of a command's signature, in the order --help lists them."""
    callback = next(c.callback for c in app.registered_commands if (c.name or c.callback.__name__) == command)
    return [p.default.param_decls[0] for p in inspect.signature(callback).parameters.values()
            if getattr(p.default, "param_decls", None)]


@pytest.mark.parametrize("command, before, group", [
    ("summarize", "--include-text", MODEL),
    ("summarize", "--html", CALLS + STORE),
    ("clean", "--html", ("max_bytes",)),
    ("batch", "--engine", MODEL + CALLS + STORE),
    ("serve", "--port", MODEL + ("response_format", "max_tokens", "timeout")),
    ("serve", "--cors-origin", STORE),
    ("eval", None, MODEL),  # after eval's argument: its first options
    ("corpora", "--root", MODEL),
])
def test_shared_groups_follow_the_option_they_are_placed_after(command, before, group):
    flags = _flags(command)
    expected = ["--" + name.replace("_", "-") for name in group]
    start = flags.index(before) + 1 if before else 0
    assert flags[start:start + len(expected)] == expected


@pytest.mark.parametrize("argv, given", [
    ([], {"backend": None, "timeout": None, "no_cache": False}),
    (["--backend", "fake", "--timeout", "2.5", "--no-cache"], {"backend": "fake", "timeout": 2.5, "no_cache": True}),
])
def test_shared_options_reach_the_command_as_one_shared(argv, given):
    seen: list[Shared] = []

    @shared_options({"name": ("backend", "timeout", "no_cache")})
    def command(name: str = typer.Option("x", "--name"), *, shared: Shared) -> None:
        seen.append(shared)

    probe = typer.Typer()
    probe.command()(command)
    probe.command("other")(lambda: None)  # two commands: the name is a subcommand, as in the real app
    result = CliRunner().invoke(probe, ["command", *argv])
    assert result.exit_code == 0, result.output
    assert seen == [Shared(given)]
    assert seen[0].any_given() is (given["backend"] is not None)


def test_shared_options_refuse_a_parameter_the_command_lacks():
    with pytest.raises(TypeError, match="no parameter nope"):
        shared_options({"nope": MODEL})(lambda *, shared: None)


def test_settings_args_turn_options_into_settings():
    assert Settings.load(env={}, **settings_args()) == Settings.load(env={})
    settings = Settings.load(env={"SUMMARIZER_MAX_TOKENS": "900"},
                             **settings_args(timeout=5.0, max_bytes=10, no_cache=True, no_log=True))
    assert (settings.timeout_s, settings.max_bytes, settings.max_tokens) == (5.0, 10, 900)
    assert settings.cache is False and settings.log is False
    assert Settings.load(env={"SUMMARIZER_CACHE": "0"}, **settings_args(no_cache=False)).cache is False
