"""Typed row ids, so that a session id can never be passed where a reflection id is expected.

Row ids are local to one database; the `uuid` column on every user record is what stays the
same across export and import.
"""

from typing import NewType

SessionId = NewType("SessionId", int)
ReflectionId = NewType("ReflectionId", int)
AnswerId = NewType("AnswerId", int)
InsightId = NewType("InsightId", int)
CommitmentId = NewType("CommitmentId", int)
ThemeId = NewType("ThemeId", int)
DistressRatingId = NewType("DistressRatingId", int)
CheckInId = NewType("CheckInId", int)
OwnPracticeId = NewType("OwnPracticeId", int)
PracticeEntryId = NewType("PracticeEntryId", int)
MedicationId = NewType("MedicationId", int)
