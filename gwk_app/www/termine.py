"""/termine: public booking of individual appointments, per project (?projekt=NAME). Shows a project's
free slots (day, time, channel, place; never who counsels or who booked) and a form for a first name
and a phone number or e-mail address with the consent to be contacted. ?absagen=KEY is the
cancellation link of a booked appointment."""

import frappe
from frappe import _
from frappe.utils import getdate

from gwk_app.casework.appointments import appointment_by_key, consent_text, free_public_slots, public_projects
from gwk_app.rules.appointments import MAX_FIRST_NAME_LENGTH

no_cache = 1


def get_context(context):
	context.no_breadcrumbs = True
	context.title = _("Book an Appointment")
	context.max_first_name = MAX_FIRST_NAME_LENGTH
	context.consent_text = consent_text()
	key = frappe.form_dict.get("absagen")
	if key:
		row = appointment_by_key(key)
		context.cancel_key = key if row else None
		context.cancel_row = frappe._dict(starts_on=row.starts_on, status=row.status) if row else None
		context.title = _("Cancel an Appointment")
		return context
	projects = public_projects()
	project = frappe.form_dict.get("projekt")
	if not isinstance(project, str) or project not in projects:
		project = None
	context.projects = projects
	context.project = project
	context.days = []
	if project:
		context.intro = frappe.db.get_value("Consultation Schedule", {"project": project}, "public_intro")
		days = {}
		for slot in free_public_slots(project) or []:
			days.setdefault(getdate(slot["start"]), []).append(slot)
		context.days = sorted(days.items())
	return context
