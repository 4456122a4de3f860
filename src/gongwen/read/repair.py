"""The old import path of the repairs: they live in :mod:`gongwen.recognise.damage` now, with
the other damage detectors. Kept so that code importing ``gongwen.read.repair`` goes on working.
"""

from gongwen.recognise.damage import (
    LostNumeral,
    StrayDigits,
    find_lost_numerals,
    find_stray_digits,
    fullwidth_punctuation,
    is_cjk,
    remove_illegal_characters,
    restore_lost_numeral,
)

__all__ = [
    "LostNumeral",
    "StrayDigits",
    "find_lost_numerals",
    "find_stray_digits",
    "fullwidth_punctuation",
    "is_cjk",
    "remove_illegal_characters",
    "restore_lost_numeral",
]
