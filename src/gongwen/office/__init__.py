"""What runs outside Python: LibreOffice conversion (PDF, PNG pages) and the font map for it.

Everything here starts or asks an external program; the rest of gongwen is pure Python and never
imports this package, so a notice can be modelled, rendered, read and checked without LibreOffice.
"""

__all__ = []
