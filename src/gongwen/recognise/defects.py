"""Each defect has one code and one owner.

A defect that the reader repairs as it reads (a date that lost 年/月, a heading ordinal that
lost its bracket, a 是 that lost its numeral …) is the reader's: it reports the repair with an
``RD`` code. A defect that nobody repairs and the checker has a rule for is the checker's: the
reader reports it under the checker's code, so the same text gets the same code from
``gongwen parse`` and ``gongwen check``. The reader's old codes for these are retired (never
reused, see :data:`RETIRED`).

>>> DEFECTS["measure-sequence"].code, RETIRED["RD042"]
('GW107', ('GW107',))
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Final

__all__ = ["DEFECTS", "RETIRED", "Defect"]


@dataclass(frozen=True)
class Defect:
    """A defect's one code and its owner (``"check"`` or ``"read"``)."""

    name: str
    code: str
    owner: str
    summary: str


_TABLE: Final = (
    Defect("heading-gap", "GW101", "check", "heading ordinals skip (一、 then 三、)"),
    Defect("heading-repeat", "GW102", "check", "heading ordinals repeat or go back"),
    Defect("problem-sequence", "GW104", "check", "问题N numbers skip or repeat"),
    Defect("measure-sequence", "GW107", "check", "一是/二是 leads skip or repeat"),
    Defect("numeral-lost-after-di", "GW110", "check", "第 lost its numeral, none restorable"),
    Defect("aspect-count", "GW201", "check", "N个方面 disagrees with the sections read"),
    Defect("problem-count", "GW202", "check", "N个问题 disagrees with the problems read"),
    Defect("date-run-together", "GW505", "check", "a date lost 年/月, several dates fit"),
    Defect(
        "date-month-day-lost", "GW506", "check", "digits that read as a 月日 whose 月/日 were lost"
    ),
)

DEFECTS: Final = MappingProxyType({d.name: d for d in _TABLE})
"""The shared defects by name."""

RETIRED: Final = MappingProxyType(
    {
        "RD011": ("GW505",),
        "RD013": ("GW110",),
        "RD014": ("GW506",),
        "RD022": ("GW101", "GW102"),
        "RD032": ("GW104",),
        "RD042": ("GW107",),
        "RD050": ("GW201", "GW202"),
    }
)
"""Reader codes retired in favour of the checker's: what replaces each."""
