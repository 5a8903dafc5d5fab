"""Benchmarks, run on demand (never in the test suite), on a site filled by
`bench --site S gwk-demo-data --size carrier`:

	cd ~/frappe-bench/sites && ../env/bin/python /path/to/gwk_app/benchmarks/run.py --site S [--year 2025]

In one run, on the same data, it times
1. each carrier-wide report against (a) one hand-written GROUP BY query computing the same figures
   and (b) the naive way (get_all of every row, counted in Python);
2. logging a consultation over REST against a bare insert of a core doctype (ToDo) over REST;
3. the resident list (frappe.get_list as a staff user, with the project access filter) against the
   same user's list without it (the app's query condition switched off), and, for reference, against
   Administrator, who skips every permission check.
It prints the figures as ratios (Markdown) for the README's Benchmarks section.
"""

import argparse
import statistics
import sys
import time
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import frappe  # noqa: E402

TARGETS = {"report_vs_hand": 2.0, "naive_vs_report": 20.0, "logging": 1.3, "list": 2.0}
PASSWORD = "Gwk-Bench-Pass-2026!"


def timed(fn, repeat: int, warm_up: bool = True, min_seconds: float = 1.0) -> tuple[float, object]:
	"""Median wall time in seconds over at least `repeat` runs (after one warm-up run); fast calls run
	until `min_seconds` have passed (at most 200 runs), so a few milliseconds are measured steadily."""
	result = fn() if warm_up else None
	times = []
	while len(times) < repeat or (sum(times) < min_seconds and len(times) < 200):
		start = time.perf_counter()
		result = fn()
		times.append(time.perf_counter() - start)
	return statistics.median(times), result


# ---------------------------------------------------------------- hand-written queries
# constant SQL with parameters: the smallest query that gives the report's figures


def hand_participants(start, end):
	return frappe.db.sql(
		"""select c.project, year(c.consultation_date) as y,
			count(distinct c.resident) as named, sum(c.anonymous) as anonymous
		from `tabConsultation` c
		where c.consultation_date between %(start)s and %(end)s
		group by c.project, y""",
		{"start": start, "end": end},
	)


def hand_contacts(start, end):
	return frappe.db.sql(
		"""select c.project, year(c.consultation_date) as y, month(c.consultation_date) as m,
			coalesce(t.topic, '-') as topic, c.channel, c.district,
			count(*) as n, sum(c.duration_minutes) as minutes, avg(c.duration_minutes) as average
		from `tabConsultation` c
		left join `tabConsultation Topic` t on t.parent = c.name
		where c.consultation_date between %(start)s and %(end)s
		group by c.project, y, m, topic, c.channel, c.district""",
		{"start": start, "end": end},
	)


def hand_cases(start, end):
	# MariaDB's MEDIAN() window function gives the median days to close in the same statement
	return frappe.db.sql(
		"""select distinct x.project, x.case_type, x.topic,
			sum(x.opened_on between %(start)s and %(end)s) over w as opened,
			sum(x.closed_on between %(start)s and %(end)s) over w as closed,
			sum(x.closed_on is null or x.closed_on > %(end)s) over w as open_at_end,
			avg(x.days) over w as average_days,
			median(x.days) over (partition by x.project, x.case_type, x.topic) as median_days
		from (
			select c.project, c.case_type, coalesce(t.topic, '-') as topic, c.opened_on, c.closed_on,
				case when c.closed_on between %(start)s and %(end)s
					then datediff(c.closed_on, c.opened_on) end as days
			from `tabCase` c
			left join `tabCase Topic` t
				on t.parent = c.name and t.parenttype = 'Case' and t.parentfield = 'topics'
			where c.opened_on <= %(end)s
		) x
		window w as (partition by x.project, x.case_type, x.topic)""",
		{"start": start, "end": end},
	)


def hand_referrals(start, end):
	return frappe.db.sql(
		"""select distinct r.project, r.partner,
			count(*) over w as referrals,
			sum(r.status = 'Completed') over w as completed,
			sum(r.status = 'Declined') over w as declined,
			sum(r.status = 'Not Taken Up') over w as not_taken_up,
			sum(r.status in ('Referred', 'Appointment')) over w as still_open,
			median(case when r.appointment_date is not null then r.waiting_days end)
				over (partition by r.project, r.partner) as median_wait
		from `tabReferral` r
		where r.referred_on between %(start)s and %(end)s
		window w as (partition by r.project, r.partner)""",
		{"start": start, "end": end},
	)


