"""Bench commands of gwk_app (`bench --site SITE <command>`)."""

import click
from frappe.commands import get_site, pass_context


@click.command("gwk-retention")
@click.option("--dry-run", is_flag=True, default=False, help="Only list who would be anonymised.")
@pass_context
def gwk_retention(context, dry_run=False):
	"""Anonymise residents past their retention period (see GWK Settings)."""
	import frappe

	from gwk_app.privacy.retention import run

	site = get_site(context)
	frappe.init(site=site)
	frappe.connect()

	def commit():
		# a bench command runs outside a request: each batch ends its own transaction, so an
		# interrupted run keeps the batches done and the next run picks up the rest
		frappe.db.commit()  # nosemgrep

	try:
		due = run(dry_run=dry_run, now=True, after_batch=commit)
		for row in due:
			click.echo(f"{row.resident}\t{row.project}\t{row.last_activity}")
		verb = "would be anonymised" if dry_run else "anonymised"
		click.echo(f"{len(due)} resident(s) {verb}.")
	finally:
		frappe.destroy()


@click.command("gwk-demo-data")
@click.option("--size", type=click.Choice(["demo", "carrier"]), default="demo", show_default=True)
@click.option("--seed", type=int, default=1, show_default=True, help="Same seed, same data.")
@click.option("--until", default=None, help="Last day of the generated period (YYYY-MM-DD, default today).")
@pass_context
def gwk_demo_data(context, size="demo", seed=1, until=None):
	"""Generate deterministic synthetic demo data (Faker de_DE) into a site."""
	import time

	import frappe

	from gwk_app.setup.demo import generate

	site = get_site(context)
	frappe.init(site=site)
	frappe.connect()
	try:
		frappe.set_user("Administrator")
		started = time.perf_counter()

		def commit():
			# bulk data generator: each batch of its own bulk inserts is committed on its own
			frappe.db.commit()  # nosemgrep

		figures = generate(size=size, seed=seed, until=until, commit=commit, log=click.echo)
		commit()
		for key, value in figures.items():
			click.echo(f"{key}: {value}")
		click.echo(f"done in {time.perf_counter() - started:.1f} s")
	finally:
		frappe.destroy()


@click.command("gwk-report-figures")
@click.option(
	"--rebuild", is_flag=True, default=False, help="Throw all kept figures away and compute them anew."
)
@click.option("--check", is_flag=True, default=False, help="Compare the kept figures with a recount.")
@pass_context
def gwk_report_figures(context, rebuild=False, check=False):
	"""Bring the reports' kept figures per project, month and district up to date (what the hourly job does)."""
	import frappe

	from gwk_app.reports import figures

	site = get_site(context)
	frappe.init(site=site)
	frappe.connect()
	try:
		frappe.set_user("Administrator")
		done = figures.rebuild() if rebuild else figures.refresh()
		click.echo(f"{done} project month(s) computed.")
		if check:
			wrong = figures.check()
			for report, project, month, district in wrong:
				click.echo(f"differs from a recount: {report} / {project} / {month} / {district or '*'}")
			if wrong:
				raise SystemExit(1)
			click.echo("kept figures equal a recount.")
	finally:
		frappe.destroy()


from gwk_app.commands.imports import gwk_import_check  # noqa: E402

commands = [gwk_retention, gwk_demo_data, gwk_report_figures, gwk_import_check]
