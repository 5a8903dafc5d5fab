"""Benchmarks, run on demand (never in the test suite), on a site filled by
`bench --site S gwk-demo-data --size carrier`:

	cd ~/frappe-bench/sites && ../env/bin/python /path/to/gwk_app/benchmarks/run.py --site S [--year 2025]

In one run, on the same data, it times
1. each report over the large tables for the year, a quarter, a 28-month funding period, one district
   and a period starting and ending inside a month, from kept figures, each checked against a recount;
   the recount (the counting path) against one hand-written GROUP BY query computing the same figures
   (and with --naive the naive way: get_all of every row, counted in Python);
2. logging a consultation over REST against a bare insert of a core doctype (ToDo) over REST;
3. the resident and consultation lists (frappe.get_list as a staff user, with the project access
   filter) against the same user's lists without it (the app's query condition switched off), and, for
   reference, against Administrator, who skips every permission check.
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


def timed_pair(a, b, repeat: int, min_seconds: float = 2.0) -> tuple[float, float, object]:
	"""(median of a, median of b, a's result) over at least `repeat` runs each, a and b alternating after
	one warm-up run each: both see the same machine, so their ratio is fair even while a neighbour's load
	comes and goes (timed one after the other, the same query's ratio moved between 0.9× and 2.3×). Fast
	pairs run until `min_seconds` have passed (at most 100 runs each): a median of five runs of 50 ms moved
	the ratio by a fifth from one run to the next."""
	result = a()
	b()
	times_a, times_b = [], []
	while len(times_a) < repeat or (sum(times_a) + sum(times_b) < min_seconds and len(times_a) < 100):
		start = time.perf_counter()
		result = a()
		times_a.append(time.perf_counter() - start)
		start = time.perf_counter()
		b()
		times_b.append(time.perf_counter() - start)
	return statistics.median(times_a), statistics.median(times_b), result


# ---------------------------------------------------------------- hand-written queries
# constant SQL with parameters: the smallest query that gives the report's figures


def hand_participants(start, end):
	# every figure the report shows: named people once per project and year with the resident fields
	# they are judged by (target age, districts served), anonymous contacts by age group and district,
	# imported tallies
	return frappe.db.sql(
		"""select c.project, year(c.consultation_date) as y, r.birth_year, r.age_group, r.district,
			count(distinct c.resident) as n, 'named' as kind
		from `tabConsultation` c
		join `tabResident` r on r.name = c.resident
		where c.consultation_date between %(start)s and %(end)s
		group by c.project, y, r.birth_year, r.age_group, r.district
		union all
		select c.project, year(c.consultation_date), null, c.age_group, c.district, count(*), 'anonymous'
		from `tabConsultation` c
		where c.consultation_date between %(start)s and %(end)s and c.anonymous = 1
		group by c.project, year(c.consultation_date), c.age_group, c.district
		union all
		select t.project, year(t.month), null, n.age_group, n.district, sum(n.contacts), 'imported'
		from `tabContact Tally` t
		join `tabContact Tally Count` n on n.parent = t.name
		where t.month between %(start)s and %(end)s
		group by t.project, year(t.month), n.age_group, n.district""",
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
	# every figure of the report's large tables: people once per project by gender, consultations and
	# anonymous contacts, imported tallies, cases opened and referrals per project
	return frappe.db.sql(
		"""select c.project, r.gender, count(distinct c.resident) as participants,
			count(*) as n, sum(c.anonymous) as anonymous, 'consultations' as kind
		from `tabConsultation` c
		left join `tabResident` r on r.name = c.resident
		where c.consultation_date between %(start)s and %(end)s
		group by c.project, r.gender
		union all
		select t.project, null, 0, sum(n.contacts), sum(n.contacts), 'imported'
		from `tabContact Tally` t
		join `tabContact Tally Count` n on n.parent = t.name
		where t.month between %(start)s and %(end)s
		group by t.project
		union all
		select c.project, null, 0, count(*), 0, 'cases opened'
		from `tabCase` c
		where c.opened_on between %(start)s and %(end)s
		group by c.project
		union all
		select f.project, null, 0, count(*), 0, 'referrals'
		from `tabReferral` f
		where f.referred_on between %(start)s and %(end)s
		group by f.project""",
		{"start": start, "end": end},
	)


def hand_appointments(start, end):
	return frappe.db.sql(
		"""select a.project, date_format(a.starts_on, '%%Y-%%m') as m, a.status, a.booked_via, count(*) as n,
			avg(datediff(a.starts_on, a.booked_on)) as lead_days
		from `tabConsultation Appointment` a
		where a.starts_on >= %(start)s and a.starts_on < %(end)s + interval 1 day
		group by a.project, m, a.status, a.booked_via""",
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
		if not recount:
			return run(name, filters=filters)
		# Frappe turns a report slower than 15 s into a prepared report (a queued job): the recount of
		# 28 months is, the report as staff run it is not, so the recount must not switch it
		enqueue = frappe.enqueue
		frappe.enqueue = (
			lambda method, **kwargs: None
			if "enable_prepared_report" in str(method)
			else enqueue(method, **kwargs)
		)
		try:
			with figures.recounting():
				return run(name, filters=filters)
		finally:
			frappe.enqueue = enqueue

	return go


def periods(year: int, district: str) -> dict:
	"""The questions staff and funders ask: the year, a quarter, a 28-month funding period, one district
	for the year, and (counting the partial months) a period starting and ending inside a month."""
	return {
		"year": {"year": year},
		"quarter": {"from_date": date(year, 4, 1), "to_date": date(year, 6, 30)},
		"28 months": {"from_date": date(year - 1, 3, 1), "to_date": date(year + 1, 6, 30)},
		"district": {"year": year, "district": district},
		"partial months": {"from_date": date(year, 1, 15), "to_date": date(year, 12, 20)},
	}


def bench_reports(year: int, repeat: int, carrier_user: str, naive: bool) -> tuple[list, str]:
	"""Per report and period: the report as staff run it (kept figures, brought up to date first as the
	background job does after every change) and the same report counting the records itself (equal, or
	the benchmark stops); for the year the hand-written query and, with `naive`, the naive way."""
	global EVERY_ROW
	from gwk_app.reports.figures import refresh

	computed = refresh()
	print(f"  kept figures brought up to date: {computed} project month(s) computed", flush=True)
	start, end = date(year, 1, 1), date(year, 12, 31)
	c = frappe.qb.DocType("Consultation")
	district = (
		frappe.qb.from_(c)
		.select(c.district)
		.where(c.district.isnotnull())
		.groupby(c.district)
		.orderby(frappe.query_builder.functions.Count("*"), order=frappe.qb.desc)
		.limit(1)
		.run()[0][0]
	)
	cases = [
		("Participants vs Plan", "Administrator", hand_participants, naive_participants),
		("Contact Statistics", "Administrator", hand_contacts, naive_contacts),
		("Case Overview", "Administrator", hand_cases, naive_cases),
		("Referral Outcomes", "Administrator", hand_referrals, naive_referrals),
		("Carrier Overview", carrier_user, hand_carrier, naive_carrier),
		("Appointment Figures", "Administrator", hand_appointments, None),
	]
	results = []
	for name, user, hand, naive_fn in cases:
		times = {}
		for label, filters in periods(year, district).items():
			frappe.set_user(user)  # as in a request: the session's user is set before the report runs
			try:
				kept_s, kept = timed(report_runner(name, filters), repeat)
				if label == "year":
					# the counting path against the hand-written query, alternating
					recount_s, hand_s, recounted = timed_pair(
						report_runner(name, filters, recount=True), lambda hand=hand: hand(start, end),
						max(repeat, 5),
					)  # fmt: skip
				else:
					recount_s, recounted = timed(
						report_runner(name, filters, recount=True), 1, warm_up=False, min_seconds=0
					)
			finally:
				frappe.set_user("Administrator")
			for key in ("result", "report_summary", "chart"):
				assert kept.get(key) == recounted.get(key), (
					f"{name} ({label}): kept figures differ from a recount"
				)
			times[label] = (kept_s, recount_s, len(kept["result"]))
		naive_s = None
		if naive and naive_fn:
			EVERY_ROW = True
			naive_s, _out = timed(lambda f=naive_fn: f(start, end), max(1, repeat // 2), False, 0)
		results.append((name, times, hand_s, naive_s))
		print(
			f"  {name}: "
			+ " ".join(f"{k} {v[0] * 1000:.1f}ms (recount {v[1] * 1000:.0f}ms)" for k, v in times.items())
			+ f" hand {hand_s * 1000:.0f}ms",
			flush=True,
		)
	return results, district


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


LISTS = {
	"Resident": ["name", "full_name", "district", "age_group", "modified"],
	"Consultation": ["name", "consultation_date", "channel", "district", "anonymous", "modified"],
}


def bench_list(user: str, repeat: int, doctype: str) -> tuple[float, float, float, int, int]:
	"""The staff user's list (newest first) with the project access filter, the same user's list with the
	filter switched off (the app's query condition returning nothing), and Administrator's list."""
	import gwk_app.permissions as permissions

	fields = LISTS[doctype]

	def as_user(who):
		def go():
			frappe.set_user(who)
			try:
				return frappe.get_list(doctype, fields=fields, order_by="modified desc", limit_page_length=20)
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
	import os
	import platform

	parser = argparse.ArgumentParser()
	parser.add_argument("--site", required=True)
	parser.add_argument("--year", type=int, default=date.today().year - 1)
	parser.add_argument("--repeat", type=int, default=5)
	parser.add_argument("--rest", type=int, default=30, help="REST inserts per kind")
	parser.add_argument("--naive", action="store_true", help="also time the naive way (slow)")
	parser.add_argument(
		"--only", choices=["carrier-desk", "reports", "rest"], help="run one measurement only"
	)
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
		"appointments": frappe.db.count("Consultation Appointment"),
	}
	print("scale:", scale, flush=True)
	machine = f"{os.cpu_count()} cores, {platform.processor() or platform.machine()}"
	lines = [
		"Scale: {projects} projects, {residents:,} residents, {consultations:,} consultations, {cases:,} cases, "
		"{referrals:,} referrals, {appointments:,} appointments; machine: {machine}; load average at the start "
		"{load:.2f}; medians of at least {r} runs.".format(
			machine=machine, load=os.getloadavg()[0], r=args.repeat, **scale
		),
		"",
	]
	if args.only in (None, "carrier-desk"):
		desk_kept, desk_counted, desk_calls = bench_carrier_desk(args.repeat, carrier_manager())
		lines += [
			f"Carrier workspace ({desk_calls} cards and charts, as the carrier manager): {desk_kept * 1000:.1f} ms "
			f"from kept figures, {desk_counted * 1000:.1f} ms counting ({desk_counted / desk_kept:.1f}× faster).",
			"",
		]
	if args.only in (None, "reports"):
		reports, district = bench_reports(args.year, args.repeat, carrier_manager(), args.naive)
		labels = list(periods(args.year, district))
		lines += [
			f"Reports as staff run them (kept figures; the partial-months period counts its first and last"
			f" month), each equal to a recount; year {args.year}, quarter Q2, 28 months "
			f"{args.year - 1}-03-01 to {args.year + 1}-06-30, district {district} for the year, partial months "
			f"{args.year}-01-15 to {args.year}-12-20:",
			"",
			"| Report | "
			+ " | ".join(labels)
			+ " | ≤ 100 ms | Counting (year) | Hand-written GROUP BY | Ratio | ≤ 1.5× |",
			"|---|" + "---|" * len(labels) + "---|---|---|---|---|",
		]
		for name, times, hand_s, naive_s in reports:
			whole = [times[k][0] for k in labels if k != "partial months"]
			recount_s = times["year"][1]
			# a reference under a millisecond counts (next to) nothing: no ratio to speak of
			ratio = recount_s / hand_s if hand_s >= 0.001 else None
			verdict = "–" if ratio is None else "yes" if ratio <= 1.5 else "NO"
			lines.append(
				f"| {name} | "
				+ " | ".join(f"{times[k][0] * 1000:.1f} ms" for k in labels)
				+ f" | {'yes' if max(whole) <= 0.1 else 'NO'} | {recount_s * 1000:.0f} ms | {hand_s * 1000:.1f} ms"
				+ (" | – (nothing to count)" if ratio is None else f" | {ratio:.2f}×")
				+ f" | {verdict} |"
			)
			if naive_s:
				lines.append(f"| {name}: naive (get_all of every row + Python) | {naive_s * 1000:.0f} ms |")
		lines.append("")
	if args.only in (None, "rest"):
		user, project = staff_user()
		lists = {doctype: bench_list(user, args.repeat * 4, doctype) for doctype in LISTS}
		rest_c, rest_t = bench_rest(user, project, args.rest, bench_dir, args.site)
		print(f"  rest: consultation {rest_c:.4f}s todo {rest_t:.4f}s", flush=True)
		lines += [
			"| Measurement | App | Reference | Ratio | Target | Met |",
			"|---|---|---|---|---|---|",
			f"| Log a consultation over REST vs insert a ToDo over REST | {rest_c * 1000:.1f} ms | "
			f"{rest_t * 1000:.1f} ms | {rest_c / rest_t:.2f}× | ≤ 1.1× | {'yes' if rest_c / rest_t <= 1.1 else 'NO'} |",
		]
		for doctype, (list_f, list_u, list_a, _nf, _nu) in lists.items():
			lines += [
				f"| {doctype} list as staff: with the access filter vs without it | {list_f * 1000:.1f} ms | "
				f"{list_u * 1000:.1f} ms | {list_f / list_u:.2f}× | ≤ 2× | {'yes' if list_f / list_u <= 2 else 'NO'} |",
				f"| (for reference) {doctype} list as staff vs as Administrator | {list_f * 1000:.1f} ms | "
				f"{list_a * 1000:.1f} ms | {list_f / list_a:.2f}× | – | – |",
			]
	lines.append(f"Load average at the end: {os.getloadavg()[0]:.2f}.")
	print()
	print("\n".join(lines))
	frappe.destroy()


if __name__ == "__main__":
	main()