def hand_carrier(start, end):
	return frappe.db.sql(
		"""select c.project, r.gender, count(distinct c.resident) as participants,
			count(*) as consultations, sum(c.anonymous) as anonymous
		from `tabConsultation` c
		left join `tabResident` r on r.name = c.resident
		where c.consultation_date between %(start)s and %(end)s
		group by c.project, r.gender""",
		{"start": start, "end": end},
	)


# ---------------------------------------------------------------- naive: every row into Python


# The naive way as the issue words it: get_all of every row of the tables a report counts, filtered and
# counted in Python. EVERY_ROW = False lets the database pick the period's rows instead (a reference).
EVERY_ROW = True


def _all(doctype, fields, filters):
	if not EVERY_ROW:
		return frappe.get_all(doctype, fields=fields, filters=filters, limit_page_length=0)
	rows = frappe.get_all(
		doctype, fields=[*fields, *(f for f in filters if f not in fields)], limit_page_length=0
	)
	for field, condition in filters.items():
		op, value = condition if isinstance(condition, tuple) else ("=", condition)
		if op == "between":
			low, high = value
			rows = [r for r in rows if r[field] is not None and low <= r[field] <= high]
		elif op == "<=":
			rows = [r for r in rows if r[field] is not None and r[field] <= value]
		elif op == "=":
			rows = [r for r in rows if r[field] == value]
		else:
			raise ValueError(op)
	return rows


def naive_participants(start, end):
	rows = _all(
		"Consultation",
		["project", "consultation_date", "resident", "anonymous"],
		{"consultation_date": ("between", [start, end])},
	)
	named, anonymous = defaultdict(set), Counter()
	for r in rows:
		key = (r.project, r.consultation_date.year)
		if r.anonymous:
			anonymous[key] += 1
		elif r.resident:
			named[key].add(r.resident)
	return {k: len(v) for k, v in named.items()}, anonymous


def naive_contacts(start, end):
	rows = _all(
		"Consultation",
		["name", "project", "consultation_date", "channel", "district", "duration_minutes"],
		{"consultation_date": ("between", [start, end])},
	)
	topics = defaultdict(list)
	for t in _all("Consultation Topic", ["parent", "topic"], {"parenttype": "Consultation"}):
		topics[t.parent].append(t.topic)
	out = defaultdict(lambda: [0, 0])
	for r in rows:
		for topic in topics.get(r.name) or ["-"]:
			key = (r.project, r.consultation_date.month, topic, r.channel, r.district)
			out[key][0] += 1
			out[key][1] += r.duration_minutes
	return out


def naive_cases(start, end):
	rows = _all(
		"Case", ["name", "project", "case_type", "opened_on", "closed_on"], {"opened_on": ("<=", end)}
	)
	topics = defaultdict(list)
	for t in _all("Case Topic", ["parent", "topic"], {"parenttype": "Case"}):
		topics[t.parent].append(t.topic)
	out = defaultdict(lambda: [0, 0, 0, []])
	for r in rows:
		for topic in topics.get(r.name) or ["-"]:
			key = (r.project, r.case_type, topic)
			out[key][0] += start <= r.opened_on <= end
			closed = bool(r.closed_on and start <= r.closed_on <= end)
			out[key][1] += closed
			out[key][2] += not r.closed_on or r.closed_on > end
			if closed:
				out[key][3].append((r.closed_on - r.opened_on).days)
	return {k: (*v[:3], statistics.median(v[3]) if v[3] else None) for k, v in out.items()}


def naive_referrals(start, end):
	rows = _all(
		"Referral",
		["project", "partner", "status", "waiting_days", "appointment_date"],
		{"referred_on": ("between", [start, end])},
	)
	counts = Counter((r.project, r.partner, r.status) for r in rows)
	waits = defaultdict(list)
	for r in rows:
		if r.appointment_date:
			waits[(r.project, r.partner)].append(r.waiting_days)
	return counts, {k: statistics.median(v) for k, v in waits.items()}


