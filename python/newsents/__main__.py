"""`python -m newsents ...`: the `newsents` command, for environments whose
scripts directory is not on PATH."""

import sys

from newsents.cli import main

sys.exit(main())
