"""Rules that need no database: plain functions the unit tests reach without Frappe."""
