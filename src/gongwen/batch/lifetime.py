"""Worker processes that end with the batch that started them.

A worker of a :class:`~concurrent.futures.ProcessPoolExecutor` outlives a parent killed by
SIGKILL: it goes on taking the jobs already queued and writing reports nobody will record.
:func:`die_with_parent` (the pool's initializer) makes each worker end when its parent does:

* on Linux the kernel sends it SIGTERM the moment the parent dies (``PR_SET_PDEATHSIG``);
* everywhere, a watcher thread sees the parent change (``os.getppid()``) and ends the worker.

SIGTERM in a worker is turned into ``SystemExit`` so that a report being written removes its
temporary file (:mod:`gongwen.atomic`); a worker that does not end in one second after that
is ended hard (``os._exit``).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import signal
import sys
import threading
import time
from types import FrameType

__all__ = ["PARENT_POLL_SECONDS", "die_with_parent"]

PARENT_POLL_SECONDS = 0.2
"""How often the watcher thread looks at its parent (where the kernel cannot tell it)."""
_GRACE_SECONDS = 1.0
_PR_SET_PDEATHSIG = 1


def _end_soon(code: int) -> None:
    timer = threading.Timer(_GRACE_SECONDS, os._exit, (code,))
    timer.daemon = True
    timer.start()


def _on_sigterm(signum: int, frame: FrameType | None) -> None:
    del frame
    _end_soon(128 + signum)
    raise SystemExit(128 + signum)


def _watch(parent: int) -> None:
    while True:
        time.sleep(PARENT_POLL_SECONDS)
        if os.getppid() != parent:
            try:
                os.kill(os.getpid(), signal.SIGTERM)
            finally:
                _end_soon(143)
            return


def _kernel_death_signal() -> None:
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
    except (OSError, AttributeError):
        return


def die_with_parent(parent: int) -> None:
    """Initializer of a batch's worker processes: end when ``parent`` (the batch) ends."""
    signal.signal(signal.SIGTERM, _on_sigterm)
    _kernel_death_signal()
    if os.getppid() != parent:  # the parent died before the death signal was armed
        os._exit(143)
    threading.Thread(target=_watch, args=(parent,), daemon=True, name="gongwen-parent").start()
