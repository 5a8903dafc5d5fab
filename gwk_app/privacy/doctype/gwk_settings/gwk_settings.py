# Copyright (c) 2026, gwk_app developers
# License: MIT. See license.txt

import frappe
from frappe import _

from gwk_app.validation import CheckedDocument


class GWKSettings(CheckedDocument):
	def validate(self):
		if (self.small_cell_threshold or 0) < 1:
			frappe.throw(_("The small-cell threshold must be at least 1."), title=_("Invalid Setting"))
		if (self.referral_feedback_days or 0) < 1:
			frappe.throw(
				_("Days until a referral needs feedback must be at least 1."), title=_("Invalid Setting")
			)
