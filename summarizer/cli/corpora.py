"""`summarizer corpora`: precision / recall / F1 of the pipeline on the author-annotated external corpora.

Exit codes: 0 done (items that failed are counted as errors and scored as empty predictions);
2 no corpora under --root or an unknown --only name; 3 bad settings; 4 the backend refused
(a wrong key or unknown model fails every item alike, so the run stops, as `eval` does).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Optional

import typer
from rich import box
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from summarizer.cli.common import err, handle_errors, model_progress, out
from summarizer.cli.options import MODEL, Shared, shared_options
from summarizer.errors import InputError
from summarizer.evals.corpora import (
    CLEANING,
    CORPORA,
    SYSTEMS,
    CorpusRun,
    corpus_path,
    run_corpora,
    to_json,
)
from summarizer.evals.splits import checked_split

DEFAULT_ROOT = Path("../shared/corpora")
_TITLES = {"wikievents": "WikiEvents", "polnear": "PolNeAR", "newsquant": "NewsQuant", CLEANING: "article-extraction"}


def corpora_table(runs: list[CorpusRun], title: str) -> Table:
    """One row per corpus and system; the systems of a corpus side by side in one section."""
    table = Table(title=escape(title), title_justify="left", box=box.SIMPLE_HEAD)
    for head, justify in (("corpus", "left"), ("scored", "left"), ("items", "left"), ("system", "left"),
                          ("pred", "right"), ("gold", "right"), ("P", "right"), ("R", "right"), ("F1", "right"),
                          ("errors", "left"), ("s", "right")):
        table.add_column(head, justify=justify, no_wrap=head in ("corpus", "system"))  # type: ignore[arg-type]
    for run in runs:
        if run.skipped:
            continue
        for i, s in enumerate(run.scores):
            errors = ", ".join(f"{k} {v}" for k, v in s.errors.items()) or "0"
            table.add_row(_TITLES.get(run.corpus, run.corpus) if i == 0 else "", run.scored if i == 0 else "",
                          f"{run.items} {run.unit}" if i == 0 else "", s.system,
                          str(s.counts.pred_total) if s.counts else "—", str(s.counts.gold_total) if s.counts else "—",
                          f"{s.precision:.3f}", f"{s.recall:.3f}", _f1_cell(s.f1, s.f1_interval), escape(errors),
                          f"{s.seconds:.1f}")
        table.add_section()
    return table


def _f1_cell(f1: float, ci: tuple[float, float] | None) -> str:
    return f"{f1:.3f} [{ci[0]:.3f}, {ci[1]:.3f}]" if ci else f"{f1:.3f}"


@handle_errors
@shared_options({"root": MODEL})
def corpora_command(
    root: Path = typer.Option(DEFAULT_ROOT, "--root", help="Directory holding wikievents/, polnear/, newsquant/ "
                              "and article-extraction-benchmark/ (relative to the current directory)."),
    baseline: bool = typer.Option(False, "--baseline", help="Also run the naive baseline (one call on the raw "
                                  "text, no cleaning, candidates or grounding) with the same backend."),
    limit: Optional[int] = typer.Option(None, "--limit", min=1, help="Only the first N items of each corpus "
                                        "(documents, sentences, pages): the scores are then on a subset."),
    only: list[str] = typer.Option([], "--only", help=f"Only this corpus ({', '.join(CORPORA)}); repeatable."),
    json_path: Optional[Path] = typer.Option(None, "--json", help="Write the scores as JSON here."),
    split: str = typer.Option("all", "--split", help="tune | check | all: a fixed half of each corpus by a stable "
                              "hash of the item id. Develop on tune; report check."),
    *,
    shared: Shared,
) -> None:
    """Score the pipeline (and --baseline, the naive baseline) on WikiEvents, PolNeAR, NewsQuant and
    the article-extraction benchmark: precision, recall and F1 per corpus.

    Example: summarizer corpora --only polnear --limit 5
    """
    chosen_split = checked_split(split)
    unknown = [name for name in only if name not in CORPORA]
    if unknown:
        raise InputError(f"--only: no corpus named {', '.join(unknown)}; corpora: {', '.join(CORPORA)}")
    chosen = [name for name in CORPORA if not only or name in only]
    if not root.is_dir():
        raise InputError(f"--root {root}: no such directory; point it at the corpora (../shared/corpora "
                         "from the repository root)")
    # Scores come from fresh calls: never the summary cache, never the run log.
    settings = shared.load(no_cache=True, no_log=True)
    llm = [name for name in chosen if name != CLEANING and corpus_path(root, name).exists()]
    made = None
    if llm:
        from summarizer.backends import make_backend

        with model_progress() as progress:
            made = make_backend(settings, progress)
    systems = list(SYSTEMS) if baseline else ["pipeline"]
    bar = Progress(TextColumn("{task.description:<40}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                   console=err, transient=True)
    task: list[Any] = []

    def on_start(label: str, total: int) -> None:
        if task:
            bar.remove_task(task.pop())
        task.append(bar.add_task(label, total=total))

    def on_item() -> None:
        bar.advance(task[-1])

    with bar:
        runs = run_corpora(root, made, settings, corpora=chosen, systems=systems, limit=limit,
                           on_start=on_start, on_item=on_item, split=chosen_split)
    for run in runs:
        title = _TITLES.get(run.corpus, run.corpus)
        if run.skipped:
            err.print(f"{title}: {escape(run.note or 'skipped')}", highlight=False, soft_wrap=True)
        for score in run.scores:
            for failure in score.failures[:3]:  # all of them are in --json
                err.print(f"[yellow]{title} {score.system} {escape(failure['item'])}:[/] "
                          f"{escape(failure['type'])}: {escape(failure['message'][:160])}", highlight=False,
                          soft_wrap=True)
    label = f"{made.name}/{made.model}" if made else "no LLM"
    # Logs and pipes get a wide table rather than rich's default of 80 squashed columns.
    console = out if out.is_terminal else Console(width=160)
    console.print(corpora_table(runs, f"external corpora · split {chosen_split} · {label} · micro P/R/F1 over "
                                      "items, F1 with a bootstrap 95% interval"
                                  + (f" · --limit {limit}: a subset" if limit else "")))
    for run in runs:
        if run.scores and run.note:
            out.print(f"{_TITLES.get(run.corpus, run.corpus)}: {escape(run.note)}", highlight=False, soft_wrap=True)
    if made is not None and made.name == "fake":
        out.print("note: with --backend fake, participants, positions, figures and dates come from code exactly "
                  "as in the real pipeline (the model only writes prose); the fake naive baseline emits no "
                  "positions or figures.", highlight=False, soft_wrap=True)
    if json_path:
        report = to_json(runs, root=str(root), backend=made.name if made else None,
                         model=made.model if made else None, systems=systems, limit=limit, split=chosen_split)
        json_path.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
