"""Benchmark (run on demand, never in the test suite): 10,000 residents through Frappe's Data Import
with the app's rules, as a staff user of one project.

	cd ~/frappe-bench/sites && ../env/bin/python /path/to/gwk_app/benchmarks/import_residents.py --site S

It writes a CSV with the resident template's German headers and synthetic rows (Faker de_DE; every
hundredth row repeats an earlier person, so duplicates are flagged), then times on the same data
1. the Data Import as the desk runs it (upload, Data Import, the import job), every row checked and
   committed on its own as core does;
2. the dry run (gwk-import-check) of the same file, which stores nothing;
3. for reference, inserting the same residents with `insert()` in one loop (the controllers' rules,
   no file, no per-row commit).
The residents are deleted afterwards (unless --keep). It prints a Markdown table for the README.
"""

import argparse
import csv
import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import frappe  # noqa: E402

PROJECT = "GWK Bench Import"
DISTRICT = "Benchgebiet"
USER = "gwk-bench-import@example.com"


def setup() -> None:
	if not frappe.db.exists("District", DISTRICT):
		frappe.get_doc({"doctype": "District", "district_name": DISTRICT, "city": "Musterstadt"}).insert()
	if not frappe.db.exists("User", USER):
		frappe.get_doc(
			{
				"doctype": "User",
				"email": USER,
				"first_name": "Bench",
				"language": "de",
				"send_welcome_email": 0,
				"roles": [{"role": "GWK Staff"}],
			}
		).insert()
	if not frappe.db.exists("Community Project", PROJECT):
		frappe.get_doc(
			{
				"doctype": "Community Project",
				"project_name": PROJECT,
				"project_type": "Community Coordination",
				"districts": [{"district": DISTRICT}],
			}
		).insert()
	project = frappe.get_doc("Community Project", PROJECT)
	if USER not in [m.user for m in project.team]:
		project.append("team", {"user": USER, "project_role": "Coordinator"})
		project.save()
	frappe.db.commit()  # nosemgrep
	frappe.clear_cache(user=USER)


def rows(n: int, seed: int = 7) -> tuple[list[str], list[list]]:
	from faker import Faker

	from gwk_app.imports.templates import headers

	frappe.local.lang = "de"
	header = headers("bewohnerinnen")
	fake = Faker("de_DE")
	Faker.seed(seed)
	genders = ["Weiblich", "Männlich", "Divers", "Keine Angabe"]
	out = []
	for i in range(n):
		if i and i % 100 == 0:
			out.append(list(out[i - 50]))  # the same person typed again
			continue
		out.append(
			[
				PROJECT, fake.first_name(), fake.last_name(), "", genders[i % 4], str(1940 + i % 66), DISTRICT,
				fake.postcode(), fake.street_address(), "", "", "Deutsch", "0",
			]
		)  # fmt: skip
	return header, out


def clean() -> None:
	frappe.db.delete("Resident", {"project": PROJECT})
	frappe.db.delete("Data Import", {"owner": USER})
	frappe.db.delete("File", {"owner": USER})
	frappe.db.commit()  # nosemgrep


def desk_import(path: str) -> tuple[float, str]:
	frappe.set_user(USER)
	started = time.perf_counter()
	file = frappe.get_doc(
		{
			"doctype": "File",
			"file_name": os.path.basename(path),
			"content": Path(path).read_bytes(),
			"is_private": 1,
		}
	).insert()
	di = frappe.get_doc(
		{
			"doctype": "Data Import",
			"reference_doctype": "Resident",
			"import_type": "Insert New Records",
			"import_file": file.file_url,
		}
	).insert()
	frappe.db.commit()  # nosemgrep
	frappe.flags.in_test = True  # the import job runs now, in this process
	di.start_import()
	frappe.flags.in_test = False
	elapsed = time.perf_counter() - started
	di.reload()
	frappe.set_user("Administrator")
	return elapsed, di.status


def dry_run(path: str) -> tuple[float, int]:
	from gwk_app.imports.dry_run import check_file

	started = time.perf_counter()
	results = check_file("Resident", path, user=USER)
	elapsed = time.perf_counter() - started
	frappe.set_user("Administrator")
	return elapsed, len([r for r in results if r.stored])


def plain_inserts(data: list[list]) -> float:
	frappe.set_user(USER)
	genders = {"Weiblich": "Female", "Männlich": "Male", "Divers": "Diverse", "Keine Angabe": "Not specified"}
	started = time.perf_counter()
	for r in data:
		frappe.get_doc(
			{
				"doctype": "Resident", "project": PROJECT, "first_name": r[1], "last_name": r[2],
				"gender": genders[r[4]], "birth_year": int(r[5]), "district": DISTRICT, "postcode": r[7],
				"street": r[8], "languages": r[11],
			}
		).insert()  # fmt: skip
	frappe.db.commit()  # nosemgrep
	elapsed = time.perf_counter() - started
	frappe.set_user("Administrator")
	return elapsed


def main():
	parser = argparse.ArgumentParser()
	parser.add_argument("--site", required=True)
	parser.add_argument("--rows", type=int, default=10000)
	parser.add_argument("--keep", action="store_true", help="keep the imported residents")
	parser.add_argument("--only-import", action="store_true", help="time the Data Import only")
	args = parser.parse_args()
	frappe.init(site=args.site, sites_path=".")
	frappe.connect()
	try:
		frappe.set_user("Administrator")
		setup()
		clean()
		header, data = rows(args.rows)
		path = os.path.join(tempfile.mkdtemp(prefix="gwk-bench-"), "bewohnerinnen.csv")
		with open(path, "w", encoding="utf-8", newline="") as f:
			csv.writer(f, lineterminator="\n").writerows([header, *data])

		n = len(data)
		print(f"| {n:,} residents (German CSV) | time | per row |", flush=True)
		print("|---|---:|---:|", flush=True)
		import_s, status = desk_import(path)
		stored = frappe.db.count("Resident", {"project": PROJECT})
		flagged = frappe.db.count("Resident", {"project": PROJECT, "possible_duplicate": 1})
		print(
			f"| Data Import (desk job, app rules, commit per row) | {import_s:.1f} s | {1000 * import_s / n:.1f} ms |",
			flush=True,
		)
		print(
			f"status {status}; stored {stored} of {n}; flagged as possible duplicates {flagged}", flush=True
		)
		if args.only_import:
			clean()
			return
		clean()
		check_s, would = dry_run(path)
		print(
			f"| dry run gwk-import-check (nothing stored) | {check_s:.1f} s | {1000 * check_s / n:.1f} ms |",
			flush=True,
		)
		insert_s = plain_inserts(data)
		print(
			f"| reference: insert() loop, one commit | {insert_s:.1f} s | {1000 * insert_s / n:.1f} ms |",
			flush=True,
		)
		if not args.keep:
			clean()
		print(f"dry run: {would} of {n} would be stored")
	finally:
		frappe.destroy()


if __name__ == "__main__":
	main()
