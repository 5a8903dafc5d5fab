"""List user-facing strings of gwk_app that have no German translation in gwk_app/locale/de.po.

python scripts/i18n.py            # prints missing msgids with the files that use them
python scripts/i18n.py --po       # prints them as empty .po entries, ready to translate and append
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.unit.i18n_strings import missing  # noqa: E402


def quote(text: str) -> str:
	return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def main() -> int:
	todo = missing()
	for msgid, files in sorted(todo.items()):
		if "--po" in sys.argv:
			print(f'#: {", ".join(sorted(files))}\nmsgid {quote(msgid)}\nmsgstr ""\n')
		else:
			print(f"{msgid!r}  ({', '.join(sorted(files))})")
	print(f"{len(todo)} missing", file=sys.stderr)
	return 1 if todo else 0


if __name__ == "__main__":
	sys.exit(main())
