"""Erasure and retention at scale (issue 12), run on demand on a site of its own (never in the suite):

	cd BENCH/sites && ../env/bin/python /path/to/gwk_app/benchmarks/erasure.py --site S \
		[--residents 10000] [--versions 1000000] [--comments 200000] [--consultations 100000]

It fills the site once (residents past their retention period, consultations whose notes mention other
residents, Version rows and comments quoting names; all dated years back, so they sit in the FULLTEXT
indexes and not in the recent window), builds the indexes, then times
1. the Art. 17 erasure of single residents (median of 5, each rolled back) — target ≤ 1 s;
2. retention of every due resident in batches, as the bench command runs it (rolled back) — target
   ≤ 10 min for 10,000.
and prints the figures as Markdown.
"""

import argparse
import random
import statistics
import sys
import time
from datetime import datetime
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import frappe  # noqa: E402

PROJECT = "Benchmark Löschung"
DISTRICT = "Benchmarkviertel"
OLD = datetime(2019, 3, 1, 10, 0)
WORDS = ("Antrag Wohngeld Nachbar Treppenhaus Lärm Termin Beratung Jobcenter Miete Heizung Schulden Brief "
	"Formular Kinder Schule Arbeit Sprachkurs Hausmeister Müll Hof Gespräch Rückruf Unterlagen Bescheid").split()  # fmt: skip


def load(doctype: str, fields: list[str], rows) -> None:
	"""Bulk insert in batches of 10,000, each committed."""
	from gwk_app.setup.demo.utils import bulk_insert

	batch = []
	for row in rows:
		batch.append(row)
		if len(batch) == 10_000:
			bulk_insert(doctype, fields, batch)
			frappe.db.commit()
			batch = []
	bulk_insert(doctype, fields, batch)
	frappe.db.commit()


def fill(residents: int, versions: int, consultations: int, comments: int, log, tag: str = "") -> None:
	from faker import Faker

	from gwk_app.setup.demo.utils import bulk_insert

	project = f"{PROJECT} {tag}".strip()
	if frappe.db.exists("Comment", f"bcom{tag}{comments - 1:08x}"):
		log("data exist already")
		return
	fake = Faker("de_DE")
	fake.seed_instance(12)
	rng = random.Random(12)

	def exists(doctype, name):
		if frappe.db.exists(doctype, name):
			log(f"{doctype}: there already")
			return True
		return False

	if not frappe.db.exists("District", DISTRICT):
		frappe.get_doc({"doctype": "District", "district_name": DISTRICT}).insert(ignore_permissions=True)
	if not frappe.db.exists("Community Project", project):
		frappe.get_doc({"doctype": "Community Project", "project_name": project, "project_type": "Community Coordination",
		"participant_target": 100, "districts": [{"district": DISTRICT}]}).insert(ignore_permissions=True)  # fmt: skip
	std = ["name", "creation", "modified", "owner", "modified_by", "docstatus", "idx"]
	people = []
	rows = []
	for i in range(residents):
		first, last = fake.first_name(), fake.last_name()
		name = f"BRES{tag}-{i:07d}"
		people.append((name, first, last))
		rows.append([name, OLD, OLD, "Administrator", "Administrator", 0, 0, project, first, last, f"{first} {last}",
			"Female", 1980, "30-54", DISTRICT, f"0371 {rng.randint(100000, 999999)}",
			f"{first.lower()}.{last.lower()}{i}@example.org", f"{fake.street_name()} {rng.randint(1, 99)}"])  # fmt: skip
	fields = [*std, "project", "first_name", "last_name", "full_name", "gender", "birth_year", "age_group",
		"district", "phone", "email", "street"]  # fmt: skip
	for i in range(0, len(rows), 10_000):
		if not exists("Resident", rows[i][0]):
			bulk_insert("Resident", fields, rows[i : i + 10_000])
	frappe.db.commit()
	log(f"residents: {residents}")

	def text(n: int) -> str:
		words = rng.choices(WORDS, k=n)
		if rng.random() < 0.3:
			_name, first, last = rng.choice(people)
			words.insert(rng.randrange(len(words)), rng.choice((last, f"{first} {last}")))
		return " ".join(words)

	def consultation_rows():
		for i in range(consultations):
			resident = people[i % len(people)][0]
			yield [f"BCON{tag}-{i:07d}", OLD, OLD, "Administrator", "Administrator", 0, 0, project, OLD.date(), 15,
				"Phone", DISTRICT, 0, resident, "Female", "30-54", text(12)]  # fmt: skip

	def version_rows():
		for i in range(versions):
			docname = f"BCON{tag}-{rng.randrange(max(consultations, 1)):07d}"
			data = frappe.as_json({"changed": [["note", text(8), text(8)]], "added": [], "removed": []})
			yield [
				f"bver{tag}{i:08x}",
				OLD,
				OLD,
				"Administrator",
				"Administrator",
				0,
				0,
				"Consultation",
				docname,
				data,
			]

	def comment_rows():
		for i in range(comments):
			docname = f"BCON{tag}-{rng.randrange(max(consultations, 1)):07d}"
			yield [f"bcom{tag}{i:08x}", OLD, OLD, "Administrator", "Administrator", 0, 0, "Comment", "Consultation",
				docname, text(10)]  # fmt: skip

	if not exists("Consultation", f"BCON{tag}-{0:07d}"):
		load("Consultation", [*std, "project", "consultation_date", "duration_minutes", "channel", "district",
		"anonymous", "resident", "gender", "age_group", "note"], consultation_rows())  # fmt: skip
	log(f"consultations: {consultations}")
	if not exists("Version", f"bver{tag}{0:08x}"):
		load("Version", [*std, "ref_doctype", "docname", "data"], version_rows())
	log(f"versions: {versions}")
	if not exists("Comment", f"bcom{tag}{0:08x}"):
		load(
			"Comment",
			[*std, "comment_type", "reference_doctype", "reference_name", "content"],
			comment_rows(),
		)
	log(f"comments: {comments}")


