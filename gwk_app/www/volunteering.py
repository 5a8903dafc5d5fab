"""/volunteering: the volunteer portal. A volunteer with a portal login sees and edits only their own
profile and availability and logs their own hours (through gwk_app.api.volunteering)."""

import frappe
from frappe import _

from gwk_app.api.volunteering import _profile, own_volunteer
from gwk_app.rules.volunteering import WEEKDAYS

no_cache = 1


def get_context(context):
	if frappe.session.user == "Guest":
		frappe.local.flags.redirect_location = "/login?redirect-to=/volunteering"
		raise frappe.Redirect
	context.profile = _profile(own_volunteer())
	context.weekdays = WEEKDAYS
	context.title = _("My Volunteering")
	context.no_breadcrumbs = True
	return context
