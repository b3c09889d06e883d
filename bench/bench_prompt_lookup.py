"""Prompt-lookup decoding on the local model: the pipeline with and without it, side by side.

    python bench/bench_prompt_lookup.py [--article PATH] [--rounds 3] [--draft-tokens 10]

llama-cpp-python's `LlamaPromptLookupDecoding` drafts the next tokens by finding the last few
generated tokens earlier in the prompt and proposing what followed them there; llama.cpp then
checks the whole draft in one batch. It pays when the answer copies the prompt. The pipeline's
answer is short prose (headline, summary, event line), so this measures whether it pays there.
Runs alternate (off, on, off, on, ...) on one loaded model, so load on the machine hits both
alike; every run starts from the same warm system prefix. Prints the seconds of each run, the
medians, their ratio, and whether the answers were identical (they must be: temperature 0).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from llama_cpp import Llama  # noqa: E402
from llama_cpp.llama_speculative import LlamaPromptLookupDecoding  # noqa: E402

from summarizer.backends.local import LocalBackend  # noqa: E402
from summarizer.config import Settings  # noqa: E402
from summarizer.errors import SummarizerError  # noqa: E402
from summarizer.pipeline import summarize  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--article", type=Path, default=ROOT / "examples" / "xi-putin-call.txt")
    parser.add_argument("--warmup-article", type=Path,
                        default=ROOT / "evals" / "articles" / "aeb-emirates-boeing-order.txt")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--draft-tokens", type=int, default=10)
    args = parser.parse_args()
    settings = Settings.load(cache=False, log=False)
    backends = {"off": LocalBackend(settings), "on": LocalBackend(settings)}
    plain = backends["off"].llama
    # A draft model needs the logits of every position (llama-cpp-python sets logits_all for it
    # at construction; setting `draft_model` later aborts in llama.cpp's sampler), so the
    # prompt-lookup side is a second instance of the same file with the same shape.
    backends["on"]._llama = Llama(
        model_path=str(backends["on"].path), n_ctx=plain.n_ctx(), n_threads=settings.threads,
        n_threads_batch=settings.threads, n_batch=512, verbose=False,
        draft_model=LlamaPromptLookupDecoding(num_pred_tokens=args.draft_tokens),
    )
    seconds: dict[str, list[float]] = {"off": [], "on": []}
    answers: dict[str, set[str]] = {"off": set(), "on": set()}
    tokens = None
    for _ in range(args.rounds):
        for mode, backend in backends.items():
            try:
                summarize(args.warmup_article, settings=settings, backend=backend)  # the same warm prefix
                started = time.perf_counter()
                summary = summarize(args.article, settings=settings, backend=backend)
            except SummarizerError as exc:
                # Measured 2026-12-01 with llama-cpp-python 0.3.36: every prompt-lookup call fails
                # here ("could not broadcast input array from shape (N,) into shape (0,)"), and
                # setting `draft_model` on a loaded model aborts the process in llama.cpp's sampler.
                raise SystemExit(f"prompt lookup {mode}: the call fails: {exc}") from None
            seconds[mode].append(time.perf_counter() - started)
            answers[mode].add(summary.headline + "|" + summary.summary + "|" + summary.event.description)
            tokens = summary.meta.tokens
    backends["on"]._llama.close()
    print(f"article {args.article.name}, {args.rounds} rounds, draft {args.draft_tokens} tokens, "
          f"tokens {tokens.prompt}+{tokens.completion}" if tokens else "")
    for mode in ("off", "on"):
        print(f"prompt lookup {mode:3}  " + "  ".join(f"{s:5.1f}" for s in seconds[mode])
              + f"   median {statistics.median(seconds[mode]):5.1f} s")
    ratio = statistics.median(seconds["on"]) / statistics.median(seconds["off"])
    print(f"ratio on/off (medians) = {ratio:.2f}   (below 1.00: prompt lookup helps)")
    print(f"identical answers: {answers['on'] == answers['off'] and len(answers['off']) == 1}")


if __name__ == "__main__":
    main()
