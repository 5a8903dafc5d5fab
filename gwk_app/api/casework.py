"""Casework endpoints for the desk: the consultation quick entry."""

import re
from datetime import date

import frappe
from frappe import _
from frappe.utils import now_datetime, today

from gwk_app.permissions import allowed_projects, check_project_access
from gwk_app.rules.office_hours import within_office_hours

CONSULTATION = "Consultation"
MAX_NOTE_LENGTH = 2000
MAX_TOPICS = 20
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _office_hours(projects: list[str]) -> dict[str, list[dict]]:
	rows = frappe.get_all(
		"Community Project Office Hour",
		filters={"parenttype": "Community Project", "parent": ("in", projects or [""])},
		fields=["parent", "weekday", "from_time", "to_time", "place", "topic"],
		order_by="idx asc",
	)
	out: dict[str, list[dict]] = {p: [] for p in projects}
	for row in rows:
		out.setdefault(row.parent, []).append(row)
	return out


def _quick_entry_projects() -> list[str]:
	"""Projects the user may log a consultation in: their teams, or every active project for the roles
	that see all projects."""
	allowed = allowed_projects()
	if allowed is not None:
		return allowed
	return frappe.get_all(
		"Community Project", filters={"status": ("!=", "Completed")}, pluck="name", order_by="name asc"
	)


@frappe.whitelist()
def quick_entry_context() -> dict:
	"""Defaults for the consultation quick entry: the user's projects and, per project, whether the
	project's office hours are on right now (then the channel starts as Office Hours)."""
	frappe.has_permission(CONSULTATION, "create", throw=True)
	projects = _quick_entry_projects()
	hours = _office_hours(projects)
	now = now_datetime()
	return {
		"today": today(),
		"projects": projects,
		"default_project": projects[0] if len(projects) == 1 else None,
		"in_office_hours": {p: within_office_hours(hours.get(p, []), now) for p in projects},
	}


def _options(fieldname: str) -> list[str]:
	df = frappe.get_meta(CONSULTATION).get_field(fieldname)
	return [o for o in (df.options or "").split("\n") if o]


def _choice(value, fieldname: str, label: str, required: bool = False) -> str | None:
	if value in (None, ""):
		if required:
			frappe.throw(_("{0} is required.").format(_(label)), title=_("Missing Value"))
		return None
	if not isinstance(value, str) or value not in _options(fieldname):
		frappe.throw(
			_("{0} is not a valid choice for {1}.").format(value, _(label)), title=_("Invalid Value")
		)
	return value


def _plain_name(value, label: str) -> str | None:
	if value in (None, ""):
		return None
	if not isinstance(value, str) or len(value) > 140:
		frappe.throw(_("Could not find {0}").format(_(label)), frappe.LinkValidationError)
	return value


def _topics(value) -> list[str]:
	if value in (None, "", "[]"):
		return []
	if isinstance(value, str):
		try:
			value = frappe.parse_json(value)
		except ValueError:
			value = None
	if not isinstance(value, list) or not all(isinstance(t, str) and t for t in value):
		frappe.throw(_("Topics must be a list of topic names."), title=_("Invalid Value"))
	topics = list(dict.fromkeys(value))
	if len(topics) > MAX_TOPICS:
		frappe.throw(_("Choose at most {0} topics.").format(MAX_TOPICS), title=_("Invalid Value"))
	known = set(frappe.get_all("Topic", filters={"name": ("in", topics)}, pluck="name"))
	unknown = [t for t in topics if t not in known]
	if unknown:
		frappe.throw(_("Unknown topic: {0}").format(", ".join(unknown)), title=_("Invalid Value"))
	return topics


def _date(value) -> str:
	if value in (None, ""):
		return today()
	try:
		if not isinstance(value, str) or not ISO_DATE.match(value):
			raise ValueError(value)
		return date.fromisoformat(value).isoformat()
	except ValueError:
		frappe.throw(_("Enter a valid date."), title=_("Invalid Date"))


@frappe.whitelist(methods=["POST"])
def log_consultation(
	project: str,
	channel: str,
	consultation_date: str | None = None,
	duration_minutes: int = 15,
	anonymous: bool = True,
	resident: str | None = None,
	gender: str | None = None,
	age_group: str | None = None,
	district: str | None = None,
	case: str | None = None,
	topics: str | list | None = None,
	note: str | None = None,
) -> dict:
	"""Record one consultation from the quick entry. The input is checked first; the Consultation
	controller's rules then run on insert. Either the whole record is stored or nothing."""
	frappe.has_permission(CONSULTATION, "create", throw=True)
	if not isinstance(project, str) or not project:
		frappe.throw(_("{0} is required.").format(_("Community Project")), title=_("Missing Value"))
	check_project_access(project)

	values = {
		"doctype": CONSULTATION,
		"project": project,
		"channel": _choice(channel, "channel", "Channel", required=True),
		"consultation_date": _date(consultation_date),
		"duration_minutes": duration_minutes,
		"anonymous": 1 if anonymous else 0,
		"resident": _plain_name(resident, "Resident"),
		"gender": _choice(gender, "gender", "Gender"),
		"age_group": _choice(age_group, "age_group", "Age Group"),
		"district": _plain_name(district, "District"),
		"case": _plain_name(case, "Case"),
		"staff_member": frappe.session.user,
		"topics": [{"topic": t} for t in _topics(topics)],
	}
	if note not in (None, ""):
		if not isinstance(note, str) or len(note) > MAX_NOTE_LENGTH:
			frappe.throw(
				_("The note may have at most {0} characters.").format(MAX_NOTE_LENGTH),
				title=_("Invalid Value"),
			)
		values["note"] = note
	if values["anonymous"] and values["resident"]:
		frappe.throw(
			_("An anonymous consultation cannot name a resident. Untick Anonymous or remove the resident."),
			title=_("Anonymous Consultation"),
		)
	if not values["anonymous"] and not values["resident"]:
		frappe.throw(
			_("Choose the resident or mark the consultation as anonymous."), title=_("Missing Resident")
		)

	doc = frappe.get_doc({k: v for k, v in values.items() if v is not None})
	doc.insert()
	return {"name": doc.name, "anonymous": doc.anonymous, "resident_name": doc.resident_name}
