from gwk_app.access import hook_map

app_name = "gwk_app"
app_title = "GWK"
app_publisher = "gwk_app developers"
app_description = "Community coordination (Gemeinwesenkoordination) for Frappe"
app_email = "dev@gwk-app.invalid"
app_license = "MIT"

export_python_type_annotations = True

# Install / uninstall
after_install = "gwk_app.setup.install.after_install"
after_migrate = "gwk_app.setup.install.after_migrate"
before_uninstall = "gwk_app.setup.install.before_uninstall"

# Project access rules: one module, both hook families (see gwk_app/permissions.py)
permission_query_conditions = hook_map("query_conditions")
has_permission = hook_map("has_permission")
permission_query_conditions["File"] = "gwk_app.permissions.file_query_conditions"
doc_events = {"File": {"before_validate": "gwk_app.permissions.keep_attachments_private"}}

# Core endpoints that skip permission checks on project-bound doctypes
override_whitelisted_methods = {
	"frappe.client.get_count": "gwk_app.api.safe.get_count",
	"frappe.client.validate_link": "gwk_app.api.safe.validate_link",
	"frappe.geo.utils.get_coords": "gwk_app.api.safe.get_coords",
	"frappe.desk.listview.get_group_by_count": "gwk_app.api.listview.get_group_by_count",
}

app_include_js = ["/assets/gwk_app/js/gwk_app.js"]

boot_session = "gwk_app.boot.boot_session"
before_request = ["gwk_app.api.guard.validate_rest_body"]

scheduler_events = {
	"daily": [
		"gwk_app.casework.tasks.create_referral_follow_ups",
		"gwk_app.volunteering.tasks.remind_clearance_expiry",
	],
}
