import hashlib

import pytest

from summarizer.backends import model_file
from summarizer.errors import ConfigError


@pytest.fixture
def tiny_model(tmp_path, monkeypatch):
    """Three small chunks standing in for the 22 real ones; size and hash patched to match."""
    parts = []
    for n, payload in enumerate([b"GGUF" + b"a" * 100, b"b" * 50, b"c" * 10], 1):
        part = tmp_path / "parts" / f"part{n:02d}.bin"
        part.parent.mkdir(exist_ok=True)
        part.write_bytes(payload)
        parts.append(part)
    whole = b"".join(p.read_bytes() for p in parts)
    monkeypatch.setattr(model_file, "part_paths", lambda: parts)
    monkeypatch.setattr(model_file, "MODEL_SIZE", len(whole))
    monkeypatch.setattr(model_file, "MODEL_SHA256", hashlib.sha256(whole).hexdigest())
    return tmp_path / "cache", whole


def test_assembles_once_streaming_with_progress(tiny_model):
    cache, whole = tiny_model
    seen = []
    path = model_file.ensure_model(cache, lambda done, total: seen.append((done, total)))
    assert path.read_bytes() == whole
    assert seen[-1] == (len(whole), len(whole))
    mtime = path.stat().st_mtime_ns
    assert model_file.ensure_model(cache) == path and path.stat().st_mtime_ns == mtime


def test_corrupt_cached_model_fails_its_hash_and_names_the_fix(tiny_model):
    cache, whole = tiny_model
    path = model_file.ensure_model(cache)
    path.write_bytes(b"GGUF" + b"x" * (len(whole) - 4))
    with pytest.raises(ConfigError) as info:
        model_file.ensure_model(cache)
    assert "SHA-256" in info.value.message and "--repair" in info.value.message
    model_file.repair(cache)
    assert model_file.ensure_model(cache).read_bytes() == whole


def test_chunks_that_do_not_add_up_leave_no_file(tiny_model, monkeypatch):
    cache, _ = tiny_model
    monkeypatch.setattr(model_file, "MODEL_SHA256", "0" * 64)
    with pytest.raises(ConfigError, match="failed its check"):
        model_file.ensure_model(cache)
    assert not list((cache / "models").iterdir())


def test_status_reports_without_assembling(tiny_model):
    cache, _ = tiny_model
    st = model_file.status(cache)
    assert not st.assembled and st.parts_installed == 3
    model_file.ensure_model(cache)
    assert model_file.status(cache, verify=True).hash_ok is True


@pytest.mark.parametrize(
    "content, fragment",
    [(None, "not found"), (b"", "not a GGUF"), (b"\x00\x01garbage", "not a GGUF")],
)
def test_model_path_checks_name_the_flag(tmp_path, content, fragment):
    path = tmp_path / "m.gguf"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(ConfigError) as info:
        model_file.check_model_file(path)
    assert fragment in info.value.message and "--model-path" in info.value.message


def test_real_chunk_packages_are_installed():
    parts = model_file.part_paths()
    assert len(parts) == 22 and parts[0].name == "part01.bin"
    assert sum(p.stat().st_size for p in parts) == 1_117_320_768
