"""One run at a time per output folder: an OS lock that dies with its process."""

from __future__ import annotations

from pathlib import Path

from filelock import FileLock, Timeout

from extract.errors import UsageError


class OutputLock:
    """An exclusive lock on the output folder for the length of a run.

    `filelock.FileLock` takes an OS lock (flock on Unix, msvcrt on Windows) on
    `.extract.lock`, so the lock dies with the process. The file itself stays in the
    folder on Unix: a run that opened it just before another deleted it would lock the
    deleted file while a third run creates and locks a new one, and both would write.
    (On Windows, where an open file cannot be deleted, filelock removes it itself.)
    """

    def __init__(self, out: Path):
        self.path = out / ".extract.lock"
        self.lock = FileLock(self.path, timeout=0)

    def __enter__(self) -> OutputLock:
        try:
            self.lock.acquire()
        except Timeout:
            raise UsageError(
                "{path}: another extract run is writing here; wait for it or use another {out}",
                option="out",
                path=self.path.parent,
            ) from None
        except OSError as exc:
            raise UsageError(
                "{out} {path}: cannot write ({reason})", option="out", path=self.path.parent, reason=exc.strerror or exc
            ) from None
        return self

    def __exit__(self, *exc) -> None:
        self.lock.release()
