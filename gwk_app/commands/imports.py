"""`bench --site SITE gwk-import-check FILE --doctype D [--project P]`: the dry run of a Data Import."""

import click
from frappe.commands import get_site, pass_context


@click.command("gwk-import-check")
@click.argument("file_path", type=click.Path(exists=True, dir_okay=False))
@click.option("--doctype", required=True, help="The doctype the file holds, e.g. Resident.")
@click.option("--project", default=None, help="Check the rows for this project (empty project cells get it).")
@click.option(
	"--user", default=None, help="Check as this user (their team's projects); default Administrator."
)
@click.option(
	"--type", "import_type", type=click.Choice(["insert", "update"], case_sensitive=False), default="insert"
)
@pass_context
def gwk_import_check(context, file_path, doctype, project=None, user=None, import_type="insert"):
	"""Print per row what an import of FILE would store and what it would refuse and why; store nothing."""
	import frappe

	from gwk_app.imports.dry_run import check_file, report_lines

	site = get_site(context)
	frappe.init(site=site)
	frappe.connect()
	try:
		frappe.set_user(user or "Administrator")
		results = check_file(doctype, file_path, project=project, import_type=import_type)
		for line in report_lines(results):
			click.echo(line)
		if any(not r.stored for r in results):
			raise SystemExit(1)
	finally:
		frappe.destroy()
