"""German translations for integration tests: compile gwk_app's de.po and drop cached translations."""


def compile_german() -> None:
	"""What `bench compile-po-to-mo --app gwk_app` does for German, then forget cached dictionaries."""
	from frappe.gettext.translate import compile_translations
	from frappe.translate import clear_cache

	compile_translations("gwk_app", "de", force=True)
	clear_cache()
