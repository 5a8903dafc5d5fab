"""Every user-facing string of the app has a German translation in gwk_app/locale/de.po."""

import json
import shutil

from tests.unit import i18n_strings


def test_every_string_is_translated():
	missing = i18n_strings.missing()
	assert not missing, "untranslated (run python scripts/i18n.py):\n" + "\n".join(
		f"{k!r} in {', '.join(sorted(v))}" for k, v in sorted(missing.items())
	)


def test_po_file_has_no_empty_or_fuzzy_translations():
	from babel.messages.pofile import read_po

	with open(i18n_strings.PO_FILE, "rb") as fh:
		catalog = read_po(fh, locale="de")
	for message in catalog:
		if message.id:
			assert message.string, f"empty translation for {message.id!r}"
			assert not message.fuzzy, f"fuzzy translation for {message.id!r}"
	for message in catalog:
		if message.id and "{0}" in message.id:
			assert "{0}" in message.string, f"placeholder lost in {message.id!r}"


def test_coverage_check_notices_a_new_label(tmp_path):
	app = tmp_path / "gwk_app"
	shutil.copytree(i18n_strings.APP, app)
	field_json = app / "casework" / "doctype" / "resident" / "resident.json"
	data = json.loads(field_json.read_text())
	data["fields"].append({"fieldname": "x_new", "fieldtype": "Data", "label": "A Label Nobody Translated"})
	field_json.write_text(json.dumps(data))
	(app / "casework" / "extra.py").write_text('from frappe import _\n_("A message nobody translated")\n')
	(app / "public" / "js" / "extra.js").write_text(
		'frappe.msgprint(__("A JS message nobody translated"));\n'
	)
	missing = i18n_strings.missing(app=app)
	assert {
		"A Label Nobody Translated",
		"A message nobody translated",
		"A JS message nobody translated",
	} <= set(missing)


def test_coverage_check_notices_new_desk_labels(tmp_path):
	"""Workspace labels, shortcut formats and header text, number cards, charts, report JS filters and
	print formats are checked too."""
	app = tmp_path / "gwk_app"
	shutil.copytree(i18n_strings.APP, app)
	ws_path = app / "community" / "workspace" / "gemeinwesen" / "gemeinwesen.json"
	ws = json.loads(ws_path.read_text())
	ws["shortcuts"].append({"type": "DocType", "link_to": "Case", "label": "Shortcut Nobody Translated",
		"format": "{} nobody translated"})  # fmt: skip
	ws["links"].append({"type": "Card Break", "label": "Card Nobody Translated"})
	content = json.loads(ws["content"])
	content.append(
		{
			"id": "x",
			"type": "header",
			"data": {"text": '<span class="h4"><b>Header Nobody Translated</b></span>'},
		}
	)
	ws["content"] = json.dumps(content)
	ws_path.write_text(json.dumps(ws))
	card = app / "reports" / "number_card" / "x_card" / "x_card.json"
	card.parent.mkdir(parents=True)
	card.write_text(json.dumps({"doctype": "Number Card", "name": "Card Label Nobody Translated",
		"label": "Card Label Nobody Translated"}))  # fmt: skip
	chart = app / "reports" / "dashboard_chart" / "x_chart" / "x_chart.json"
	chart.parent.mkdir(parents=True)
	chart.write_text(json.dumps({"doctype": "Dashboard Chart", "chart_name": "Chart Nobody Translated"}))
	report_js = app / "reports" / "report" / "x_report" / "x_report.js"
	report_js.parent.mkdir(parents=True)
	report_js.write_text(
		'frappe.query_reports["X"] = {filters: [{fieldname: "y", label: "Filter Nobody Translated"}]};\n'
	)
	print_format = app / "privacy" / "print_format" / "x_print" / "x_print.json"
	print_format.parent.mkdir(parents=True)
	print_format.write_text(json.dumps({"doctype": "Print Format", "name": "x",
		"html": "<h1>{{ _(\"Print Heading Nobody Translated\") }}</h1>"}))  # fmt: skip
	missing = set(i18n_strings.missing(app=app))
	assert {
		"Shortcut Nobody Translated",
		"{} nobody translated",
		"Card Nobody Translated",
		"Header Nobody Translated",
		"Card Label Nobody Translated",
		"Chart Nobody Translated",
		"Filter Nobody Translated",
		"Print Heading Nobody Translated",
	} <= missing
