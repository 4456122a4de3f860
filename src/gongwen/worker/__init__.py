"""The ``gongwen`` command's worker: a background process that has imported gongwen once and
runs each command in a fork of itself, so that a batch script calling the command once per
file does not pay for Python's imports at every call (issue 15, item 7).

How a command runs:

1. The console script (:func:`gongwen.worker.launcher.main`) imports nothing of gongwen but
   this package. It computes the worker's address from everything that decides what code the
   worker would run (:mod:`gongwen.worker.address`) and connects to it.
2. When a worker answers, the launcher hands it the command: the arguments, the folder, the
   environment, the umask and the three standard streams themselves (their file descriptors,
   passed over the socket), so the command reads and writes exactly what it would have read
   and written in the launcher's place.
3. The worker forks; the child takes the launcher's folder, environment and streams, runs
   :func:`gongwen.cli.main` and sends back the exit status, which the launcher exits with.
   Each command runs in a fresh fork, so nothing one command does is seen by the next.
4. When no worker answers, the launcher runs the command itself, as if there were no worker,
   and starts one in the background for the next call. A worker that has served no command
   for ``GONGWEN_WORKER_IDLE`` seconds (300) ends.

``GONGWEN_WORKER=0`` turns the worker off; ``gongwen worker status|stop|start`` shows, ends
or starts it. ``python -m gongwen.cli`` and :func:`gongwen.cli.main` always run in-process.
The worker is POSIX-only (it needs ``fork`` and descriptor passing); elsewhere the command
always runs in-process.

This package imports only the standard library: it is what a command costs before it
reaches a worker.
"""

__all__: list[str] = []
