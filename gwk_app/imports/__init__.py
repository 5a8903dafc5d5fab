"""Bringing a carrier's existing lists in: Frappe's Data Import with the app's rules, the dry run, the
templates in the repository's top-level `fixtures/` and imported tallies of anonymous contacts."""
