"""``python -m gongwen.cli``: the same as the ``gongwen`` command."""

import sys

from gongwen.cli import main

sys.exit(main())
