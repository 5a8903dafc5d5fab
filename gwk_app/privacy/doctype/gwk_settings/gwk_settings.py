# Copyright (c) 2026, gwk_app developers
# License: MIT. See license.txt

import frappe
from frappe import _

from gwk_app.validation import CheckedDocument


class GWKSettings(CheckedDocument):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		carrier_name: DF.Data | None
		clearance_reminder_days: DF.Int
		clearance_valid_years: DF.Int
		esf_exit_reminder_days: DF.Int
		referral_feedback_days: DF.Int
		retention_batch_size: DF.Int
		retention_years_esf: DF.Int
		retention_years_resident: DF.Int
		small_cell_threshold: DF.Int

	# end: auto-generated types
	def validate(self):
		if (self.small_cell_threshold or 0) < 1:
			frappe.throw(_("The small-cell threshold must be at least 1."), title=_("Invalid Setting"))
		if (self.referral_feedback_days or 0) < 1:
			frappe.throw(
				_("Days until a referral needs feedback must be at least 1."), title=_("Invalid Setting")
			)
