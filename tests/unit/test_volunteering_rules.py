"""Volunteering rules without Frappe: clearance validity, hours, matching order on fixed data."""

from datetime import date, time, timedelta

import pytest

from gwk_app.rules import volunteering as vr
from gwk_app.rules.volunteering import OpportunityProfile, Slot, VolunteerProfile

TODAY = date(2026, 11, 21)


def test_clearance_valid_until():
	assert vr.clearance_valid_until(date(2024, 3, 1), 5) == date(2029, 2, 28)
	assert vr.clearance_valid_until(date(2024, 2, 29), 1) == date(2025, 2, 27)
	assert vr.clearance_valid_until(None, 5) is None


@pytest.mark.parametrize(
	"issued, start, end, ok",
	[
		(date(2024, 1, 10), date(2026, 1, 1), date(2026, 12, 31), True),
		(date(2024, 1, 10), date(2026, 1, 1), None, True),
		(date(2021, 1, 10), date(2026, 1, 1), date(2026, 1, 9), True),  # valid through 2026-01-09
		(date(2021, 1, 10), date(2026, 1, 1), date(2026, 1, 10), False),  # expires during the assignment
		(date(2021, 1, 10), date(2026, 1, 10), None, False),  # expired on the start date
		(date(2026, 6, 1), date(2026, 1, 1), None, False),  # issued after the start
		(None, date(2026, 1, 1), None, False),
	],
)
def test_clearance_covers(issued, start, end, ok):
	assert vr.clearance_covers(issued, 5, start, end) is ok


def test_clearance_reminder_due():
	issued = date(2021, 12, 21)  # valid until 2026-12-20
	assert not vr.clearance_reminder_due(issued, 5, 28, TODAY)  # 29 days left
	assert vr.clearance_reminder_due(issued, 5, 29, TODAY)
	assert vr.clearance_reminder_due(date(2020, 1, 1), 5, 30, TODAY)  # expired: still due
	assert not vr.clearance_reminder_due(None, 5, 30, TODAY)


@pytest.mark.parametrize(
	"hours, ok",
	[(0.25, True), (24, True), ("8", True), (0, False), (-1, False), (24.01, False), ("x", False),
	 (None, False), (float("nan"), False), (float("inf"), False), (True, False)],
)  # fmt: skip
def test_hours(hours, ok):
	assert vr.hours_ok(hours) is ok


def test_split_list_and_minutes():
	assert vr.split_list("Deutsch, Arabisch; englisch\nDeutsch ") == {"deutsch", "arabisch", "englisch"}
	assert vr.split_list(None) == set()
	assert vr.to_minutes("15:30:00") == 930
	assert vr.to_minutes(timedelta(hours=9, minutes=15)) == 555
	assert vr.to_minutes(time(18, 0)) == 1080
	assert vr.to_minutes(None) is None


def test_slot_overlap():
	slot = Slot("Tuesday", "14:00", "18:00")
	assert vr.slots_overlap(slot, "Tuesday", "15:00", "17:00") == "full"
	assert vr.slots_overlap(slot, "Tuesday", "17:00", "19:00") == "partial"
	assert vr.slots_overlap(slot, "Tuesday", "18:00", "19:00") == ""
	assert vr.slots_overlap(slot, "Wednesday", "15:00", "17:00") == ""
	assert vr.slots_overlap(slot, "Tuesday", None, None) == "full"


