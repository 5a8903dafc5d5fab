"""The naming series counter of the app's busiest doctype (Consultation), in one statement.

Core's `frappe.model.naming.getseries` builds a query, reads the series row FOR UPDATE and then updates
it: two round trips on every consultation logged (a fifth of a REST insert's time here). `next_number`
takes the next number in one statement (it also creates the row for a new year's prefix, without the
race of a read and an insert); `autoname`, the doctype's doc_events "autoname" in hooks.py, hands it to
core's own `parse_naming_series` as its number generator, so the format stays the doctype's `autoname`
("CON-.YYYY.-.######") and the counter stays core's `tabSeries` row (Document Naming Settings still
shows and sets it; deleting the last record still reverts it). The row is locked until the request
commits, exactly as with core's counter.
"""

import frappe
from frappe.model.naming import parse_naming_series

# LAST_INSERT_ID(expr) hands the new value back in the statement's reply (the cursor's lastrowid)
_NEXT = (
	"insert into `tabSeries` (`name`, `current`) values (%s, last_insert_id(1)) "
	"on duplicate key update `current` = last_insert_id(`current` + 1)"
)


def next_number(key: str, digits: int) -> str:
	"""The next number of the series `key`, zero-padded to `digits` (core's getseries contract)."""
	frappe.db.sql(_NEXT, (key,))  # nosemgrep - constant SQL, the key as a parameter
	return f"{frappe.db._cursor.lastrowid:0{digits}d}"


def autoname(doc, method=None):
	"""doc_events "autoname" (hooks.py): the document's name from its doctype's naming series, by core's
	parser with this counter. Runs where core would run the controller's autoname, before core's own
	naming, which then keeps the name."""
	doc.name = parse_naming_series(doc.meta.autoname, doc=doc, number_generator=next_number)
