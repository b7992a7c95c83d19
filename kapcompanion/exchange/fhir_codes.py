"""The codes the clinic file (FHIR R4) uses, kept in one table: LOINC where a code exists and
was checked, a local code system of the app's own where none does.

docs/fhir-export.md lists every code here with its LOINC long name, where it was checked and
what is local; a test reads that table back and compares. Change both together.
"""

from __future__ import annotations

from dataclasses import dataclass

LOINC = "http://loinc.org"
UCUM = "http://unitsofmeasure.org"
OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
# The core R4 extension that gives an answer its score (the instrument's integer value).
ORDINAL_VALUE = "http://hl7.org/fhir/StructureDefinition/ordinalValue"

# Local code systems and canonicals: plain URNs, so no one mistakes them for a public standard.
LOCAL_QUESTIONNAIRE = "urn:kap-companion:questionnaire:"  # + the instrument, e.g. ...:pcl5
LOCAL_SCORE = "urn:kap-companion:code-system:score"
LOCAL_ANSWER = "urn:kap-companion:code-system:answer:"  # + the answer scale, e.g. ...:pcl5


@dataclass(frozen=True)
class Code:
    system: str
    code: str
    display: str


@dataclass(frozen=True)
class InstrumentCodes:
    """How one questionnaire is named in the file."""

    questionnaire: str  # the canonical URL of the Questionnaire the answers are to
    total: Code  # the Observation's code for the total
    # The linkId of each item, by item number (a LOINC item code where one exists).
    link_ids: dict[int, str]
    # The LOINC answer code of each option value, where the scale has them; else local codes.
    answers: dict[int, Code]
    extra_link_id: str = ""  # the optional question after the items (PHQ-9's difficulty)


# PHQ-9 and GAD-7 answers (0–3): verified in US Core and the PCO IG (see docs/fhir-export.md).
_FREQUENCY_ANSWERS = {
    0: Code(LOINC, "LA6568-5", "Not at all"),
    1: Code(LOINC, "LA6569-3", "Several days"),
    2: Code(LOINC, "LA6570-1", "More than half the days"),
    3: Code(LOINC, "LA6571-9", "Nearly every day"),
}

INSTRUMENTS: dict[str, InstrumentCodes] = {
    "phq9": InstrumentCodes(
        questionnaire="http://loinc.org/q/44249-1",
        total=Code(
            LOINC, "44261-6", "Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]"
        ),
        link_ids={
            1: "44250-9",
            2: "44255-8",
            3: "44259-0",
            4: "44254-1",
            5: "44251-7",
            6: "44258-2",
            7: "44252-5",
            8: "44253-3",
            9: "44260-8",
        },
        answers=_FREQUENCY_ANSWERS,
        extra_link_id="69722-7",
    ),
    "gad7": InstrumentCodes(
        questionnaire="http://loinc.org/q/69737-5",
        total=Code(
            LOINC,
            "70274-6",
            "Generalized anxiety disorder 7 item (GAD-7) total score [Reported.PHQ]",
        ),
        link_ids={
            1: "69725-0",
            2: "68509-9",
            3: "69733-4",
            4: "69734-2",
            5: "69735-9",
            6: "69689-8",
            7: "69736-7",
        },
        answers=_FREQUENCY_ANSWERS,
    ),
    "pcl5": InstrumentCodes(
        # LOINC has a PCL-5 panel (101697-1) but its item codes were not found, so the
        # answers are to the app's own Questionnaire; the total has a LOINC code.
        questionnaire=LOCAL_QUESTIONNAIRE + "pcl5",
        total=Code(LOINC, "101698-9", "PTSD PCL-5 score [PCL-5]"),
        link_ids={number: f"pcl5-{number}" for number in range(1, 21)},
        answers={},
    ),
    "who5": InstrumentCodes(
        questionnaire=LOCAL_QUESTIONNAIRE + "who5",
        total=Code(LOCAL_SCORE, "who5-percent", "WHO-5 Well-Being Index percentage score (0-100)"),
        link_ids={number: f"who5-{number}" for number in range(1, 6)},
        answers={},
    ),
}

# Not a code but how every total is counted: points on the instrument's own scale.
SCORE_UNIT = Code(UCUM, "{score}", "{score}")
SURVEY = Code(OBSERVATION_CATEGORY, "survey", "Survey")
