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
)

DEFECTS: Final = MappingProxyType({d.name: d for d in _TABLE})
"""The shared defects by name."""

RETIRED: Final = MappingProxyType(
    {"RD022": ("GW101", "GW102"), "RD032": ("GW104",), "RD042": ("GW107",)}
)
"""Reader codes retired in favour of the checker's: what replaces each."""
