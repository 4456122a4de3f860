"""What the operating system refused (no such file, no permission, a full disk, …), told in the
user's language rather than in the system's English ``strerror``.

The common refusals have a message of their own in the catalog; a rare one keeps the system's
words. Light to import (no dependency beyond :mod:`gongwen.i18n`), so the CLI can use it at
start-up and the batch in its workers.
"""

from __future__ import annotations

import errno

from gongwen.i18n import N_, _

__all__ = ["REASONS", "os_error_line", "os_reason"]

REASONS: dict[int, str] = {
    errno.ENOENT: N_("文件或文件夹不存在"),
    errno.EACCES: N_("没有权限"),
    errno.EPERM: N_("不允许此操作"),
    errno.EISDIR: N_("这是文件夹，不是文件"),
    errno.ENOTDIR: N_("路径中有一处不是文件夹"),
    errno.ENOSPC: N_("磁盘空间已满"),
    errno.EROFS: N_("文件系统只读，不能写入"),
    errno.EEXIST: N_("已经存在"),
    errno.ENAMETOOLONG: N_("文件名太长"),
}
"""The refusals worth a message of their own, by ``errno`` (translated where shown)."""


def os_reason(exc: OSError) -> str:
    """Why the system refused, in the current language: the catalog's message for a common
    ``errno``, else the system's own words.

    >>> os_reason(FileNotFoundError(errno.ENOENT, "No such file or directory", "a.yaml"))
    '文件或文件夹不存在'
    >>> from gongwen.i18n import use_language
    >>> with use_language("en"):
    ...     os_reason(PermissionError(errno.EACCES, "Permission denied"))
    'permission denied'
    >>> os_reason(OSError(errno.EIO, "Input/output error"))
    'Input/output error'
    """
    reason = REASONS.get(exc.errno) if exc.errno is not None else None
    if reason is not None:
        return _(reason)
    return exc.strerror or str(exc) or type(exc).__name__


def os_error_line(exc: OSError) -> str:
    """``file: reason``, or the reason alone when the error names no file.

    >>> os_error_line(IsADirectoryError(errno.EISDIR, "Is a directory", "out"))
    'out: 这是文件夹，不是文件'
    >>> os_error_line(OSError(errno.ENOSPC, "No space left on device"))
    '磁盘空间已满'
    """
    reason = os_reason(exc)
    return f"{exc.filename}: {reason}" if exc.filename else reason
