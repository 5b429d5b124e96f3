"""`python -m gdiiot_desktop.cli`: the same as the `gdiiot` command."""

import sys

from . import main

sys.exit(main())
