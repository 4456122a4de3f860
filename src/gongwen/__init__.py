"""gongwen: Chinese official documents (公文) as .docx, laid out to GB/T 9704-2012."""

from gongwen.findings import Finding, GongwenError, InputError, Level, Location
from gongwen.loader import load_notice, notice_from_data
from gongwen.model import (
    Attachment,
    Classification,
    Contact,
    DocumentNumber,
    Header,
    Imprint,
    IssuerMark,
    Notice,
    Paragraph,
    Problem,
    Section,
    Signature,
)
from gongwen.render import render, render_bytes  # the function shadows the subpackage's name
from gongwen.render.document import to_document
from gongwen.summary import Summary, summarize

__version__ = "0.1.0"

__all__ = [
    "Attachment",
    "Classification",
    "Contact",
    "DocumentNumber",
    "Finding",
    "GongwenError",
    "Header",
    "Imprint",
    "InputError",
    "IssuerMark",
    "Level",
    "Location",
    "Notice",
    "Paragraph",
    "Problem",
    "Section",
    "Signature",
    "Summary",
    "__version__",
    "load_notice",
    "notice_from_data",
    "render",
    "render_bytes",
    "summarize",
    "to_document",
]
