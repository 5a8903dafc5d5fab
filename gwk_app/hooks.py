from gwk_app.access import hook_map
from gwk_app.constants import VOLUNTEER_ROLE
from gwk_app.rules.casework import OPEN_CASE_STATUSES

app_name = "gwk_app"
app_title = "GWK"
app_publisher = "gwk_app developers"
app_description = "Community coordination (Gemeinwesenkoordination) for Frappe"
app_email = "dev@gwk-app.invalid"
app_license = "MIT"

export_python_type_annotations = True

# Install / uninstall
after_install = ["gwk_app.setup.install.after_install", "gwk_app.privacy.mentions.ensure_indexes"]
# erasure finds mentions of a person through FULLTEXT indexes on every free-text column
after_migrate = ["gwk_app.setup.install.after_migrate", "gwk_app.privacy.mentions.ensure_indexes"]
before_uninstall = "gwk_app.setup.install.before_uninstall"

# Project access rules: one module, both hook families (see gwk_app/permissions.py)
permission_query_conditions = hook_map("query_conditions")
has_permission = hook_map("has_permission")
permission_query_conditions["File"] = "gwk_app.permissions.file_query_conditions"
# Reading a resident's record in the form is logged (Access Log) for the data protection officer. The
# reports' kept figures (gwk_app.reports.figures, which owns what makes them stale: its doc_events() equals
# the figures' entries here, see tests/integration/test_report_figures.py) go stale with every change to
# what they count, in the same transaction; a background job recomputes them.
doc_events = {
	"File": {"before_validate": "gwk_app.permissions.keep_attachments_private"},
	"Resident": {
		"onload": "gwk_app.privacy.audit.log_form_load",
		"before_validate": "gwk_app.privacy.erasure.keep_anonymised",
		"on_update": "gwk_app.reports.figures.on_resident_change",
	},
	"Consultation": {
		# the naming series counted in one statement (gwk_app/overrides/naming.py)
		"autoname": "gwk_app.overrides.naming.autoname",
		"on_update": "gwk_app.reports.figures.on_record_change",
		"on_trash": "gwk_app.reports.figures.on_record_change",
	},
	"Case": {
		"on_update": "gwk_app.reports.figures.on_record_change",
		"on_trash": "gwk_app.reports.figures.on_record_change",
	},
	"Referral": {
		"on_update": "gwk_app.reports.figures.on_record_change",
		"on_trash": "gwk_app.reports.figures.on_record_change",
	},
	"Contact Tally": {
		"on_update": "gwk_app.reports.figures.on_record_change",
		"on_trash": "gwk_app.reports.figures.on_record_change",
	},
	"Consultation Appointment": {
		"on_update": "gwk_app.reports.figures.on_record_change",
		"on_trash": "gwk_app.reports.figures.on_record_change",
	},
	"Office Hours Visit": {
		"on_update": "gwk_app.reports.figures.on_record_change",
		"on_trash": "gwk_app.reports.figures.on_record_change",
	},
	"Community Project": {
		"after_rename": "gwk_app.reports.figures.on_master_rename",
		"on_update": "gwk_app.reports.figures.on_project_change",
	},
	"District": {"after_rename": "gwk_app.reports.figures.on_master_rename"},
	"Topic": {"after_rename": "gwk_app.reports.figures.on_master_rename"},
	"Referral Partner": {"after_rename": "gwk_app.reports.figures.on_master_rename"},
}
# called by privacy after an erasure changed residents outside a save, with the list of them (one call
# per retention batch; privacy imports no module)
gwk_after_erasure = [
	"gwk_app.reports.figures.on_residents_erased",
	# a submitted funder report keeps its figures; the erased residents leave its trail
	"gwk_app.reports.doctype.funder_report_submission.funder_report_submission.on_residents_erased",
]

# Core endpoints that skip permission checks on project-bound doctypes (gwk_app/overrides; each tested
# against core's signature in tests/integration/test_overrides.py)
override_whitelisted_methods = {
	"frappe.client.get_count": "gwk_app.overrides.client.get_count",
	"frappe.client.validate_link": "gwk_app.overrides.client.validate_link",
	"frappe.desk.doctype.dashboard_chart.dashboard_chart.get": "gwk_app.overrides.dashboard_chart.get_chart",
	"frappe.geo.utils.get_coords": "gwk_app.overrides.geo.get_coords",
	"frappe.desk.listview.get_group_by_count": "gwk_app.overrides.listview.get_group_by_count",
}
# Data Import with the app's rules (German values, errors per row and column, project scope)
override_doctype_class = {"Data Import": "gwk_app.overrides.data_import.GWKDataImport"}

app_include_js = ["/assets/gwk_app/js/gwk_app.js", "/assets/gwk_app/js/quick_consultation.js"]

boot_session = "gwk_app.boot.boot_session"
before_request = ["gwk_app.overrides.request.validate_rest_body"]
# REST reads of residents and ESF records are logged like form loads (Access Log)
after_request = ["gwk_app.privacy.audit.log_rest_read"]

