"""Add German translations to gwk_app/locale/de.po.

  python scripts/po_add.py < translations.json     # {"msgid": "msgstr", ...}

Existing msgids keep their translation unless --replace is given. The file is rewritten sorted by
msgid under a lock, so several people can add strings at the same time.
"""

import fcntl
import json
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

PO_FILE = Path(__file__).resolve().parent.parent / "gwk_app" / "locale" / "de.po"


def main() -> int:
	new = json.load(sys.stdin)
	replace = "--replace" in sys.argv
	with open("/tmp/gwk_app-de.po.lock", "w") as lock:
		fcntl.flock(lock, fcntl.LOCK_EX)
		with open(PO_FILE, "rb") as fh:
			catalog = read_po(fh, locale="de")
		added = 0
		for msgid, msgstr in new.items():
			if not msgstr:
				continue
			current = catalog.get(msgid)
			if current is not None and current.string and not replace:
				continue
			if current is not None:
				current.string = msgstr
			else:
				catalog.add(msgid, msgstr)
			added += 1
		out = Catalog(
			locale="de",
			project="gwk_app",
			version="0.1.0",
			copyright_holder="gwk_app developers",
			creation_date=catalog.creation_date,
			revision_date=catalog.creation_date,
		)
		out.msgid_bugs_address = "dev@gwk-app.invalid"
		out.fuzzy = False
		out.language_team = "gwk_app developers"
		out.last_translator = "gwk_app developers"
		for message in sorted((m for m in catalog if m.id), key=lambda m: m.id):
			out.add(message.id, message.string)
		with open(PO_FILE, "wb") as fh:
			write_po(fh, out, width=0, omit_header=False, sort_output=True)
	print(f"{added} translations added or changed", file=sys.stderr)
	return 0


if __name__ == "__main__":
	sys.exit(main())
