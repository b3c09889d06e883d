"""`summarizer eval`: run the gold suite (or re-score a stored run), report, and gate regressions.

Exit codes: 0 done (articles that failed are scored as errors, not a crash); 8 the gate failed
(--check) or --update-baseline would lower a floor; 2 unreadable gold, unknown --only id or run
directory; 3 bad settings, options or baseline file; 4/5 the backend refused (as for summarize).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from summarizer.backends import make_backend
from summarizer.cli.common import err, handle_errors, model_progress, out
from summarizer.cli.options import MODEL, Shared, shared_options
from summarizer.config import Settings
from summarizer.errors import ConfigError, InputError
from summarizer.evals import gate
from summarizer.evals.compare import compare_runs, comparison_table
from summarizer.evals.errors_report import errors_lines, to_csv
from summarizer.evals.gold import Gold, GoldError, load_suite
from summarizer.evals.report import article_table, summary_table, to_html, to_json
from summarizer.evals.results import EvalResult, score_run
from summarizer.evals.run import (
    SYSTEMS,
    Record,
    RunInfo,
    gold_sha256,
    load_run,
    new_run_dir,
    run_suite,
)
from summarizer.evals.splits import checked_split, select


def _subset(golds: list[Gold], only: list[str], limit: int | None) -> list[Gold]:
    if only:
        known = {g.id for g in golds}
        unknown = [i for i in only if i not in known]
        if unknown:
            raise InputError(f"--only: no gold with id {', '.join(unknown)}; ids: {', '.join(sorted(known))}")
        golds = [g for g in golds if g.id in only]
    return golds[:limit] if limit else golds


def _run(golds: list[Gold], systems: list[str], suite_dir: Path, gold_sha: str, full: bool, settings: Settings,
         runs_dir: Optional[Path], split: str) -> tuple[RunInfo, dict[str, dict[str, Record]], Path]:
    """Call the model on every article for every system, with a progress bar on stderr."""
    run_dir = runs_dir or new_run_dir(suite_dir.parent / "runs", settings.backend)
    if run_dir.exists() and any(run_dir.iterdir()):
        raise ConfigError(f"--runs-dir {run_dir} is not empty; runs are never mixed")
    with model_progress() as progress:
        backend = make_backend(settings, progress)
    info = RunInfo(str(suite_dir), gold_sha, [g.id for g in golds], full, systems, backend.name, backend.model,
                   options=settings.output_options(), split=split)
    bar = Progress(TextColumn("{task.description:<48}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                   TimeRemainingColumn(), console=err, transient=True)
    task = bar.add_task("starting", total=len(golds) * len(systems))

    def done(record: Record) -> None:
        if record.error:
            bar.console.print(f"[yellow]{record.system}/{record.id}:[/] {escape(record.error['type'])}: "
                              f"{escape(record.error['message'][:160])}", highlight=False, soft_wrap=True)
        bar.update(task, advance=1)

    try:
        with bar:
            records = run_suite(golds, info, backend, settings, run_dir, on_record=done,
                                on_start=lambda system, id_: bar.update(task, description=f"{system} {id_}"))
    except KeyboardInterrupt:
        err.print(f"interrupted; the articles done so far are in {run_dir} (--rescore scores the rest as Missing)",
                  highlight=False)
        raise
    err.print(f"predictions stored in {run_dir}", highlight=False)
    return info, records, run_dir


def _rescore(run_dir: Path, golds_all: list[Gold], gold_sha: str, only: list[str], limit: int | None
             ) -> tuple[RunInfo, dict[str, dict[str, Record]], list[Gold], bool]:
    try:
        info, records = load_run(run_dir)
    except ValueError as exc:
        raise InputError(str(exc)) from None
    by_id = {g.id: g for g in golds_all}
    gone = [i for i in info.ids if i not in by_id]
    if gone:
        err.print(f"warning: no gold any more for {', '.join(gone)}; not scored", highlight=False)
    golds = _subset([by_id[i] for i in info.ids if i in by_id], only, limit)
    if info.gold_sha256 != gold_sha:
        err.print("note: the gold changed since this run; scoring against today's gold", highlight=False)
    full = info.full_suite and [g.id for g in golds] == [g.id for g in golds_all]
    info.ids = [g.id for g in golds]
    return info, records, golds, full


def _gate(result: EvalResult, gold_sha: str, baseline: gate.Baseline, baseline_file: Path, check: bool,
          update: bool, allow_regression: bool) -> gate.GateResult | None:
    key, metrics = result.info.key("pipeline"), result.results["pipeline"].metrics
    verdict = None
    if check:
        verdict = gate.check(baseline, key, metrics, gold_sha)
        if verdict.rows:
            out.print(gate.gate_table(verdict))
        for line in verdict.notes + verdict.failures:
            err.print(f"gate: {escape(line)}", highlight=False, soft_wrap=True)
        if not verdict.passed:
            return verdict  # never write floors from a run that failed the gate
    if update:
        new, lowered = gate.update(baseline, key, metrics, gold_sha, run=str(result.run_dir),
                                   allow_regression=allow_regression)
        new.save(baseline_file)
        err.print(f"floors for {key} written to {baseline_file}"
                  + escape(f"; lowered: {'; '.join(lowered)}" if lowered else ""), highlight=False, soft_wrap=True)
    return verdict


@handle_errors
@shared_options({"suite_dir": MODEL})
def eval_command(
    suite_dir: Path = typer.Argument(Path("evals/gold"), help="Directory of gold *.yaml files."),
    baseline: bool = typer.Option(False, "--baseline", help="Also run the naive baseline (one call, no "
                                  "cleaning or grounding) on the same articles and backend."),
    limit: Optional[int] = typer.Option(None, "--limit", min=1, help="Only the first N articles (by id)."),
    only: list[str] = typer.Option([], "--only", help="Only this article id; repeatable."),
    json_path: Optional[Path] = typer.Option(None, "--json", help="Write the JSON report here."),
    html_path: Optional[Path] = typer.Option(None, "--html", help="Write the self-contained HTML report here."),
    per_article: bool = typer.Option(False, "--per-article", help="Also print one row per article."),
    runs_dir: Optional[Path] = typer.Option(None, "--runs-dir", help="Store predictions here. Default: "
                                            "<suite>/../runs/<UTC time>-<backend>."),
    rescore: Optional[Path] = typer.Option(None, "--rescore", help="Re-score a stored run; no LLM calls."),
    check: bool = typer.Option(False, "--check", help="Exit 8 if a metric is more than the margin below its floor."),
    update_baseline: bool = typer.Option(False, "--update-baseline", help="Write floors from this run."),
    allow_regression: bool = typer.Option(False, "--allow-regression", help="Let --update-baseline lower floors."),
    baseline_file: Optional[Path] = typer.Option(None, "--baseline-file", help="Floors file. Default: "
                                                 "<suite>/../baseline.json (evals/baseline.json)."),
    split: str = typer.Option("all", "--split", help="tune | check | all: a fixed half of the suite by a stable "
                              "hash of the article id. Develop on tune; report check."),
    errors: bool = typer.Option(False, "--errors", help="List every missed gold item and unmatched prediction."),
    csv_path: Optional[Path] = typer.Option(None, "--csv", help="Write the per-article table as CSV here."),
    compare: Optional[tuple[Path, Path]] = typer.Option(None, "--compare", metavar="RUN_A RUN_B",
                                                        help="Score two stored runs side by side (Δ with a paired "
                                                        "bootstrap 95% interval); no LLM calls."),
    *,
    shared: Shared,
) -> None:
    """Score the pipeline (and --baseline, the naive baseline) on the gold suite; gate regressions.

    Example: summarizer eval --baseline --html evals/report.html
    """
    chosen_split = checked_split(split)
    try:
        golds_all = load_suite(suite_dir)
    except GoldError as exc:
        raise InputError(str(exc)) from None
    gold_sha = gold_sha256(golds_all, suite_dir)
    if compare is not None:
        _compare(golds_all, compare, select(golds_all, chosen_split, lambda g: g.id), csv_path)
        return
    golds_all = select(golds_all, chosen_split, lambda g: g.id)
    baseline_file = baseline_file or suite_dir.parent / "baseline.json"
    if rescore is not None:
        if shared.any_given() or baseline or runs_dir:
            raise ConfigError("--rescore re-scores stored predictions with no LLM calls; drop --backend, --model, "
                              "--base-url, --model-path, --baseline and --runs-dir")
        info, records, golds, full = _rescore(rescore, golds_all, gold_sha, only, limit)
        run_dir, settings = rescore, Settings.load()
    else:
        golds = _subset(golds_all, only, limit)
        full = len(golds) == len(golds_all)
        # Scores come from fresh calls: never the summary cache, never the run log.
        settings = shared.load(no_cache=True, no_log=True)
    full = full and chosen_split == "all"
    if (check or update_baseline) and not full:
        raise ConfigError("--check and --update-baseline compare with floors set on the whole suite; "
                          "drop --limit/--only (or re-score a full run)")
    floors = gate.Baseline.load(baseline_file) if check or update_baseline else None  # fail before a long run
    if rescore is None:
        systems = list(SYSTEMS) if baseline else ["pipeline"]
        info, records, run_dir = _run(golds, systems, suite_dir, gold_sha, full, settings, runs_dir, chosen_split)
    info.split = chosen_split
    result = score_run(golds, info, records, settings, run_dir)
    for warning in result.warnings:
        err.print(f"warning: {escape(warning)}", highlight=False, soft_wrap=True)
    out.print(summary_table(result))
    if per_article:
        # Logs and pipes get a wide table rather than rich's default of 80 squashed columns.
        (out if out.is_terminal else Console(width=150)).print(article_table(result))
    verdict = None
    if floors is not None:
        verdict = _gate(result, gold_sha, floors, baseline_file, check, update_baseline, allow_regression)
    if errors:
        for line in errors_lines(result):
            out.print(line, highlight=False, soft_wrap=True)
    if csv_path:
        csv_path.write_text(to_csv(result), encoding="utf-8")
    _write_reports(result, verdict, json_path, html_path)
    if verdict is not None and not verdict.passed:
        raise gate.GateError(f"regression gate failed for {verdict.key} ({len(verdict.failures)} problem(s) above)")


def _compare(golds: list[Gold], runs: tuple[Path, Path], picked: list[Gold], csv_path: Optional[Path]) -> None:
    """`--compare RUN_A RUN_B`: both runs re-scored on their shared articles of the chosen split."""
    comparison = compare_runs(picked or golds, runs[0], runs[1], Settings.load())
    out.print(comparison_table(comparison))
    out.print("* the 95% interval of Δ excludes 0: a real difference on articles like these", highlight=False)
    if csv_path:
        rows_a = to_csv(comparison.a).splitlines()
        rows_b = to_csv(comparison.b).splitlines()[1:]
        lines = ["run," + rows_a[0]] + [f"A,{r}" for r in rows_a[1:]] + [f"B,{r}" for r in rows_b]
        csv_path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _write_reports(result: EvalResult, verdict: gate.GateResult | None, json_path: Optional[Path],
                   html_path: Optional[Path]) -> None:
    gate_dict = verdict.to_dict() if verdict else None
    if json_path:
        report = to_json(result, gate_dict)
        json_path.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    if html_path:
        html_path.write_text(to_html(result, gate_dict), encoding="utf-8")
