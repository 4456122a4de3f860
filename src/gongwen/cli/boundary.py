"""How the command ends when it is stopped or fails: SIGTERM as an exception, so that every
``finally`` and the atomic writer's clean-up run (no ``.x.docx.*.tmp`` left behind); and the
one line printed for an exception that no input check turned into a finding."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

__all__ = ["CODE_INTERNAL", "EXIT_TERMINATED", "Terminated", "internal_error", "stop_on_sigterm"]

CODE_INTERNAL = "IN009"
"""An input reached code that did not expect it: a gongwen bug, reported in one line."""


def internal_error(exc: BaseException) -> str:
    """The one line the CLI prints for an exception no check turned into a finding.

    >>> internal_error(KeyError("title"))
    "error IN009: 内部错误，请报告此输入 (internal error: KeyError: 'title')"
    """
    detail = f"{type(exc).__name__}: {exc}"
    return f"error {CODE_INTERNAL}: 内部错误，请报告此输入 (internal error: {detail})"


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
