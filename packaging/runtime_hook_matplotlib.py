"""Runs first in the bundled app: matplotlib draws off screen, with Agg, and nothing else (only
that backend is bundled), whatever a user's matplotlibrc or MPLBACKEND says."""

import os

os.environ["MPLBACKEND"] = "Agg"
