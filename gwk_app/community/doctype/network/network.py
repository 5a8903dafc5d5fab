# Copyright (c) 2026, gwk_app developers
# License: MIT. See license.txt

import frappe
from frappe import _

from gwk_app.controllers import ProjectBoundDocument


class Network(ProjectBoundDocument):
	def validate(self):
		if self.level == "District" and not self.district:
			frappe.throw(_("A district-level network needs its district."), title=_("Missing District"))
		partners = [m.partner for m in self.members]
		if len(partners) != len(set(partners)):
			frappe.throw(_("Each partner can be a member only once."), title=_("Duplicate Member"))
