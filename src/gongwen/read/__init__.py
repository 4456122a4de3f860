"""Published notices (plain text, .docx) read back into models, with findings for every repair.

>>> from gongwen.read import read_text
>>> read_text("关于开展卫生整治的通知\\n\\n请于4月1日前完成整治。").notice.title
'关于开展卫生整治的通知'

See ``docs/reader.md`` for what is recognised and the finding codes.
"""

from gongwen.read.docx import read_docx, read_docx_bytes
from gongwen.read.parse import ReadResult
from gongwen.read.text import read_file, read_text

__all__ = ["ReadResult", "read_docx", "read_docx_bytes", "read_file", "read_text"]
