"""``python -m diplonews``: the command line."""

import sys

from diplonews.cli import main

sys.exit(main())
