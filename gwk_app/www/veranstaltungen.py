"""/veranstaltungen: the public event calendar. Lists the published upcoming events (public fields
only, see gwk_app.community.public_events) with a registration form for events that take
registrations, a district filter and a link to the iCalendar feed."""

import frappe
from frappe import _

from gwk_app.community.public_events import public_districts, upcoming_public_events
from gwk_app.rules.events import GUEST_CONTACT_RETENTION_DAYS

no_cache = 1


def get_context(context):
	districts = public_districts()
	district = frappe.form_dict.get("district")
	if not isinstance(district, str) or district not in districts:
		district = None
	context.events = upcoming_public_events(district)
	context.districts = districts
	context.district = district
	context.retention_days = GUEST_CONTACT_RETENTION_DAYS
	context.ical_url = "/api/method/gwk_app.api.events.ical"
	context.title = _("Events")
	context.no_breadcrumbs = True
	return context
