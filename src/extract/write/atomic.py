"""Put finished files in place in one step, so a reader never sees half of one."""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

from extract.errors import OutputError, UsageError


def prepare_out(out: Path) -> Path:
    """Create the output folder, or raise UsageError if it cannot hold the tables."""
    if out.exists() and not out.is_dir():
        raise UsageError("{out} {path}: is a file, not a folder", option="out", path=out)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(
            "{out} {path}: cannot create the folder ({reason})", option="out", path=out, reason=exc.strerror
        ) from None
    if not os.access(out, os.W_OK | os.X_OK):
        raise UsageError("{out} {path}: folder is not writable", option="out", path=out)
    return out


def move_into_place(temp: Path, final: Path) -> None:
    """Rename a finished table (a file, or a folder of parts) over the previous one.

    A file replaces a file atomically. Where a folder of parts from a
    `--engine dask` run meets a file from a local run (or the reverse), the
    previous table is first set aside, so the new one is in place before the
    old one is removed.
    """
    if final.exists() and (final.is_dir() or temp.is_dir()):
        old = final.with_name(f".{final.name}.old-{os.getpid()}")
        os.replace(final, old)
        os.replace(temp, final)
        remove_path(old)
    else:
        os.replace(temp, final)


def remove_path(path: Path) -> None:
    """Remove a file or a folder, if it is there."""
    if path.is_dir():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def disk_error(out: Path, exc: OSError) -> Exception:
    if exc.errno == errno.ENOSPC:
        return OutputError(
            "{out} {path}: no space left on the device; the previous tables are untouched", option="out", path=out
        )
    return OutputError("{out} {path}: cannot write ({reason})", option="out", path=out, reason=exc.strerror or exc)


def write_text_atomic(path: Path, text: str) -> Path:
    """Write `text` to a temporary file beside `path`, then rename it over `path` in one step."""
    return write_bytes_atomic(path, text.encode("utf-8"))


def write_bytes_atomic(path: Path, data: bytes) -> Path:
    """Write `data` to a temporary file beside `path`, then rename it over `path` in one step."""
    temp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    try:
        temp.write_bytes(data)
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return path
