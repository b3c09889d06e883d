"""How the spaCy pipeline multiplies its matrices: numpy's OpenBLAS on one thread, not blis.

    numpy_ops(nlp)     -> nlp, its layers computing with numpy, not blis
    one_blas_thread()  -> context: OpenBLAS (numpy's BLAS) on one thread while it is open

spaCy's CPU models (thinc `NumpyOps`) call blis for every dense layer, and the matrix products are
most of a parse: the NER alone (its own tok2vec, then the transition model) is half of it. On this
machine's CPU (AMD EPYC, AVX-512) the blis kernels are about 3x slower than the OpenBLAS that numpy
ships: a (80 x 288) x (288 x 288) product, the NER's maxout layer on a short batch, took 500 us of
CPU through blis against 160 us through numpy. Measured on whole parses (`en_core_web_sm` 3.8.0,
two interleaved runs each, CPU ms):

                                          blis (before)   numpy, 1 thread   numpy, 2 threads
    short texts in batches of 4, per text   4.2 - 5.0        3.5 - 3.7          6.5 - 6.9
    the 33 gold articles, per article       120 - 130        97 - 104          171 - 200

OpenBLAS's own threads (one per core by default) cost twice the CPU for the same wall time on
matrices this small, and would compete with the local model's threads and the batch runner's, so
OpenBLAS runs on one thread while a batch parses, and on its own count again after (only one batch
parses at a time: parse.Batcher). The count is set with `openblas_set_num_threads_local`, which in
numpy's pthreads build sets the count of the process without waking OpenBLAS's helper threads, and
costs a few microseconds. threadpoolctl's `set_num_threads` (`openblas_set_num_threads`) did wake
them when restoring the count after each batch, and they spun: the parse's CPU doubled in worker
threads (find_candidates from 1, 8 and 32 threads: 11.6, 8.6, 8.8 CPU ms per short text, against
8.5, 5.2, 5.5 this way and 10.2-10.4, 6.6-6.9, 6.8 with blis). Without such an OpenBLAS (another
BLAS, an older one) the parse runs with that BLAS's own threads. The Docs are the same: every
token's text, tag, POS, dependency, head, lemma, morphology, entity and sentence start agreed on 528
texts (1.2 M characters: the gold articles and the WikiEvents, NewsQuant and PolNeAR development
texts).
"""

from __future__ import annotations

import ctypes
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

__all__ = ["numpy_ops", "one_blas_thread"]

_LOCK = threading.Lock()
_SETTERS: list[Any] | None = None  # openblas_set_num_threads_local of each loaded OpenBLAS, found once


def numpy_ops(nlp: Any) -> Any:
    """`nlp` with every layer of every component on thinc's NumpyOps without blis (the layers keep
    the ops they were built with, and a few are built after the config's, so each is set)."""
    from thinc.api import NumpyOps

    ops = NumpyOps(use_blis=False)
    for _, component in nlp.components:
        model: Any = getattr(component, "model", None)
        for node in model.walk() if hasattr(model, "walk") else ():
            node.ops = ops
    return nlp


def _local_setters() -> list[Any]:
    """Each loaded OpenBLAS's `openblas_set_num_threads_local` (OpenBLAS 0.3.27 and later): it sets
    the thread count and returns the one it replaces."""
    global _SETTERS
    with _LOCK:
        if _SETTERS is None:
            import numpy  # noqa: F401 - loads its OpenBLAS, for threadpoolctl to find
            from threadpoolctl import ThreadpoolController

            libraries = [lib for lib in ThreadpoolController().select(user_api="blas").lib_controllers
                         if lib.internal_api == "openblas"]
            _SETTERS = []
            for lib in libraries:
                setter = getattr(lib.dynlib, "openblas_set_num_threads_local", None)
                if setter is not None:
                    setter.argtypes, setter.restype = [ctypes.c_int], ctypes.c_int
                    _SETTERS.append(setter)
        return _SETTERS


@contextmanager
def one_blas_thread() -> Iterator[None]:
    """OpenBLAS on one thread inside, its own count again after (also when the parse raises)."""
    setters = _local_setters()
    saved = [setter(1) for setter in setters]
    try:
        yield
    finally:
        for setter, count in zip(setters, saved, strict=True):
            setter(count)
