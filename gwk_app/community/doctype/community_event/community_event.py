# Copyright (c) 2026, gwk_app developers
# License: MIT. See license.txt

import frappe
from frappe import _
from frappe.utils import get_datetime, getdate, now_datetime, today

from gwk_app.controllers import ProjectBoundDocument, validate_period
from gwk_app.rules import events as rules


class CommunityEvent(ProjectBoundDocument):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		from gwk_app.community.doctype.community_event_organiser.community_event_organiser import (
			CommunityEventOrganiser,
		)
		from gwk_app.community.doctype.community_event_participant.community_event_participant import (
			CommunityEventParticipant,
		)
		from gwk_app.community.doctype.community_event_partner.community_event_partner import (
			CommunityEventPartner,
		)
		from gwk_app.community.doctype.community_event_photo.community_event_photo import CommunityEventPhoto

		attended_count: DF.Int
		capacity: DF.Int
		district: DF.Link | None
		ends_on: DF.Datetime | None
		event_type: DF.Literal[
			"District Festival",
			"Spring Clean-up",
			"Business Round Table",
			"Workshop",
			"Reading",
			"Advent Market",
			"Group Session",
			"Other",
		]
		headcount_18_29: DF.Int
		headcount_30_54: DF.Int
		headcount_55_64: DF.Int
		headcount_65_plus: DF.Int
		headcount_diverse: DF.Int
		headcount_female: DF.Int
		headcount_male: DF.Int
		headcount_total: DF.Int
		headcount_under_18: DF.Int
		organisers: DF.TableMultiSelect[CommunityEventOrganiser]
		participants: DF.Table[CommunityEventParticipant]
		partners: DF.TableMultiSelect[CommunityEventPartner]
		photos: DF.Table[CommunityEventPhoto]
		place: DF.Data | None
		project: DF.Link
		public_description: DF.SmallText | None
		published: DF.Check
		registered_count: DF.Int
		registration_required: DF.Check
		series: DF.Link | None
		series_date: DF.Date | None
		starts_on: DF.Datetime
		status: DF.Literal["Planned", "Held", "Cancelled"]
		title: DF.Data
		waiting_count: DF.Int

	# end: auto-generated types
	def validate(self):
		validate_period(
			get_datetime(self.starts_on) if self.starts_on else None,
			get_datetime(self.ends_on) if self.ends_on else None,
			"Starts On",
			"Ends On",
		)
		self.validate_headcount()
		self.validate_participants()
		self.validate_photos()
		self.validate_same_project("series", "resident", "consent")
		self.move_up_from_waiting_list()
		self.set_counts()

	def validate_headcount(self):
		fields = ("headcount_total", *rules.HEADCOUNT_AGE_FIELDS, *rules.HEADCOUNT_GENDER_FIELDS)
		if rules.has_negative(self.get(f) for f in fields):
			frappe.throw(_("Headcounts cannot be negative."), title=_("Invalid Headcount"))
		for parts, label in (
			(rules.HEADCOUNT_AGE_FIELDS, _("age groups")),
			(rules.HEADCOUNT_GENDER_FIELDS, _("genders")),
		):
			values = [self.get(f) for f in parts]
			if rules.breakdown_exceeds(self.headcount_total, values):
				frappe.throw(
					_("The breakdown by {0} adds up to {1}, more than the total headcount of {2}.").format(
						label, sum(int(v or 0) for v in values), int(self.headcount_total or 0)
					),
					title=_("Invalid Headcount"),
				)

	def validate_participants(self):
		residents, emails = set(), set()
		for row in self.participants:
			row.guest_name = rules.clean_text(row.guest_name) or None
			row.email = rules.clean_text(row.email) or None
			row.phone = rules.clean_text(row.phone) or None
			if row.resident and row.guest_name:
				frappe.throw(
					_("Row {0}: choose a resident or enter a guest name, not both.").format(row.idx),
					title=_("Invalid Participant"),
				)
			if not row.resident and not row.guest_name:
				frappe.throw(
					_("Row {0}: choose a resident or enter a guest name.").format(row.idx),
					title=_("Invalid Participant"),
				)
			if any(rules.contains_markup(v) for v in (row.guest_name, row.email, row.phone)):
				frappe.throw(
					_("Row {0}: names and contact data cannot contain HTML or script.").format(row.idx),
					title=_("Invalid Participant"),
				)
			if row.guest_name and len(row.guest_name) > rules.MAX_NAME_LENGTH:
				frappe.throw(
					_("Row {0}: the name is longer than {1} characters.").format(
						row.idx, rules.MAX_NAME_LENGTH
					),
					title=_("Invalid Participant"),
				)
			if row.email and not rules.valid_email(row.email):
				frappe.throw(
					_("Row {0}: {1} is not a valid e-mail address.").format(row.idx, row.email),
					title=_("Invalid Participant"),
				)
			if row.phone and not rules.valid_phone(row.phone):
				frappe.throw(
					_("Row {0}: {1} is not a valid phone number.").format(row.idx, row.phone),
					title=_("Invalid Participant"),
				)
			if row.resident:
				if row.resident in residents:
					frappe.throw(
						_("Row {0}: resident {1} is listed twice.").format(row.idx, row.resident),
						title=_("Duplicate Participant"),
					)
				residents.add(row.resident)
			if row.email and row.status != "Cancelled":
				key = row.email.casefold()
				if key in emails:
					frappe.throw(
						_("Row {0}: {1} is registered twice.").format(row.idx, row.email),
						title=_("Duplicate Participant"),
					)
				emails.add(key)
			if not row.registered_on:
				row.registered_on = now_datetime()

	def validate_photos(self):
		consents = {row.consent for row in self.photos if row.consent}
		info = {}
		if consents:
			rows = frappe.get_all(
				"Consent",
				filters={"name": ("in", list(consents))},
				fields=["name", "purpose", "given_on", "withdrawn_on"],
			)
			info = {r.name: r for r in rows}
		on_date = getdate(today())
		for row in self.photos:
			consent = info.get(row.consent)
			consent_ok = bool(consent) and rules.consent_in_force(
				consent.purpose,
				getdate(consent.given_on) if consent.given_on else None,
				getdate(consent.withdrawn_on) if consent.withdrawn_on else None,
				on_date,
			)
			if not rules.photo_may_be_published(row.shows_people, row.publish, consent_ok):
				frappe.throw(
					_(
						"Row {0}: a photo that shows people can be published only with a consent for photos"
						" and publication that is in force. Link the consent or untick Publish."
					).format(row.idx),
					title=_("Photo Consent Missing"),
				)
			if rules.photo_must_be_private(row.shows_people, row.publish, consent_ok, row.image):
				frappe.throw(
					_(
						"Row {0}: a photo that shows people must be uploaded as a private file unless it is"
						" published with consent."
					).format(row.idx),
					title=_("Photo Must Be Private"),
				)

	def move_up_from_waiting_list(self):
		"""A place that became free (a cancellation, a larger capacity) goes to the earliest entry on
		the waiting list. Staff are told whom to let know."""
		if not self.registration_required or self.status == "Cancelled":
			return
		rows = {row.name or str(id(row)): row for row in self.participants}
		keys = rules.to_move_up(
			[(key, row.status, row.registered_on) for key, row in rows.items()], self.capacity
		)
		for key in keys:
			rows[key].status = "Registered"
		# names are for staff only: never put them into the answer of a public registration
		if keys and frappe.session.user != "Guest":
			frappe.msgprint(
				_("Moved up from the waiting list: {0}. Please let them know.").format(
					", ".join(rows[k].guest_name or rows[k].resident_name or rows[k].resident for k in keys)
				),
				alert=True,
			)

	def set_counts(self):
		counts = rules.count_participants(row.status for row in self.participants)
		self.registered_count = counts["registered"]
		self.waiting_count = counts["waiting"]
		self.attended_count = counts["attended"]


def on_doctype_update():
	frappe.db.add_index("Community Event", ["series", "series_date"])
	frappe.db.add_index("Community Event", ["published", "status", "starts_on"])
