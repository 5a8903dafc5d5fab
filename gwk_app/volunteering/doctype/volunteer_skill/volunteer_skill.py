# Copyright (c) 2026, gwk_app developers
# License: MIT. See license.txt

from gwk_app.validation import CheckedDocument


class VolunteerSkill(CheckedDocument):
	pass
