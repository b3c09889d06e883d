"""The parse's matrix products (candidates/gemm.py): numpy without blis, and one BLAS thread per batch."""

from __future__ import annotations

import numpy as np
import pytest

from summarizer.candidates.gemm import _local_setters, numpy_ops, one_blas_thread
from summarizer.candidates.parse import load_pipeline, parse


def _local_count() -> int:
    """OpenBLAS's thread count (the setter returns the count it replaces)."""
    setter = _local_setters()[0]
    count = setter(1)
    setter(count)
    return int(count)


def test_the_loaded_pipeline_computes_without_blis() -> None:
    nlp = load_pipeline()
    for name in ("tok2vec", "ner", "parser", "tagger"):
        assert all(getattr(node.ops, "use_blis", None) is False for node in nlp.get_pipe(name).model.walk()), name


def test_numpy_ships_an_openblas_with_thread_local_counts() -> None:
    assert len(_local_setters()) == 1


def test_one_blas_thread_inside_and_the_count_restored_after() -> None:
    _local_setters()[0](3)
    with one_blas_thread():
        assert _local_count() == 1
    assert _local_count() == 3


def test_the_count_is_restored_when_the_parse_raises() -> None:
    _local_setters()[0](2)
    with pytest.raises(ValueError), one_blas_thread():
        raise ValueError("a parse that fails")
    assert _local_count() == 2


def test_numpy_ops_sets_every_layer_of_a_new_pipeline() -> None:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("ner")
    nlp.initialize()
    assert any(getattr(node.ops, "use_blis", None) is not False for node in nlp.get_pipe("ner").model.walk())
    assert numpy_ops(nlp) is nlp
    assert all(getattr(node.ops, "use_blis", None) is False for node in nlp.get_pipe("ner").model.walk())


def test_numpy_products_equal_blis_products() -> None:
    from thinc.api import NumpyOps

    rng = np.random.default_rng(0)
    a, b = rng.random((80, 288), dtype=np.float32), rng.random((288, 96), dtype=np.float32)
    np.testing.assert_allclose(NumpyOps(use_blis=False).gemm(a, b), NumpyOps(use_blis=True).gemm(a, b), rtol=1e-5)


def test_a_parse_is_unchanged_and_leaves_the_blas_threads_alone() -> None:
    _local_setters()[0](2)
    doc = parse("Kremlin aide Yuri Ushakov said the two leaders would meet in March.")
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Kremlin", "ORG"), ("Yuri Ushakov", "PERSON"), ("two", "CARDINAL"), ("March", "DATE")]
    assert _local_count() == 2
