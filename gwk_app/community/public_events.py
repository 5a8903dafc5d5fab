"""The public event calendar's reads: published, upcoming, not cancelled events with their public
fields only, and how many places they have left. Used by /veranstaltungen and the public endpoints in
gwk_app.api.events (registration, iCal feed)."""

import frappe
from frappe.query_builder.functions import Count
from frappe.utils import now_datetime

from gwk_app.rules.events import PLACE_HOLDING_STATUSES

EVENT = "Community Event"
PARTICIPANT = "Community Event Participant"
PUBLIC_FIELDS = (
	"name",
	"title",
	"event_type",
	"starts_on",
	"ends_on",
	"place",
	"district",
	"public_description",
	"registration_required",
	"capacity",
)


def upcoming_public_events(district: str | None = None) -> list[dict]:
	"""Published, not cancelled events that have not ended, with their public fields only.
	Reads with get_all: the public calendar is meant for everyone, and this projection holds no
	personal data (no participants, no organisers, no internal fields)."""
	now = now_datetime()
	event = frappe.qb.DocType(EVENT)
	query = (
		frappe.qb.from_(event)
		.select(*[event[f] for f in PUBLIC_FIELDS])
		.where(
			(event.published == 1)
			& (event.status != "Cancelled")
			& ((event.starts_on >= now) | (event.ends_on >= now))
		)
		.orderby(event.starts_on)
		.limit(500)
	)
	if district:
		query = query.where(event.district == district)
	rows = query.run(as_dict=True)
	taken = places_taken([r.name for r in rows if r.registration_required])
	for row in rows:
		row.places_left = None
		if row.registration_required and row.capacity:
			row.places_left = max(int(row.capacity) - taken.get(row.name, 0), 0)
	return rows


def places_taken(events: list[str]) -> dict[str, int]:
	if not events:
		return {}
	participant = frappe.qb.DocType(PARTICIPANT)
	rows = (
		frappe.qb.from_(participant)
		.select(participant.parent, Count("*").as_("n"))
		.where(
			(participant.parenttype == EVENT)
			& (participant.parent.isin(events))
			& (participant.status.isin(list(PLACE_HOLDING_STATUSES)))
		)
		.groupby(participant.parent)
		.run(as_dict=True)
	)
	return {r.parent: r.n for r in rows}


def public_districts() -> list[str]:
	"""Districts that have upcoming public events (for the filter)."""
	return sorted({r.district for r in upcoming_public_events() if r.district})
