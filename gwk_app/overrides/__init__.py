"""Replacements of core Frappe behaviour, each wired in hooks.py and each tested against core's signature
(tests/integration/test_overrides.py): a Frappe upgrade that changes a replaced function fails there first.

- client.py: frappe.client.get_count and validate_link (count and name checks through the access rules)
- geo.py: frappe.geo.utils.get_coords (the Map view)
- listview.py: frappe.desk.listview.get_group_by_count (the "assigned to" sidebar counts)
- dashboard_chart.py: frappe.desk.doctype.dashboard_chart.dashboard_chart.get (no shared cache, no heatmap)
- request.py: the before_request guard for REST writes to the app's doctypes
- naming.py: the naming series counter of Consultation (core's format and tabSeries row, one statement
  instead of a locked read and an update; checked against core's getseries in test_overrides.py)
- data_import.py: Frappe's Data Import importer with the app's rules (signatures checked in
  tests/integration/test_data_import.py)
"""
