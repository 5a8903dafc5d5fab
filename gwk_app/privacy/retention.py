"""Retention: residents whose last activity is older than the retention period are anonymised.

A resident is kept while a declared record still needs them (an open case, an ESF participation under
the audit duty; see gwk_app.privacy.holds). The daily job finds the candidates and anonymises
them in batches, one background job per batch: each batch is its own transaction, so an interrupted
run loses at most one batch, and the next run picks up whoever is still due. Anonymised residents are
never candidates again, so a second run changes nothing.
"""

import frappe
from frappe.utils import getdate, today

from gwk_app.privacy import erasure, holds, mentions, personal_data
from gwk_app.rules.privacy import due_for_anonymisation, retention_cutoff
from gwk_app.settings import retention_batch_size, retention_years_resident


def _settings() -> tuple[int, int]:
	return retention_years_resident(), retention_batch_size()


def candidates(on_date=None) -> list[frappe._dict]:
	"""Residents due for anonymisation on `on_date` (default today), oldest activity first."""
	on = getdate(on_date or today())
	years, _batch = _settings()
	cutoff = retention_cutoff(on, years)
	# a resident created after the cutoff cannot be due; the rest are checked against every record
	pool = frappe.get_all(
		personal_data.SUBJECT_DOCTYPE,
		filters={"anonymised_on": ("is", "not set"), "creation": ("<", cutoff)},
		fields=["name", "project"],
		order_by="creation asc",
	)
	out = []
	for start in range(0, len(pool), 500):
		chunk = pool[start : start + 500]
		names = [r.name for r in chunk]
		activity = holds.last_activity(names)
		held = holds.held_residents(names)
		for row in chunk:
			last = activity.get(row.name)
			if row.name in held or not due_for_anonymisation(last, on, years):
				continue
			out.append(frappe._dict(resident=row.name, project=row.project, last_activity=last))
	out.sort(key=lambda r: (r.last_activity, r.resident))
	return out


def run(dry_run: bool = False, now: bool = False, on_date=None, after_batch=None) -> list[frappe._dict]:
	"""Anonymise every due resident (dry run: only report them). `now` runs the batches inline (bench
	command, tests) and calls `after_batch` after each (the bench command commits there); otherwise each
	batch is a background job, committed when it ends."""
	due = candidates(on_date)
	if dry_run or not due:
		return due
	_years, size = _settings()
	names = [r.resident for r in due]
	for start in range(0, len(names), size):
		batch = names[start : start + size]
		if now:
			anonymise_batch(batch)
			if after_batch:
				after_batch()
		else:
			frappe.enqueue(
				"gwk_app.privacy.retention.anonymise_batch",
				queue="long",
				residents=batch,
				job_id=f"gwk-retention::{batch[0]}",
				deduplicate=True,
			)
	return due


def anonymise_batch(residents: list[str]) -> int:
	"""Anonymise the residents that are (still) due: re-checked here, so a batch enqueued twice or
	resumed after an interruption does nothing twice."""
	years, _batch = _settings()
	on = getdate(today())
	pending = frappe.get_all(
		personal_data.SUBJECT_DOCTYPE,
		filters={"name": ("in", residents), "anonymised_on": ("is", "not set")},
		pluck="name",
	)
	if not pending:
		return 0
	activity = holds.last_activity(pending)
	held = holds.held_residents(pending)
	due = [r for r in pending if r not in held and due_for_anonymisation(activity.get(r), on, years)]
	if not due:
		return 0
	# one search for the whole batch, before anything changes (gwk_app.privacy.mentions)
	people = {
		p.name: p
		for p in frappe.get_all(personal_data.SUBJECT_DOCTYPE, filters={"name": ("in", due)}, fields=["*"])
	}
	found = mentions.find(people)
	# the whole batch at once: a few statements per table, not per resident
	erasure.erase_many({r: people[r] for r in due}, found)
	return len(due)


def daily() -> None:
	"""Scheduler entry (daily)."""
	run()
