"""The old import path of the recogniser: it lives in :mod:`gongwen.recognise` now, shared by
the reader and the checker. Kept so that code importing ``gongwen.read.recognise`` goes on
working; new code imports from :mod:`gongwen.recognise`.
"""

from gongwen.recognise.chrome import Chrome, parse_chrome
from gongwen.recognise.contact import ContactParts, parse_contact
from gongwen.recognise.headings import HeadingMark, parse_heading
from gongwen.recognise.labels import parse_label, split_run_in_measures
from gongwen.recognise.sentences import CLOSING, SENTENCE_ENDS, first_sentence
from gongwen.recognise.tail import parse_standalone_date

__all__ = [
    "CLOSING",
    "SENTENCE_ENDS",
    "Chrome",
    "ContactParts",
    "HeadingMark",
    "first_sentence",
    "parse_chrome",
    "parse_contact",
    "parse_heading",
    "parse_label",
    "parse_standalone_date",
    "split_run_in_measures",
]
