"""Messages between the launcher and its worker: a 4-byte length, then a JSON object; the
first message of a command carries the launcher's three standard streams as file
descriptors (``SCM_RIGHTS``).

JSON keeps non-UTF-8 arguments, file names and environment values whole: Python holds them
as lone surrogates, which :func:`json.dumps` writes as ``\\udcxx`` escapes and
:func:`json.loads` gives back.

Standard library only: the launcher imports this before anything else of gongwen.
"""

from __future__ import annotations

import json
import os
import socket
import struct

TYPE_CHECKING = False  # typing's would import typing, a sixth of a command's start
if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import Any

MAX_MESSAGE = 4 * 1024 * 1024
"""A command's arguments and environment are some kilobytes; a longer message is not ours."""

_LENGTH = struct.Struct("!I")


class WireError(OSError):
    """A message that is not one of ours: cut short, too long, with too many descriptors or
    not a JSON object. It carries no text: it never reaches a user (the launcher then runs
    the command itself, the worker drops the connection)."""


def encode(message: dict[str, Any]) -> bytes:
    """``message`` as it goes over the socket.

    >>> encode({"op": "status"})
    b'\\x00\\x00\\x00\\x10{"op": "status"}'
    >>> decode(encode({"argv": ["\\udcff.yaml"]})[4:])
    {'argv': ['\\udcff.yaml']}
    """
    data = json.dumps(message).encode("ascii")
    return _LENGTH.pack(len(data)) + data


def decode(data: bytes) -> dict[str, Any]:
    """The message whose JSON is ``data``.

    >>> decode(b'[1]')
    Traceback (most recent call last):
    ...
    gongwen.worker.wire.WireError
    """
    try:
        message = json.loads(data.decode("ascii"))
    except (UnicodeDecodeError, ValueError):
        raise WireError from None
    if not isinstance(message, dict):
        raise WireError
    return message


def send(sock: socket.socket, message: dict[str, Any], fds: Sequence[int] = ()) -> None:
    """Send ``message``, with ``fds`` passed along its first bytes."""
    data = encode(message)
    if fds:
        sent = socket.send_fds(sock, [data], list(fds))
        data = data[sent:]
    if data:
        sock.sendall(data)


def receive(sock: socket.socket, max_fds: int = 0) -> tuple[dict[str, Any] | None, list[int]]:
    """The next message and the descriptors that came with it; ``(None, [])`` when the peer
    closed the connection before a message began. Descriptors of a message that fails are
    closed before the error is raised."""
    fds: list[int] = []
    try:
        head = _read(sock, _LENGTH.size, max_fds, fds)
        if head is None:
            return None, []
        (length,) = _LENGTH.unpack(head)
        if length > MAX_MESSAGE:
            raise WireError
        body = _read(sock, length, 0, fds) if length else b""
        if body is None:
            raise WireError
        return decode(body), fds
    except BaseException:
        _close_all(fds)
        raise


def _read(sock: socket.socket, size: int, max_fds: int, fds: list[int]) -> bytes | None:
    """Exactly ``size`` bytes, or None at a clean end before the first one."""
    chunks: list[bytes] = []
    got = 0
    while got < size:
        if max_fds and not fds:
            chunk, received, flags, _address = socket.recv_fds(sock, size - got, max_fds)
            fds.extend(received)
            if flags & getattr(socket, "MSG_CTRUNC", 0):
                raise WireError
        else:
            chunk = sock.recv(size - got)
        if not chunk:
            if got == 0 and not chunks:
                return None
            raise WireError
        chunks.append(chunk)
        got += len(chunk)
    return b"".join(chunks)


def _close_all(fds: list[int]) -> None:
    for fd in fds:
        try:
            os.close(fd)
        except OSError:
            pass
    fds.clear()


__all__ = ["MAX_MESSAGE", "WireError", "decode", "encode", "receive", "send"]
