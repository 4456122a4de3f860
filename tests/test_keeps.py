"""The signature block keeps with its text (cl. 7.3.5.5), on generated notices."""

from __future__ import annotations

from hypothesis import given, settings

from gongwen.compose import Block, compose
from gongwen.layout import StyleRole
from gongwen.model import Notice
from tests.strategies import any_notices


@settings(max_examples=60, deadline=None)
@given(any_notices())
def test_the_text_before_the_signature_keeps_with_it(notice: Notice) -> None:
    blocks = [e for e in compose(notice) if isinstance(e, Block)]
    kept = [i for i, b in enumerate(blocks) if b.keep_with_next]
    if notice.signature is None:
        assert kept == []
        return
    roles = [b.role for b in blocks]
    date = roles.index(StyleRole.SIGNATURE_DATE)
    first_organ = min((i for i, r in enumerate(roles) if r is StyleRole.SIGNATURE), default=date)
    text = max(
        i for i in range(first_organ) if blocks[i].text and blocks[i].role is not StyleRole.BLANK
    )
    # every paragraph from the last one with text through the last 署名, and nothing else
    assert kept == list(range(text, date))
    assert not blocks[date].keep_with_next