def naive_carrier(start, end):
	rows = _all(
		"Consultation",
		["project", "resident", "anonymous"],
		{"consultation_date": ("between", [start, end])},
	)
	genders = dict(frappe.get_all("Resident", fields=["name", "gender"], as_list=True, limit_page_length=0))
	people = defaultdict(set)
	counts = Counter()
	for r in rows:
		counts[r.project] += 1
		if r.resident:
			people[(r.project, genders.get(r.resident))].add(r.resident)
	return counts, {k: len(v) for k, v in people.items()}


# ---------------------------------------------------------------- the benchmark


def report_runner(name, filters, recount=False):
	"""The report as the desk runs it (frappe.desk.query_report.run) for the user already set."""
	from frappe.desk.query_report import run

	from gwk_app.reports import figures

	def go():
		with figures.recounting(recount):
			return run(name, filters=filters)

	return go


def bench_reports(year: int, repeat: int, carrier_user: str) -> list[tuple]:
	"""Per report: the report as staff run it (kept figures, brought up to date first as the background
	job does after every change), the same report counting the records itself, the hand-written query,
	the naive way over every row and, for reference, the naive way over the year's rows only."""
	global EVERY_ROW
	from gwk_app.reports.figures import refresh

	computed = refresh()
	print(f"  kept figures brought up to date: {computed} row(s) computed", flush=True)
	start, end = date(year, 1, 1), date(year, 12, 31)
	filters = {"year": year}
	cases = [
		("Participants vs Plan", "Administrator", hand_participants, naive_participants),
		("Contact Statistics", "Administrator", hand_contacts, naive_contacts),
		("Case Overview", "Administrator", hand_cases, naive_cases),
		("Referral Outcomes", "Administrator", hand_referrals, naive_referrals),
		("Carrier Overview", carrier_user, hand_carrier, naive_carrier),
	]
	results = []
	for name, user, hand, naive in cases:
		frappe.set_user(user)  # as in a request: the session's user is set before the report runs
		try:
			report_s, result = timed(report_runner(name, filters), repeat)
			recount_s, recounted = timed(report_runner(name, filters, recount=True), repeat)
		finally:
			frappe.set_user("Administrator")
		assert recounted["result"] == result["result"], f"{name}: kept figures differ from a recount"
		hand_s, _rows = timed(lambda hand=hand: hand(start, end), repeat)
		naive_runs = max(1, repeat // 2)
		EVERY_ROW = True
		naive_s, _out = timed(lambda naive=naive: naive(start, end), naive_runs, warm_up=False, min_seconds=0)
		EVERY_ROW = False
		naive_year_s, _out = timed(
			lambda naive=naive: naive(start, end), naive_runs, warm_up=False, min_seconds=0
		)
		EVERY_ROW = True
		results.append((name, len(result["result"]), report_s, recount_s, hand_s, naive_s, naive_year_s))
		print(
			f"  {name}: report {report_s:.3f}s recount {recount_s:.3f}s hand {hand_s:.3f}s "
			f"naive {naive_s:.3f}s naive (year's rows) {naive_year_s:.3f}s",
			flush=True,
		)
	return results


def staff_user() -> tuple[str, str]:
	"""A staff user on the first demo project (password set for the REST test)."""
	from frappe.utils.password import update_password

	from gwk_app.setup.demo.data import PROJECTS

	project = PROJECTS[0][0]
	user = frappe.get_all(
		"Community Project Member",
		filters={"parent": project, "parenttype": "Community Project", "project_role": "Coordinator"},
		pluck="user",
		order_by="idx asc",
		limit=1,
	)[0]
	update_password(user, PASSWORD)
	frappe.db.commit()  # the web server reads the password
	return user, project


def bench_list(user: str, repeat: int) -> tuple[float, float, float, int, int]:
	"""The staff user's resident list with the project access filter, the same user's list with the
	filter switched off (the app's query condition returning nothing), and Administrator's list."""
	import gwk_app.permissions as permissions

	fields = ["name", "full_name", "district", "age_group", "modified"]

	def as_user(who):
		def go():
			frappe.set_user(who)
			try:
				return frappe.get_list(
					"Resident", fields=fields, order_by="modified desc", limit_page_length=20
				)
			finally:
				frappe.set_user("Administrator")

		return go

	filtered_s, rows_f = timed(as_user(user), repeat)
	original = permissions.query_conditions
	permissions.query_conditions = lambda user=None, doctype=None: ""
	try:
		unfiltered_s, rows_u = timed(as_user(user), repeat)
	finally:
		permissions.query_conditions = original
	admin_s, _rows = timed(as_user("Administrator"), repeat)
	return filtered_s, unfiltered_s, admin_s, len(rows_f), len(rows_u)


def bench_rest(user: str, project: str, n: int, bench_dir: Path, site: str) -> tuple[float, float]:
	from tests.integration.server import BenchServer

	server = BenchServer(bench_dir, site)
	server.start()
	created = {"Consultation": [], "ToDo": []}
	try:
		s = server.session(user, PASSWORD)
		today = date.today().isoformat()

		def post(doctype, body):
			start = time.perf_counter()
			r = s.post(f"{server.url}/api/resource/{doctype}", json=body, timeout=60)
			elapsed = time.perf_counter() - start
			r.raise_for_status()
			created[doctype].append(r.json()["data"]["name"])
			return elapsed

		consultation = {
			"project": project,
			"consultation_date": today,
			"duration_minutes": 15,
			"channel": "Office Hours",
			"anonymous": 1,
			"gender": "Female",
			"age_group": "30-54",
			"topics": [{"topic": "Wohngeld"}],
		}
		todo = {"description": "Rückruf vereinbaren", "allocated_to": user}
		# warm up both paths, then alternate so both see the same server state
		post("Consultation", consultation)
		post("ToDo", todo)
		times = {"Consultation": [], "ToDo": []}
		for _i in range(n):
			times["Consultation"].append(post("Consultation", consultation))
			times["ToDo"].append(post("ToDo", todo))
		return statistics.median(times["Consultation"]), statistics.median(times["ToDo"])
	finally:
		server.stop()
		frappe.db.rollback()
		for doctype, names in created.items():
			for name in names:
				frappe.delete_doc(doctype, name, force=True, ignore_permissions=True)
		frappe.db.commit()  # remove what the benchmark created


def bench_carrier_desk(repeat: int, carrier_user: str) -> tuple[float, float, int]:
	"""The carrier workspace's data as its page asks for them (5 number cards, 4 charts), as the carrier
	manager: from the kept figures, and with every report counting the records (gwk_recount)."""
	from gwk_app.api import carrier as api
	from gwk_app.reports import figures

	calls = [
		api.participants_card,
		api.consultations_card,
		api.events_card,
		api.volunteer_hours_card,
		api.overdue_referrals_card,
		api.participants_vs_plan_chart,
		api.contacts_per_month_chart,
		api.anonymous_share_chart,
		api.channels_chart,
	]

	def page():
		return [call() for call in calls]

	frappe.set_user("Administrator")
	figures.refresh()  # what the background job keeps up to date
	frappe.db.commit()  # nosemgrep: the benchmark commits the refreshed kept figures like the job does
	frappe.set_user(carrier_user)
	kept_s, kept = timed(page, repeat)
	frappe.flags.gwk_recount = True
	try:
		counted_s, counted = timed(page, max(1, repeat // 2), min_seconds=0)
	finally:
		frappe.flags.pop("gwk_recount", None)
	frappe.set_user("Administrator")
	assert kept == counted, "the carrier desk from kept figures differs from a recount"
	return kept_s, counted_s, len(calls)


def carrier_manager() -> str:
	users = frappe.get_all(
		"Has Role", filters={"role": "GWK Carrier Manager", "parenttype": "User"}, pluck="parent"
	)
	return sorted(users)[0]


def main():
	parser = argparse.ArgumentParser()
	parser.add_argument("--site", required=True)
	parser.add_argument("--year", type=int, default=date.today().year - 1)
	parser.add_argument("--repeat", type=int, default=5)
	parser.add_argument("--rest", type=int, default=30, help="REST inserts per kind")
	parser.add_argument("--only", choices=["carrier-desk"], help="run one measurement only")
	args = parser.parse_args()

	bench_dir = Path.cwd().parent
	frappe.init(site=args.site, sites_path=".")
	frappe.connect()
	frappe.set_user("Administrator")
	scale = {
		"projects": frappe.db.count("Community Project"),
		"residents": frappe.db.count("Resident"),
		"consultations": frappe.db.count("Consultation"),
		"cases": frappe.db.count("Case"),
		"referrals": frappe.db.count("Referral"),
	}
	print("scale:", scale, flush=True)
	desk_kept, desk_counted, desk_calls = bench_carrier_desk(args.repeat, carrier_manager())
	desk_line = (
		f"| Carrier workspace's data ({desk_calls} cards and charts, as the carrier manager) from kept figures "
		f"vs every report counting | {desk_kept * 1000:.1f} ms | {desk_counted * 1000:.1f} ms | "
		f"{desk_counted / desk_kept:.1f}× faster | < 1 s | {'yes' if desk_kept < 1 else 'NO'} |"
	)
	print(desk_line, flush=True)
	if args.only == "carrier-desk":
		frappe.destroy()
		return
	reports = bench_reports(args.year, args.repeat, carrier_manager())
	user, project = staff_user()
	list_f, list_u, list_a, nf, nu = bench_list(user, args.repeat * 4)
	print(
		f"  list: filtered {list_f:.4f}s ({nf} rows) unfiltered {list_u:.4f}s ({nu} rows) admin {list_a:.4f}s",
		flush=True,
	)
	rest_c, rest_t = bench_rest(user, project, args.rest, bench_dir, args.site)
	print(f"  rest: consultation {rest_c:.4f}s todo {rest_t:.4f}s", flush=True)

	lines = [
		"Scale: {projects} projects, {residents:,} residents, {consultations:,} consultations, "
		"{cases:,} cases, {referrals:,} referrals; reports for the year {year}; medians of {r} runs.".format(
			year=args.year, r=args.repeat, **scale
		),
		"",
		"| Measurement | App | Reference | Ratio | Target | Met |",
		"|---|---|---|---|---|---|",
	]

	reference = []

	def row(label, app_s, ref_s, ratio, target, ok):
		lines.append(
			f"| {label} | {app_s * 1000:.1f} ms | {ref_s * 1000:.1f} ms | {ratio:.2f}× | {target} | {'yes' if ok else 'NO'} |"
		)

	for name, n, report_s, recount_s, hand_s, naive_s, naive_year_s in reports:
		ratio = report_s / hand_s
		row(
			f"{name} ({n} rows) vs hand-written GROUP BY",
			report_s,
			hand_s,
			ratio,
			"≤ 2×",
			ratio <= TARGETS["report_vs_hand"],
		)
		speedup = naive_s / report_s
		lines.append(
			f"| {name}: naive (get_all of every row + Python) vs report | {naive_s * 1000:.1f} ms | "
			f"{report_s * 1000:.1f} ms | {speedup:.1f}× faster | ≥ 20× | "
			f"{'yes' if speedup >= TARGETS['naive_vs_report'] else 'NO'} |"
		)
		reference.append(
			f"| {name} | {recount_s * 1000:.1f} ms | {recount_s / hand_s:.2f}× | "
			f"{naive_year_s * 1000:.1f} ms | {naive_year_s / report_s:.1f}× | {naive_year_s / recount_s:.1f}× |"
		)
	lines.append(desk_line)
	ratio = rest_c / rest_t
	row(
		"Log a consultation over REST vs insert a ToDo over REST",
		rest_c,
		rest_t,
		ratio,
		"≤ 1.3×",
		ratio <= TARGETS["logging"],
	)
	ratio = list_f / list_u
	row(
		"Resident list as staff: with the access filter vs the same user without it",
		list_f,
		list_u,
		ratio,
		"≤ 2×",
		ratio <= TARGETS["list"],
	)
	lines.append(
		f"| (for reference) Resident list as staff vs as Administrator, who skips all permission checks | "
		f"{list_f * 1000:.1f} ms | {list_a * 1000:.1f} ms | {list_f / list_a:.2f}× | – | – |"
	)
	lines += [
		"",
		"For reference (no target): each report counting the records itself (what it does for a period that"
		" is not a whole year, with a district filter, or while its kept figures are stale), and the naive"
		" way when the database picks the year's rows:",
		"",
		"| Report | Counting the records | vs hand-written | Naive, year's rows only | vs report | vs counting |",
		"|---|---|---|---|---|---|",
		*reference,
	]
	print()
	print("\n".join(lines))
	frappe.destroy()


if __name__ == "__main__":
	main()
