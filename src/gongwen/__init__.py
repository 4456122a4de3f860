"""gongwen: Chinese official documents (公文) as .docx, laid out to GB/T 9704-2012.

The public names are loaded on first use (PEP 562), so ``import gongwen`` and
``import gongwen.model`` stay light: the renderer's lxml, the loader's ruamel.yaml and
python-docx are imported only by what needs them.

>>> import gongwen
>>> gongwen.Notice(title="关于开展检查的通知", body=["正文。"]).title
'关于开展检查的通知'
"""

from __future__ import annotations

import importlib

from gongwen._version import __version__

# Not typing.TYPE_CHECKING: importing typing costs the ``gongwen`` command a sixth of what it
# costs with a worker (gongwen.worker); mypy treats any TYPE_CHECKING as its own.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from gongwen.dumper import dump_notice
    from gongwen.findings import Finding, GongwenError, InputError, Level, Location
    from gongwen.i18n import set_language, use_language
    from gongwen.loader import load_notice, notice_from_data
    from gongwen.model import (
        Attachment,
        Attendance,
        BodyItem,
        Classification,
        Contact,
        ContactChannel,
        DocumentNumber,
        Header,
        HeaderCell,
        Imprint,
        IssuerMark,
        Notice,
        Paragraph,
        Presentation,
        Problem,
        RectificationStatus,
        Seal,
        SecrecyLevel,
        Section,
        Signature,
        Table,
        Urgency,
    )
    from gongwen.summary import Summary, summarize
    from gongwen.write import render, render_bytes
    from gongwen.write.document import to_document

_HOMES = {
    "gongwen.model": (
        "Attachment",
        "Attendance",
        "BodyItem",
        "Classification",
        "Contact",
        "ContactChannel",
        "DocumentNumber",
        "Header",
        "HeaderCell",
        "Imprint",
        "IssuerMark",
        "Notice",
        "Paragraph",
        "Presentation",
        "Problem",
        "RectificationStatus",
        "Seal",
        "SecrecyLevel",
        "Section",
        "Signature",
        "Table",
        "Urgency",
    ),
    "gongwen.findings": ("Finding", "GongwenError", "InputError", "Level", "Location"),
    "gongwen.i18n": ("set_language", "use_language"),
    "gongwen.loader": ("load_notice", "notice_from_data"),
    "gongwen.dumper": ("dump_notice",),
    "gongwen.write": ("render", "render_bytes"),
    "gongwen.write.document": ("to_document",),
    "gongwen.summary": ("Summary", "summarize"),
}
_MODULE_OF = {name: module for module, names in _HOMES.items() for name in names}

__all__ = [
    "Attachment",
    "Attendance",
    "BodyItem",
    "Classification",
    "Contact",
    "ContactChannel",
    "DocumentNumber",
    "Finding",
    "GongwenError",
    "Header",
    "HeaderCell",
    "Imprint",
    "InputError",
    "IssuerMark",
    "Level",
    "Location",
    "Notice",
    "Paragraph",
    "Presentation",
    "Problem",
    "RectificationStatus",
    "Seal",
    "SecrecyLevel",
    "Section",
    "Signature",
    "Summary",
    "Table",
    "Urgency",
    "__version__",
    "dump_notice",
    "load_notice",
    "notice_from_data",
    "render",
    "render_bytes",
    "set_language",
    "summarize",
    "to_document",
    "use_language",
]


def __getattr__(name: str) -> Any:
    """A public name, imported from its module the first time it is asked for."""
    module = _MODULE_OF.get(name)
    if module is None:
        from gongwen.i18n import _

        raise AttributeError(_("gongwen 没有名为“{name}”的属性").format(name=name))
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # later look-ups do not come here again
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
