"""/volunteering: the volunteer portal. A volunteer with a portal login sees and edits only their own
profile and availability and logs their own hours (through gwk_app.api.volunteering; reads in gwk_app.volunteering.portal)."""

import frappe
from frappe import _

from gwk_app.rules.common import WEEKDAYS
from gwk_app.volunteering.portal import own_volunteer, profile

no_cache = 1


def get_context(context):
	if frappe.session.user == "Guest":
		frappe.local.flags.redirect_location = "/login?redirect-to=/volunteering"
		raise frappe.Redirect
	context.profile = profile(own_volunteer())
	context.weekdays = WEEKDAYS
	context.title = _("My Volunteering")
	context.no_breadcrumbs = True
	return context