def main() -> int:
	parser = argparse.ArgumentParser()
	parser.add_argument("--site", required=True)
	parser.add_argument("--residents", type=int, default=10_000)
	parser.add_argument("--versions", type=int, default=1_000_000)
	parser.add_argument("--comments", type=int, default=200_000)
	parser.add_argument("--consultations", type=int, default=100_000)
	parser.add_argument("--retention-sample", type=int, default=0, help="time one batch of N, extrapolate")
	parser.add_argument("--fill-only", action="store_true", help="fill the site and build the indexes only")
	parser.add_argument("--tag", default="", help="a second data set on the same site (names and project)")
	args = parser.parse_args()
	frappe.init(site=args.site, sites_path=".")
	frappe.connect()
	frappe.set_user("Administrator")
	log = print
	from gwk_app.privacy import erasure, mentions, retention

	started = time.perf_counter()
	fill(args.residents, args.versions, args.consultations, args.comments, log, args.tag)
	log(f"fill: {time.perf_counter() - started:.1f} s")
	started = time.perf_counter()
	created = mentions.ensure_indexes()
	frappe.db.commit()
	log(f"indexes: {len(created)} created in {time.perf_counter() - started:.1f} s")

	if args.fill_only:
		frappe.destroy()
		return 0
	counts = {d: frappe.db.count(d) for d in ("Resident", "Consultation", "Version", "Comment")}
	pool = frappe.get_all("Resident", filters={"project": f"{PROJECT} {args.tag}".strip(), "anonymised_on": ("is", "not set")},
		pluck="name", limit=50)  # fmt: skip
	times = []
	for resident in pool[-5:]:  # not the oldest: the retention sample starts there
		start = time.perf_counter()
		erasure.erase(resident)
		times.append(time.perf_counter() - start)
		frappe.db.rollback()
	single = statistics.median(times)

	frappe.db.set_single_value("GWK Settings", "retention_batch_size", 500)
	start = time.perf_counter()
	due = retention.candidates()
	candidates_seconds = time.perf_counter() - start
	if args.retention_sample:
		# one batch of the due residents, as the daily job runs it; the whole run extrapolated from it
		sample = [r.resident for r in due[: args.retention_sample]]
		start = time.perf_counter()
		retention.anonymise_batch(sample)
		batch_seconds = time.perf_counter() - start
		retention_seconds = candidates_seconds + batch_seconds * len(due) / max(len(sample), 1)
		label = f"retention of {len(due):,} due residents (extrapolated from one batch of {len(sample)})"
	else:
		start = time.perf_counter()
		retention.run(now=True)
		retention_seconds = candidates_seconds + time.perf_counter() - start
		label = f"retention of {len(due):,} due residents (batches of 500)"
	frappe.db.rollback()

	print()
	print("| table | rows |")
	print("|---|---:|")
	for doctype, n in counts.items():
		print(f"| {doctype} | {n:,} |")
	print()
	print("| what | figure | target |")
	print("|---|---:|---:|")
	print(f"| erasure of one resident (median of {len(times)}) | {single:.2f} s | ≤ 1 s |")
	print(f"| finding the due residents (retention candidates) | {candidates_seconds:.1f} s | |")
	print(f"| {label} | {retention_seconds:.0f} s | "
		f"≤ {600 * len(due) / 10_000:.0f} s (10 min per 10,000) |")  # fmt: skip
	frappe.destroy()
	return 0


if __name__ == "__main__":
	sys.exit(main())
