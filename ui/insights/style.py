"""Object names for the looks the insight board uses from resources/style/app.qss: a
link-style button, the segmented filter, the quiet well around a small step, bold section
labels and compact card actions.
"""

from __future__ import annotations

LINK = "insightLink"
SEGMENT = "segment"
WELL = "insightWell"
SECTION = "insightSection"
ACTION = "cardAction"
