"""How the command ends when it is stopped: SIGTERM as an exception, so that every ``finally``
and the atomic writer's clean-up run (no ``.x.docx.*.tmp`` left behind)."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

__all__ = ["EXIT_TERMINATED", "Terminated", "stop_on_sigterm"]

EXIT_TERMINATED = 143
"""128 + SIGTERM, as a shell reports a process that SIGTERM ended."""


class Terminated(SystemExit):
    """Raised in the main thread when the process receives SIGTERM."""


def _raise(signum: int, frame: FrameType | None) -> None:
    del signum, frame
    raise Terminated(EXIT_TERMINATED)


@contextmanager
def stop_on_sigterm() -> Iterator[None]:
    """While inside, SIGTERM raises :class:`Terminated` (a ``SystemExit``) in the main thread.

    Outside the main thread (a command run from a worker thread) signals cannot be handled and
    nothing changes.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _raise)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
