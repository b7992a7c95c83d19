"""`KEEP`: the marker for "leave this field as it is" in the store's update methods."""

from __future__ import annotations

from enum import Enum


class Keep(Enum):
    """Leave a field as it is (distinct from None, which clears it)."""

    KEEP = "keep"


KEEP = Keep.KEEP
