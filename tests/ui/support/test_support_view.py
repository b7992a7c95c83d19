"""The Support screen, driven through its real widgets and the keyboard, on a real store."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSize, Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from kapcompanion.course.support import (
    COUNTRY_SETTING,
    OTHER_COUNTRY,
    SAFETY_PLAN_SECTIONS,
    contacts,
    crisis_lines,
    safety_plan,
    save_contacts,
    save_safety_plan,
)
from kapcompanion.errors import DatabaseReadOnlyError
from kapcompanion.profile import Profile
from kapcompanion.store import Store
from tests.file_modes import mode
from tests.ui.helpers import clipped_labels, focused, press, tab_to, type_text
from ui.application import create_application
from ui.support.breathing import RHYTHMS, Rhythm
from ui.support.printout import HANDWRITING_LINE, safety_plan_document
from ui.support.view import SupportView
from ui.support.wording import not_an_emergency_service, section_wording
from ui.widgets.style import ColourScheme, apply_style

SMALLEST_IN_WINDOW = QSize(720 - 200, 480)  # the main window's smallest size, less its sidebar
SMALLEST_ON_ITS_OWN = QSize(720, 480)

# Helpers (kept here so this file reads alone) ------------------------------------------------


def focusable_without_a_name(view: QWidget) -> list[QWidget]:
    return [
        widget
        for widget in view.findChildren(QWidget)
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        and widget.isVisibleTo(view)
        and not widget.accessibleName()
    ]


# Fixtures -----------------------------------------------------------------------------------

ViewFactory = Callable[..., SupportView]


@pytest.fixture
def open_view(qtbot: QtBot, qapp: QApplication) -> Iterator[ViewFactory]:
    """Show a Support screen in its own active window, as a person would see it."""

    def factory(store: Store, *, reduce_motion: bool = False) -> SupportView:
        create_application()
        apply_style(qapp, ColourScheme.LIGHT)
        view = SupportView(reduce_motion=lambda: reduce_motion)
        qtbot.addWidget(view)
        view.resize(900, 720)
        with qtbot.waitActive(view):
            view.show()
            view.activateWindow()
        view.set_store(store)
        qtbot.wait(1)  # let the layout settle, as it has by the time a person looks
        return view

    yield factory


@pytest.fixture
def locale_c() -> Iterator[None]:
    before = QLocale()
    QLocale.setDefault(QLocale.c())
    yield
    QLocale.setDefault(before)


@pytest.fixture
def locale_gb() -> Iterator[None]:
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    yield
    QLocale.setDefault(before)


PLAN = {
    "warning_signs": ["I stop answering messages", "Sleeping badly for several nights"],
    "coping_on_my_own": ["A hot shower"],
    "people_and_places": ["The library café"],
    "people_to_ask": ["Sam (sister) 07700 900123"],
    "professionals": [],
    "safer_surroundings": ["Ask Sam to keep my medication for a while"],
    "reasons_for_living": ["My cat, Biscuit"],
}
CONTACTS = {
    "therapist_name": "Dr Alex Morgan",
    "therapist_phone": "020 7946 0000",
    "clinic_name": "Riverside Clinic",
    "clinic_phone": "020 7946 0999",
}


# The overview -------------------------------------------------------------------------------


def test_the_overview_offers_four_ways_and_says_it_is_not_an_emergency_service(
    open_view: ViewFactory, store: Store
) -> None:
    store.settings.set(COUNTRY_SETTING, "GB")
    view = open_view(store)
    assert view.accessibleName() == "Support"
    assert view.current_part() == "overview"
    choices = [
        view.grounding_choice,
        view.breathing_choice,
        view.safety_plan_choice,
        view.contacts_choice,
    ]
    assert [choice.accessibleName() for choice in choices] == [
        "Ground yourself (5-4-3-2-1)",
        "Breathe slowly",
        "My safety plan",
        "People to contact",
    ]
    assert all(choice.isVisible() for choice in choices)
    sentence = view.emergency_sentence
    assert sentence.isVisible()
    assert sentence.text().startswith("KAP Companion is not an emergency service.")
    assert sentence.text().endswith("please call your local emergency number, 999.")
    words = " ".join(label.text() for label in view.overview.findChildren(QLabel))
    assert "!" not in words


def test_each_part_opens_from_its_choice_and_esc_comes_back(
    open_view: ViewFactory, store: Store, qtbot: QtBot
) -> None:
    view = open_view(store)
    parts = {
        "grounding": view.grounding_choice,
        "breathing": view.breathing_choice,
        "safety_plan": view.safety_plan_choice,
        "contacts": view.contacts_choice,
    }
    for part, choice in parts.items():
        choice.setFocus()
        press(qtbot, Qt.Key.Key_Space)
        assert view.current_part() == part
        assert view.isAncestorOf(focused())
        press(qtbot, Qt.Key.Key_Escape)
        assert view.current_part() == "overview"
        assert focused() is choice  # back where you were


def test_the_window_can_jump_straight_to_a_part(open_view: ViewFactory, store: Store) -> None:
    view = open_view(store)
    for show, part in (
        (view.show_safety_plan, "safety_plan"),
        (view.show_contacts, "contacts"),
        (view.show_breathing, "breathing"),
        (view.show_grounding, "grounding"),
        (view.show_overview, "overview"),
    ):
        show()
        assert view.current_part() == part


# Grounding ----------------------------------------------------------------------------------


def test_walk_the_5_4_3_2_1_exercise_by_keyboard_to_the_end(
    open_view: ViewFactory, store: Store, qtbot: QtBot
) -> None:
    view = open_view(store)
    view.grounding_choice.setFocus()
    press(qtbot, Qt.Key.Key_Space)
    exercise = view.grounding
    senses = ["see", "touch", "hear", "smell", "taste"]
    counts = ["five", "four", "three", "two", "one"]
    for number, (sense, count) in enumerate(zip(senses, counts, strict=True), start=1):
        assert exercise.progress.text() == f"Step {number} of 5"
        page = exercise.sense_steps[number - 1]
        assert page.isVisible()
        assert page.invitation.text() == f"Notice {count} things you can {sense}.".replace(
            "one things", "one thing"
        )
        assert focused() is page.note  # ready to jot something down, if you like
        if number == 2:
            type_text(qtbot, "the desk, my sleeve")
        press(qtbot, Qt.Key.Key_Return)
    assert exercise.is_finished()
    assert exercise.progress.text() == "Done"
    assert exercise.closing.isVisible()
    assert focused() is exercise.next_button
    assert exercise.next_button.text() == "Back to Support"
    assert exercise.again_button.isVisible()
    assert not exercise.back_button.isVisible()
    press(qtbot, Qt.Key.Key_Space)
    assert view.current_part() == "overview"
    assert store.settings.get("support.grounding") is None  # nothing typed there is kept


def test_back_goes_to_the_previous_sense_and_the_exercise_is_never_timed(
    open_view: ViewFactory, store: Store, qtbot: QtBot
) -> None:
    view = open_view(store)
    view.show_grounding()
    exercise = view.grounding
    assert not exercise.back_button.isVisible()  # nowhere to go back to yet
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_Return)
    assert exercise.position == 2
    tab_to(qtbot, exercise.back_button)
    press(qtbot, Qt.Key.Key_Space)
    assert exercise.position == 1
    qtbot.wait(1500)
    assert exercise.position == 1  # nothing moves on by itself
    # Coming back later starts again at the first sense, with empty fields.
    exercise.sense_steps[1].note.setText("something")
    view.show_overview()
    view.show_grounding()
    assert exercise.position == 0
    assert all(page.note.text() == "" for page in exercise.sense_steps)


# Breathing ----------------------------------------------------------------------------------


def test_with_reduce_motion_the_pacer_counts_instead_of_moving(
    open_view: ViewFactory, store: Store, qtbot: QtBot
) -> None:
    view = open_view(store, reduce_motion=True)
    view.breathing_choice.setFocus()
    press(qtbot, Qt.Key.Key_Space)
    practice = view.breathing
    pacer = practice.pacer
    assert not pacer.circle.isVisible()
    assert focused() is practice.start_button
    assert practice.start_button.text() == "Start"
    press(qtbot, Qt.Key.Key_Space)
    assert practice.is_running()
    assert practice.start_button.text() == "Pause"
    assert pacer.instruction.text() == "Breathe in … 4"
    qtbot.waitUntil(lambda: pacer.instruction.text() == "Breathe in … 3", timeout=2500)
    press(qtbot, Qt.Key.Key_Space)
    assert not practice.is_running()
    assert practice.start_button.text() == "Start"
    paused = pacer.instruction.text()
    qtbot.wait(1200)
    assert pacer.instruction.text() == paused  # still while paused


def test_the_rhythm_can_be_chosen_and_the_circle_moves_without_reduce_motion(
    open_view: ViewFactory, store: Store, qtbot: QtBot
) -> None:
    view = open_view(store)
    view.show_breathing()
    practice = view.breathing
    pacer = practice.pacer
    assert pacer.circle.isVisible()
    assert practice.rhythm() == Rhythm(4, 6)
    tab_to(qtbot, practice.rhythm_choice)
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Down)
    assert practice.rhythm() == RHYTHMS[2] == Rhythm(5, 5)
    assert practice.rhythm_choice.currentText() == "5 seconds in, 5 out"
    practice.start()
    assert pacer.instruction.text() == "Breathe in … 5"
    qtbot.waitUntil(lambda: pacer.circle.get_fraction() > 0.05, timeout=3000)
    # Leaving the exercise stops it.
    press(qtbot, Qt.Key.Key_Escape)
    assert not practice.is_running()


def test_the_count_follows_the_chosen_rhythm(
    open_view: ViewFactory, store: Store, qtbot: QtBot
) -> None:
    view = open_view(store, reduce_motion=True)
    view.show_breathing()
    practice = view.breathing
    practice.rhythm_choice.setCurrentIndex(RHYTHMS.index(Rhythm(4, 4)))
    practice.start()
    instruction = practice.pacer.instruction
    assert instruction.text() == "Breathe in … 4"
    # Four seconds in, then four out (not the six of the usual rhythm).
    qtbot.waitUntil(lambda: instruction.text() == "Breathe out … 4", timeout=6000)


def test_the_reduce_motion_choice_is_followed_each_time_breathing_opens(
    qtbot: QtBot, qapp: QApplication, store: Store
) -> None:
    create_application()
    still = {"on": False}
    view = SupportView(reduce_motion=lambda: still["on"])
    qtbot.addWidget(view)
    view.set_store(store)
    view.show()
    view.show_breathing()
    assert view.breathing.pacer.circle.isVisible()
    view.show_overview()
    still["on"] = True
    view.show_breathing()
    assert not view.breathing.pacer.circle.isVisible()
    assert view.breathing.pacer.reduce_motion


# Safety plan --------------------------------------------------------------------------------


def test_safety_plan_edits_persist(open_view: ViewFactory, store: Store, qtbot: QtBot) -> None:
    view = open_view(store)
    view.safety_plan_choice.setFocus()
    press(qtbot, Qt.Key.Key_Space)
    editors = view.safety_plan.editors
    assert list(editors) == list(SAFETY_PLAN_SECTIONS)
    assert focused() is editors["warning_signs"]
    with qtbot.waitSignal(view.data_changed, timeout=3000) as changed:
        type_text(qtbot, "I stop answering messages")
        press(qtbot, Qt.Key.Key_Return)
        type_text(qtbot, "  Sleeping badly  ")
    assert changed.args == ["support"]
    assert safety_plan(store)["warning_signs"] == [
        "I stop answering messages",
        "Sleeping badly",
    ]
    # Typing goes on while the first save happens: the words stay as typed.
    assert editors["warning_signs"].toPlainText() == "I stop answering messages\n  Sleeping badly  "

    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is editors["coping_on_my_own"]
    type_text(qtbot, "A hot shower")
    press(qtbot, Qt.Key.Key_Escape)  # leaving saves at once
    assert view.current_part() == "overview"
    assert safety_plan(store)["coping_on_my_own"] == ["A hot shower"]

    view.show_safety_plan()
    tab_to(qtbot, editors["reasons_for_living"])
    type_text(qtbot, "My cat, Biscuit")
    view.close()  # closing saves too

    again = open_view(store)
    again.show_safety_plan()
    shown = again.safety_plan.plan()
    assert shown["warning_signs"] == ["I stop answering messages", "Sleeping badly"]
    assert shown["coping_on_my_own"] == ["A hot shower"]
    assert shown["reasons_for_living"] == ["My cat, Biscuit"]
    assert shown == safety_plan(store)


def test_the_plan_shows_who_can_be_reached_now_with_a_way_to_everyone(
    open_view: ViewFactory, store: Store, qtbot: QtBot
) -> None:
    store.settings.set(COUNTRY_SETTING, "GB")
    save_contacts(store, CONTACTS)
    view = open_view(store)
    view.show_safety_plan()  # as the check-in does after PHQ-9 item 9
    card = view.someone_now
    assert card.isVisible()
    assert card.lines.text().splitlines() == [
        "Samaritans: 116 123",
        "Emergency services: 999",
        "Your therapist: Dr Alex Morgan, 020 7946 0000",
    ]
    tab_to(qtbot, card.contacts_button)
    press(qtbot, Qt.Key.Key_Space)
    assert view.current_part() == "contacts"
    view.contacts.choose_country("AU")
    view.show_safety_plan()
    assert card.lines.text().splitlines()[0] == "Lifeline: 13 11 14"


def test_each_section_has_its_gentle_title_and_hint(open_view: ViewFactory, store: Store) -> None:
    view = open_view(store)
    view.show_safety_plan()
    wording = {section.key: section for section in section_wording()}
    assert wording["warning_signs"].title == "Warning signs"
    assert "a hard time may be starting" in wording["warning_signs"].hint
    page_words = [label.text() for label in view.safety_plan.findChildren(QLabel)]
    for number, key in enumerate(SAFETY_PLAN_SECTIONS, start=1):
        assert f"{number}. {wording[key].title}" in page_words
        assert wording[key].hint in page_words
        editor = view.safety_plan.editors[key]
        assert editor.accessibleName() == wording[key].title
        assert wording[key].hint in editor.accessibleDescription()


def test_a_refused_save_keeps_every_word_and_says_so_gently(
    open_view: ViewFactory, store: Store, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    view = open_view(store)
    view.show_safety_plan()

    def refuse(*_args: object) -> None:
        raise DatabaseReadOnlyError(Path("kap-companion.sqlite3"))

    monkeypatch.setattr("ui.support.safety_plan.save_safety_plan", refuse)
    type_text(qtbot, "Going quiet")
    assert view.safety_plan.save_now() is False
    assert view.safety_plan.status.isVisible()
    assert "could not be saved just now" in view.safety_plan.status.text()
    assert view.safety_plan.editors["warning_signs"].toPlainText() == "Going quiet"
    monkeypatch.undo()
    assert view.safety_plan.save_now() is True
    assert not view.safety_plan.status.isVisible()
    assert safety_plan(store)["warning_signs"] == ["Going quiet"]


def test_another_screens_change_shows_without_losing_what_is_being_typed(
    open_view: ViewFactory, store: Store, qtbot: QtBot
) -> None:
    view = open_view(store)
    view.show_safety_plan()
    type_text(qtbot, "Going quiet ")
    view.refresh()  # as the window does when any data changes
    assert view.safety_plan.editors["warning_signs"].toPlainText() == "Going quiet "
    assert safety_plan(store)["warning_signs"] == ["Going quiet"]
    save_safety_plan(store, {**safety_plan(store), "coping_on_my_own": ["Tea"]})
    view.refresh()
    assert view.safety_plan.editors["coping_on_my_own"].toPlainText() == "Tea"
    assert view.safety_plan.editors["warning_signs"].toPlainText() == "Going quiet "


# The printable plan -------------------------------------------------------------------------


def expected_printout_lines(country_code: str) -> set[str]:
    country = crisis_lines().for_country(country_code)
    return {
        "My safety plan",
        "Steps for a hard moment, in my own words. Start at the top and go on if you need to.",
        *(section.title for section in section_wording()),
        *(line for lines in PLAN.values() for line in lines),
        HANDWRITING_LINE,
        "People to contact",
        "My therapist: Dr Alex Morgan, 020 7946 0000",
        "My clinic: Riverside Clinic, 020 7946 0999",
        f"Crisis lines ({country.name})",
        *(f"{line.name}: {line.contact}" for line in country.lines),
        not_an_emergency_service(country),
    }


def test_the_printable_plan_holds_the_sections_and_lines_and_nothing_else(
    open_view: ViewFactory, demo_profile: Profile, tmp_path: Path
) -> None:
    with Store.open(demo_profile.database_path) as demo_store:  # a full course of entries
        save_safety_plan(demo_store, PLAN)
        save_contacts(demo_store, CONTACTS)
        demo_store.settings.set(COUNTRY_SETTING, "GB")
        view = open_view(demo_store)
        view.show_safety_plan()
        document = view.safety_plan.document()
        printed = [line for line in document.toPlainText().splitlines() if line.strip()]
        assert set(printed) == expected_printout_lines("GB")
        assert printed[0] == "My safety plan"
        titles = [section.title for section in section_wording()]
        assert [line for line in printed if line in titles] == titles  # in order
        assert "Samaritans: 116 123" in printed
        # Nothing from the journal or the insights goes out with the plan.
        words = document.toPlainText()
        for insight in demo_store.insights.list():
            assert insight.text not in words
        pdf = tmp_path / "My safety plan.pdf"
        assert view.safety_plan.save_pdf(str(pdf))
        assert pdf.read_bytes().startswith(b"%PDF")
        assert not list(tmp_path.glob("*.tmp*"))  # written all at once


@pytest.mark.usefixtures("usual_umask")
def test_the_safety_plan_pdf_is_private_even_replacing_a_readable_file(
    open_view: ViewFactory, store: Store, tmp_path: Path
) -> None:
    view = open_view(store)
    view.show_safety_plan()
    pdf = tmp_path / "My safety plan.pdf"
    pdf.write_bytes(b"an older plan")
    pdf.chmod(0o644)
    assert view.safety_plan.save_pdf(str(pdf))
    assert pdf.read_bytes().startswith(b"%PDF")
    assert mode(pdf) == 0o600


def test_the_printout_is_black_text_in_the_apps_font_with_room_for_empty_sections(
    qapp: QApplication,
) -> None:
    create_application()
    document = safety_plan_document(PLAN, {}, crisis_lines().for_country("US"))
    block = document.begin()
    families: set[str] = set()
    while block.isValid():
        for fragment_range in block.textFormats():
            char_format = fragment_range.format
            assert char_format.foreground().color().name() == "#000000"
            families.update(char_format.fontFamilies() or [])
        block = block.next()
    assert families == {QApplication.font().family()}
    printed = document.toPlainText().splitlines()
    professionals = printed.index("Professionals and services I can contact")
    assert printed[professionals + 1] == HANDWRITING_LINE
    assert "My therapist: " + HANDWRITING_LINE in printed
    assert "988 Suicide & Crisis Lifeline: Call or text 988" in printed


# People to contact --------------------------------------------------------------------------


def test_contacts_persist(open_view: ViewFactory, store: Store, qtbot: QtBot) -> None:
    view = open_view(store)
    view.contacts_choice.setFocus()
    press(qtbot, Qt.Key.Key_Space)
    panel = view.contacts
    fields = panel.fields
    tab_to(qtbot, fields["therapist_name"])
    type_text(qtbot, "Dr Alex Morgan")
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is fields["therapist_phone"]
    with qtbot.waitSignal(view.data_changed, timeout=3000):
        type_text(qtbot, "020 7946 0000 ")
    assert fields["therapist_phone"].text() == "020 7946 0000 "  # the space just typed stays
    view.refresh()
    assert fields["therapist_phone"].text() == "020 7946 0000 "
    tab_to(qtbot, fields["clinic_name"])
    type_text(qtbot, "Riverside Clinic")
    press(qtbot, Qt.Key.Key_Escape)  # leaving saves at once
    assert contacts(store) == {
        "therapist_name": "Dr Alex Morgan",
        "therapist_phone": "020 7946 0000",
        "clinic_name": "Riverside Clinic",
        "clinic_phone": "",
    }
    view.close()
    again = open_view(store)
    again.show_contacts()
    assert again.contacts.values() == contacts(store)


def test_crisis_lines_follow_the_chosen_country_and_the_choice_persists(
    open_view: ViewFactory, store: Store, qtbot: QtBot
) -> None:
    view = open_view(store)
    view.show_contacts()
    panel = view.contacts
    assert focused() is panel.country_choice
    panel.choose_country("GB")
    assert panel.country_choice.currentText() == "United Kingdom"
    assert panel.crisis_line_texts() == ["Samaritans: 116 123", "Emergency services: 999"]
    assert store.settings.get(COUNTRY_SETTING) == "GB"
    assert panel.emergency_sentence.isVisible()
    assert panel.emergency_sentence.text() == not_an_emergency_service(
        crisis_lines().for_country("GB")
    )
    # By keyboard: type the start of a country's name in the list.
    type_text(qtbot, "United S")
    assert panel.country_code() == "US"
    assert "988 Suicide & Crisis Lifeline: Call or text 988" in panel.crisis_line_texts()
    assert store.settings.get(COUNTRY_SETTING) == "US"
    press(qtbot, Qt.Key.Key_Escape)
    assert view.emergency_sentence.text().endswith("your local emergency number, 911.")
    view.close()

    again = open_view(store)
    again.show_contacts()
    assert again.contacts.country_code() == "US"
    assert (
        again.contacts.crisis_line_texts()[0] == "988 Suicide & Crisis Lifeline: Call or text 988"
    )


def test_the_country_starts_from_the_system_locale(
    open_view: ViewFactory, store: Store, locale_gb: None
) -> None:
    assert store.settings.get(COUNTRY_SETTING) is None
    view = open_view(store)
    view.show_contacts()
    assert view.contacts.country_code() == "GB"
    assert view.emergency_sentence.text().endswith("999.")
    assert store.settings.get(COUNTRY_SETTING) is None  # nothing chosen yet, nothing saved


def test_another_country_comes_last_and_gets_no_number_but_a_directory(
    open_view: ViewFactory, store: Store
) -> None:
    store.settings.set(COUNTRY_SETTING, OTHER_COUNTRY)
    view = open_view(store)
    view.show_contacts()
    panel = view.contacts
    choice = panel.country_choice
    assert choice.itemData(choice.count() - 1) == OTHER_COUNTRY
    assert choice.currentText() == "Another country"
    assert panel.crisis_line_texts() == []
    assert panel.elsewhere_words.isVisible()
    assert "findahelpline.com" in panel.elsewhere_words.text()
    assert panel.emergency_sentence.text().endswith("please call your local emergency number.")
    assert view.emergency_sentence.text().endswith("please call your local emergency number.")
    assert not any(character.isdigit() for character in view.emergency_sentence.text())
    panel.choose_country("JP")
    assert not panel.elsewhere_words.isVisible()
    emergency = "Emergency services: 119 (ambulance, fire), 110 (police)"
    assert panel.crisis_line_texts()[-1] == emergency


def test_a_c_locale_gets_the_neutral_words(
    open_view: ViewFactory, store: Store, locale_c: None
) -> None:
    view = open_view(store)
    view.show_contacts()
    assert view.contacts.country_code() == OTHER_COUNTRY
    assert view.contacts.elsewhere_words.isVisible()
    assert view.emergency_sentence.text().endswith("please call your local emergency number.")
    document = view.safety_plan.document().toPlainText()
    assert "findahelpline.com" in document
    assert "112" not in document


# Accessibility and fit ----------------------------------------------------------------------


def every_part(view: SupportView) -> dict[str, Callable[[], object]]:
    def grounding_at(step: int) -> Callable[[], None]:
        def show() -> None:
            view.show_grounding()
            for _ in range(step):
                view.grounding.next()

        return show

    def breathing_running() -> None:
        view.show_breathing()
        view.breathing.start()

    return {
        "overview": view.show_overview,
        "grounding": view.show_grounding,
        "grounding, third sense": grounding_at(2),
        "grounding, the end": grounding_at(5),
        "breathing": breathing_running,
        "safety plan": view.show_safety_plan,
        "contacts": view.show_contacts,
    }


def test_every_focusable_widget_has_an_accessible_name(
    open_view: ViewFactory, store: Store
) -> None:
    save_safety_plan(store, PLAN)
    view = open_view(store)
    for name, show in every_part(view).items():
        show()
        QApplication.processEvents()
        assert focusable_without_a_name(view) == [], name


def test_nothing_is_clipped_in_the_smallest_window(
    open_view: ViewFactory, store: Store, qtbot: QtBot
) -> None:
    save_safety_plan(store, PLAN)
    save_contacts(store, CONTACTS)
    store.settings.set(COUNTRY_SETTING, "CA")  # the longest crisis-line names
    for reduce_motion in (False, True):
        view = open_view(store, reduce_motion=reduce_motion)
        for size in (SMALLEST_IN_WINDOW, SMALLEST_ON_ITS_OWN):
            view.resize(size)
            for name, show in every_part(view).items():
                show()

                def settled(shown: SupportView = view) -> bool:
                    return clipped_labels(shown) == []

                qtbot.waitUntil(settled, timeout=3000)
                assert settled(), (size, name)
        view.close()


def test_in_the_smallest_window_the_breathing_words_show_without_scrolling(
    open_view: ViewFactory, store: Store, qtbot: QtBot
) -> None:
    view = open_view(store)
    view.resize(SMALLEST_IN_WINDOW)
    view.show_breathing()
    view.breathing.start()
    instruction = view.breathing.pacer.instruction

    def inside() -> bool:
        bottom = instruction.mapTo(view, instruction.rect().bottomLeft()).y()
        return 0 < bottom <= view.height()

    qtbot.waitUntil(inside, timeout=3000)