scheduler_events = {
	"daily": [
		"gwk_app.casework.tasks.create_referral_follow_ups",
		"gwk_app.community.tasks.clear_guest_contact_data",
		"gwk_app.privacy.tasks.remind_overdue_requests",
		"gwk_app.privacy.retention.daily",
		"gwk_app.volunteering.tasks.remind_clearance_expiry",
		"gwk_app.casework.appointment_tasks.clear_guest_contact_data",
		"gwk_app.privacy.esf_completeness.remind_before_exit",
	],
	"hourly": ["gwk_app.reports.figures.job"],
}
# appointment reminders the day before: Frappe's own daily Notification run ("Days Before") sends the
# standard Notifications in gwk_app/casework/notification (Email Queue; SMS through SMS Settings)

# the funder's time record is the Print Format "Time Record" of Staff Time Entry; it renders the month
jinja = {"methods": ["gwk_app.privacy.time_record.time_record_html"]}

# Where each module holds personal data about a resident: the registry gwk_app.privacy.personal_data reads
# it for the Art. 15 export, the Art. 17 erasure and retention (privacy imports no module). Keys: see there.
_OPEN_CASE = {"status": ["in", list(OPEN_CASE_STATUSES)]}
gwk_personal_data = [
	{
		"doctype": "Resident",
		"link_field": "name",
		"redact": [
			"first_name",
			"last_name",
			"pseudonym",
			"full_name",
			"birth_year",
			"postcode",
			"street",
			"phone",
			"email",
			"languages",
			"duplicate_candidates",
			"special_category_notes",
			"notes",
		],
		# scrubbed from the history of shared records; identifying ones also site-wide (printed pages)
		"scrub": ["first_name", "last_name", "full_name", "pseudonym", "street", "phone", "email"],
		"identifying": ["full_name", "pseudonym", "street", "phone", "email"],
	},
	{
		"doctype": "Consultation",
		"link_field": "resident",
		"redact": ["resident_name", "note"],
		"activity_field": "consultation_date",
	},
	{
		"doctype": "Case",
		"link_field": "resident",
		"redact": ["resident_name", "title", "description", "outcome"],
		"keep_while": _OPEN_CASE,
	},
	{
		"doctype": "Case Party",
		"parent": "Case",
		"link_field": "resident",
		"redact": ["resident_name"],
		"parent_fields": ["case_type", "status", "opened_on", "closed_on"],
	},
	{
		"doctype": "Referral",
		"link_field": "resident",
		"redact": ["resident_name", "reason", "outcome"],
		"activity_field": "referred_on",
	},
	{
		"doctype": "Consultation Appointment",
		"link_field": "resident",
		"redact": ["resident_name", "subject", "first_name", "phone", "email", "notes"],
		"activity_field": "starts_on",
	},
	{"doctype": "Consent", "link_field": "resident", "redact": ["resident_name", "signed_form"]},
	{
		"doctype": "ESF Participation",
		"link_field": "resident",
		"redact": ["resident_name"],
		"hold": "gwk_app.privacy.holds.esf_duty_hold",
	},
	{"doctype": "Data Subject Request", "link_field": "resident", "redact": ["resident_name"]},
	{
		"doctype": "Community Event Participant",
		"parent": "Community Event",
		"link_field": "resident",
		"redact": ["resident_name", "guest_name", "email", "phone"],
		"parent_fields": ["title", "event_type", "starts_on", "status"],
	},
	{
		# an event photo published with the person's photo consent shows them: the picture goes
		"doctype": "Community Event Photo",
		"parent": "Community Event",
		"link_field": "consent",
		"via": "Consent",
		"redact": ["image", "caption", "publish"],
		"parent_fields": ["title", "event_type", "starts_on"],
	},
	{
		"doctype": "Volunteer Assignment",
		"link_field": "volunteer",
		"via": "Community Volunteer",
		"redact": ["volunteer_name", "note"],
	},
	{
		"doctype": "Volunteer Hours",
		"link_field": "volunteer",
		"via": "Community Volunteer",
		"redact": ["volunteer_name", "note"],
	},
	{
		# a volunteer who is also a resident: the profile is kept while the person volunteers
		"doctype": "Community Volunteer",
		"link_field": "resident",
		"redact": ["volunteer_name", "email", "phone", "interests", "languages", "notes"],
		"keep_while": {"status": ["in", ["Active", "Paused"]]},
	},
]

# Staff time entries are personal data of staff (Frappe users): Frappe's own personal data deletion of
# a user clears the free text and keeps the hours, which a funder's time record must keep
user_data_fields = [
	{"doctype": "Staff Time Entry", "filter_by": "staff", "redact_fields": ["activity"], "partial": 1}
]

# Volunteers (website users with the role GWK Volunteer) land on their own portal page
role_home_page = {VOLUNTEER_ROLE: "volunteering"}
portal_menu_items = [{"title": "My Volunteering", "route": "/volunteering", "role": VOLUNTEER_ROLE}]
