"""Frappe's Data Import with the app's rules in force (Insert and Update, from the desk and from
`bench data-import`).

Core's importer (frappe/core/doctype/data_import/importer.py) is kept; for the app's doctypes (and
Contact and Address, which hold the partner directory's people and places) it changes what happens to
a cell:
- a Select value is accepted as the template shows it to a German user (the translated option) or as
  stored; a Check as Ja/Nein, 1/0 or x; numbers with a decimal comma; dates as dd.mm.yyyy;
- a value that does not fit, a Link to a record that does not exist or belongs to another project, a
  project the user is not on the team of (the same answer whether it exists or not), a missing
  mandatory value, a date in the future, contact data on an anonymous contact are errors of that row:
  a German message with row number, column and reason, and nothing of the row is stored. Core would
  stop the whole file for a wrong Select or Link value; here the other rows go in.
- anything the controllers refuse on insert (they keep every rule whatever the path) is reported
  with the row number, and with the column when the message names one.

Core builds `Importer` by name in data_import.py (`start_import`, the background job of the desk;
`import_file`, behind `bench data-import`; `DataImport.get_importer`). The override class of Data
Import (hooks.py `override_doctype_class`) is loaded before either runs, and loading this module
rebinds that name to `GWKImporter` (gwk_app/imports/importer.py); `tests/integration/test_data_import.py` checks core's signatures.
"""

from frappe.core.doctype.data_import import data_import as core_data_import
from frappe.core.doctype.data_import.data_import import DataImport

from gwk_app.imports.importer import GWKImporter


class GWKDataImport(DataImport):
	def get_importer(self):
		return GWKImporter(self.reference_doctype, data_import=self)


# core's start_import (desk) and import_file (`bench data-import`) build the importer by name
core_data_import.Importer = GWKImporter
