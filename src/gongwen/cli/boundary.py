"""How the command ends when it is stopped or fails: SIGTERM as an exception, so that every
``finally`` and the atomic writer's clean-up run (no ``.x.docx.*.tmp`` left behind); and the
one line printed for an exception that no input check turned into a finding."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

from gongwen.findings import Level
from gongwen.i18n import _

__all__ = ["CODE_INTERNAL", "EXIT_TERMINATED", "Terminated", "internal_error", "stop_on_sigterm"]

CODE_INTERNAL = "IN009"
"""An input reached code that did not expect it: a gongwen bug, reported in one line."""


def internal_error(exc: BaseException) -> str:
    """The one line the CLI prints for an exception no check turned into a finding.

    >>> internal_error(KeyError("title"))
    "错误 IN009: 内部错误，请向 gongwen 报告此输入（KeyError: 'title'）"
    >>> from gongwen.i18n import use_language
    >>> with use_language("en"):
    ...     internal_error(KeyError("title"))
    "error IN009: internal error, please report this input to gongwen (KeyError: 'title')"
    """
    detail = f"{type(exc).__name__}: {exc}"
    message = _("内部错误，请向 gongwen 报告此输入（{detail}）").format(detail=detail)
    return f"{Level.ERROR.label} {CODE_INTERNAL}: {message}"


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
