"""What our components build from `resources/`, built once and kept on disk.

`cached(name, key, build)` returns `build()`'s result, pickled under the user's
cache folder by a hash of `key`: the resource files' contents, the package,
spaCy and model versions, the options that shape the result. A key that
changes (a resource file edited, another model) names another file, so a
stale build is never read; the four most recent builds of each name are kept.

The folder is `$EXTRACT_CACHE_DIR` when set, else the platform's cache folder
(`~/.cache/extract-news-fr` on Linux). `EXTRACT_CACHE_DIR=off` turns the cache
off; a folder that cannot be written is the same as off: the result is built
in memory, as before, and nothing fails.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Callable, Iterable
from contextlib import suppress
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any, TypeVar

import platformdirs

from extract.write.atomic import write_bytes_atomic

T = TypeVar("T")
ENV = "EXTRACT_CACHE_DIR"
# Builds kept per name: the shipped tables and a few custom ones (tests, other resource folders).
KEEP = 4


def cache_dir() -> Path | None:
    """The cache folder, or None when the cache is off."""
    setting = os.environ.get(ENV)
    if setting is not None:
        return None if setting.strip().lower() in ("", "off", "0", "none") else Path(setting)
    return Path(platformdirs.user_cache_dir("extract-news-fr", appauthor=False))


def file_digest(path: Path) -> str:
    """A file's content hash, for a cache key."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def package_versions(*names: str) -> list[str]:
    """`name==version` of each installed distribution (the part of a key that says which code built it)."""
    out = []
    for name in names:
        try:
            out.append(f"{name}=={version(name)}")
        except PackageNotFoundError:
            out.append(f"{name}==?")
    return out


def cached(name: str, key: Iterable[str], build: Callable[[], T]) -> T:
    """`build()`, or the result of an earlier `build()` under the same name and key."""
    folder = cache_dir()
    if folder is None:
        return build()
    digest = hashlib.sha256("\n".join([name, *key]).encode("utf-8")).hexdigest()[:24]
    path = folder / f"{name}-{digest}.pickle"
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)
    except OSError:  # not built yet, or a folder that cannot be read: build
        pass
    except Exception:  # a truncated or foreign file: build again and replace it
        with suppress(OSError):
            path.unlink(missing_ok=True)
    result = build()
    _store(folder, path, name, result)
    return result


def mapped_arrow(name: str, source: Path) -> Any:
    """The Arrow IPC file `source` as one table, memory-mapped from an uncompressed copy in the cache.

    The shipped files are compressed (small in the wheel), so reading them decodes
    every column into private memory. The uncompressed copy, written once per file
    content, is mapped instead: pages are read from disk when a lookup touches them
    and shared by every process on the machine, forked or not. With the cache off,
    the compressed file is read into memory, as before.
    """
    import pyarrow as pa

    folder = cache_dir()
    if folder is None:
        return pa.ipc.open_file(source).read_all().combine_chunks()
    path = folder / f"{name}-{file_digest(source)[:24]}.arrow"
    if not path.exists():
        table = pa.ipc.open_file(source).read_all().combine_chunks()
        try:
            folder.mkdir(parents=True, exist_ok=True)
            sink = pa.BufferOutputStream()
            with pa.ipc.new_file(sink, table.schema) as writer:  # uncompressed: mappable as it is
                writer.write_table(table, max_chunksize=max(table.num_rows, 1))
            write_bytes_atomic(path, sink.getvalue().to_pybytes())
        except OSError:
            return table
    return pa.ipc.open_file(pa.memory_map(str(path))).read_all()


def _store(folder: Path, path: Path, name: str, result: object) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
        write_bytes_atomic(path, pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))  # a reader never sees half
    except OSError:
        return
    with suppress(OSError):  # another process tidying at the same time
        builds = sorted(folder.glob(f"{name}-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in builds[KEEP:]:
            old.unlink(missing_ok=True)