# A fixed set of volunteers and one opportunity: Tuesday 15-18 in Nord, wants gardening and
# German/Arabic, needs a police clearance certificate.
OPPORTUNITY = OpportunityProfile(
	skills={"Gardening", "Translation"},
	languages="Deutsch, Arabisch",
	district="Nord",
	weekday="Tuesday",
	from_time="15:00",
	to_time="18:00",
	needs_clearance=True,
)
VOLUNTEERS = [
	# 3 (gardening) + 2 (deutsch) + 2 (district) + 3 (full) = 10, clearance fine
	VolunteerProfile(
		"Anna", skills={"Gardening"}, languages="Deutsch", districts={"Nord"},
		availability=[Slot("Tuesday", "14:00", "19:00")], clearance_date=date(2024, 1, 1),
	),
	# 6 + 4 + 0 + 1 = 11, but no clearance: after everyone with one
	VolunteerProfile(
		"Bert", skills={"Gardening", "Translation"}, languages="Deutsch, Arabisch", districts={"Süd"},
		availability=[Slot("Tuesday", "16:00", "20:00")],
	),
	# 3 + 2 + 1 (any district) + 0 = 6, clearance fine
	VolunteerProfile(
		"Cleo", skills={"Translation"}, languages="arabisch", availability=[Slot("Monday", "15:00", "18:00")],
		clearance_date=date(2023, 5, 1),
	),
	# 3 + 2 + 2 (one of two districts) + 0 (no availability given) = 7, clearance fine
	VolunteerProfile(
		"Dana", skills={"Gardening"}, languages="Deutsch", districts={"Nord", "Süd"},
		clearance_date=date(2025, 1, 1),
	),
	# the highest raw score, but paused: not offered
	VolunteerProfile(
		"Emil", status="Paused", skills={"Gardening", "Translation"}, languages="Deutsch, Arabisch",
		districts={"Nord"}, availability=[Slot("Tuesday", "15:00", "18:00")], clearance_date=date(2025, 1, 1),
	),
	# clearance expired (issued 2021-06-01, valid until 2026-05-31): ranks with the uncleared
	VolunteerProfile("Fynn", skills={"Gardening"}, districts={"Nord"}, clearance_date=date(2021, 6, 1)),
	# nothing in common: score 0, still listed (active, cleared)
	VolunteerProfile("Gina", skills={"Cooking"}, districts={"Süd"}, clearance_date=date(2025, 1, 1)),
]  # fmt: skip


def test_matching_order_on_fixed_data():
	ranked = vr.rank_volunteers(VOLUNTEERS, OPPORTUNITY, 5, TODAY)
	assert [m.volunteer for m in ranked] == ["Anna", "Dana", "Cleo", "Gina", "Bert", "Fynn"]
	assert [m.score for m in ranked] == [10, 7, 6, 0, 11, 5]
	by_name = {m.volunteer: m for m in ranked}
	assert by_name["Anna"].score == 10 and by_name["Anna"].availability == "full"
	assert by_name["Bert"].score == 11 and not by_name["Bert"].clearance_ok
	assert by_name["Bert"].availability == "partial" and not by_name["Bert"].district
	assert by_name["Cleo"].score == 6 and by_name["Cleo"].languages == ["arabisch"]
	assert by_name["Dana"].score == 3 + 2 + 2
	assert by_name["Fynn"].score == 5 and not by_name["Fynn"].clearance_ok
	assert by_name["Gina"].score == 0
	assert "Emil" not in by_name


def test_matching_without_clearance_need_ranks_by_score():
	opportunity = OpportunityProfile(**{**OPPORTUNITY.__dict__, "needs_clearance": False})
	ranked = vr.rank_volunteers(VOLUNTEERS, opportunity, 5, TODAY)
	assert [m.volunteer for m in ranked] == ["Bert", "Anna", "Dana", "Cleo", "Fynn", "Gina"]
	assert all(m.clearance_ok for m in ranked)


def test_equal_scores_rank_by_name():
	twins = [VolunteerProfile("Zoe", skills={"Gardening"}), VolunteerProfile("Ada", skills={"Gardening"})]
	opportunity = OpportunityProfile(skills={"Gardening"})
	assert [m.volunteer for m in vr.rank_volunteers(twins, opportunity, 5, TODAY)] == ["Ada", "Zoe"]


@pytest.mark.parametrize(
	"start, end, ok",
	[("09:00", "12:00", True), ("9:00", "18:00", True), ("18:00", "9:00", False), ("10:00", "10:00", False),
	 (timedelta(hours=15), timedelta(hours=13), False), (None, "10:00", True)],
)  # fmt: skip
def test_time_range(start, end, ok):
	assert vr.time_range_ok(start, end) is ok
