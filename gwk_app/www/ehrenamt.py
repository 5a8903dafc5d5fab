"""/ehrenamt: the public list of published volunteer opportunities (public fields only, see
gwk_app.volunteering.portal.published_opportunities), with a district filter."""

import frappe
from frappe import _

from gwk_app.volunteering.portal import published_districts, published_opportunities

no_cache = 1


def get_context(context):
	districts = published_districts()
	district = frappe.form_dict.get("district")
	if not isinstance(district, str) or district not in districts:
		district = None
	context.opportunities = published_opportunities(district)
	context.districts = districts
	context.district = district
	context.title = _("Volunteer Opportunities")
	context.no_breadcrumbs = True
	return context
