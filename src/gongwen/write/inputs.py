"""What :func:`~gongwen.render`, :func:`~gongwen.render_bytes` and
:func:`~gongwen.to_document` accept, in one place: a notice and a template.

A notice is a :class:`~gongwen.model.Notice`, a mapping of fields (the form of a notice
file), or the path of a notice file. A template is a path, a python-docx ``Document``, or
``None`` for gongwen's own. Anything else is an :class:`~gongwen.findings.InputError` that
says what was given and what is accepted.
"""

from __future__ import annotations

import functools
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias

from pydantic import TypeAdapter, ValidationError

from gongwen.findings import Finding, InputError, Location
from gongwen.i18n import _
from gongwen.model import Attachment, BodyItem, Notice, Paragraph, Problem, Section
from gongwen.write.template import Template, load_template

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument

__all__ = ["CODE_INPUT_TYPE", "NoticeInput", "TemplateInput", "as_notice", "as_template"]

CODE_INPUT_TYPE = "IN006"
"""Something that is not a notice (or not a template) was handed to the API."""

NoticeInput: TypeAlias = "Notice | Mapping[str, Any] | str | os.PathLike[str]"
"""A notice, a mapping of its fields, or the path of a notice file."""

TemplateInput: TypeAlias = "str | os.PathLike[str] | DocxDocument | None"
"""A template .docx path, a python-docx ``Document``, or None for gongwen's own."""


def as_notice(value: object) -> Notice:
    """The :class:`Notice` that ``value`` stands for.

    >>> as_notice({"title": "关于开展卫生整治的通知", "body": ["请按时完成。"]}).title
    '关于开展卫生整治的通知'
    >>> try:
    ...     as_notice(42)
    ... except InputError as error:
    ...     print(error.findings[0].code, error.findings[0].message[:10])
    IN006 不能当作公文：int
    """
    if isinstance(value, Notice):
        return checked_body(value)
    if isinstance(value, Mapping):  # a notice file's data: its typed ordinals as a file's
        from gongwen.loader import notice_from_data
        from gongwen.typed_ordinals import drop_typed_ordinals

        return drop_typed_ordinals(notice_from_data(value))[0]
    if isinstance(value, str | os.PathLike):
        from gongwen.loader import load_notice

        return load_notice(Path(value))
    raise InputError.single(
        CODE_INPUT_TYPE,
        _("不能当作公文：{kind}（应为 Notice、字段的映射或公文文件的路径）").format(
            kind=type(value).__name__
        ),
    )


@functools.cache
def _body_item() -> TypeAdapter[BodyItem]:
    return TypeAdapter(BodyItem)


def _items(items: list[Any], path: str) -> list[BodyItem] | None:
    """``items`` with every raw entry (a string, a one-key mapping) made a body item; None
    when every entry already was one."""
    out: list[BodyItem] = []
    changed = False
    for index, item in enumerate(items):
        where = f"{path}[{index}]"
        if isinstance(item, Section):
            body = _items(item.body, f"{where}.section.body")
            if body is not None:
                item = item.model_copy(update={"body": body})
                changed = True
        elif not isinstance(item, Paragraph | Problem):
            item = _validate_item(item, where)
            changed = True
        out.append(item)
    return out if changed else None


def _validate_item(item: Any, where: str) -> BodyItem:
    try:
        return _body_item().validate_python(item)
    except ValidationError as exc:
        from gongwen.loader import input_error

        found = input_error(exc).findings
    raise InputError(
        [
            Finding(
                f.code,
                f.level,
                f.message,
                Location(path=f"{where}.{f.location.path}" if f.location.path else where),
            )
            for f in found
        ]
    )


def checked_body(notice: Notice) -> Notice:
    """``notice``, or a copy whose body items appended as plain data (``body.append("…")``)
    are validated into paragraphs, sections and problems.

    >>> n = Notice(title="T", body=["甲。"])
    >>> n.body.append("乙。")
    >>> [type(i).__name__ for i in checked_body(n).body]
    ['Paragraph', 'Paragraph']
    """
    update: dict[str, Any] = {}
    body = _items(notice.body, "body")
    if body is not None:
        update["body"] = body
    attachments: list[Attachment] = []
    for index, attachment in enumerate(notice.attachments):
        items = _items(attachment.body, f"attachments[{index}].body")
        if items is not None:
            attachment = attachment.model_copy(update={"body": items})
            update["attachments"] = attachments
        attachments.append(attachment)
    return notice.model_copy(update=update) if update else notice


def as_template(value: object) -> Template:
    """The template that ``value`` stands for: a path, a python-docx ``Document`` or None."""
    if value is None or isinstance(value, str | os.PathLike):
        return load_template(None if value is None else Path(value))
    save = getattr(value, "save", None)
    if callable(save) and type(value).__module__.startswith("docx."):
        with tempfile.TemporaryDirectory(prefix="gongwen-template-") as work:
            path = Path(work) / "template.docx"
            save(str(path))
            return load_template(path)
    raise InputError.single(
        CODE_INPUT_TYPE,
        _("不能当作模板：{kind}（应为 .docx 的路径或 python-docx 的 Document）").format(
            kind=type(value).__name__
        ),
    )
