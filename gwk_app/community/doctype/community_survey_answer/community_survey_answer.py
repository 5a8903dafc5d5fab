# Copyright (c) 2026, gwk_app developers
# License: MIT. See license.txt

from frappe.model.document import Document


class CommunitySurveyAnswer(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		answer: DF.Data | None
		number_value: DF.Float
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		question: DF.Data
		question_label: DF.Data | None
		text_answer: DF.SmallText | None
	# end: auto-generated types
	pass
