# Copyright (c) 2026, gwk_app developers
# License: MIT. See license.txt

from frappe.model.document import Document


class CommunitySurveyQuestion(Document):
	# begin: auto-generated types
	# This code is auto-generated. Do not modify anything in this block.

	from typing import TYPE_CHECKING

	if TYPE_CHECKING:
		from frappe.types import DF

		label: DF.Data
		label_ar: DF.Data | None
		label_en: DF.Data | None
		label_ru: DF.Data | None
		label_tr: DF.Data | None
		label_uk: DF.Data | None
		max_value: DF.Float
		min_value: DF.Float
		options: DF.SmallText | None
		options_ar: DF.SmallText | None
		options_en: DF.SmallText | None
		options_ru: DF.SmallText | None
		options_tr: DF.SmallText | None
		options_uk: DF.SmallText | None
		parent: DF.Data
		parentfield: DF.Data
		parenttype: DF.Data
		question_type: DF.Literal["Single Choice", "Multiple Choice", "Scale 1-5", "Number", "Short Text"]
		required: DF.Check
	# end: auto-generated types
	pass
