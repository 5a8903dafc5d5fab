"""Small-cell suppression for figures that leave a project (published statistics).

Rules (statistik.arbeitsagentur.de, stla.sachsen.de; see docs/design.md, "Figures that leave a project"):
- primary: a count with 0 < value < threshold is suppressed; 0 is shown (it says nothing about a person);
- a total below the threshold is suppressed as well;
- secondary: a line (row or column, its total included) must never have exactly one suppressed
  entry while its other entries are shown, else the suppressed one is total minus the others.
  The smallest shown entry of such a line is suppressed too, and this repeats until every line
  holds.
Suppressed entries are returned as None; `SUPPRESSED` is how reports show them.
"""

from dataclasses import dataclass

SUPPRESSED = "."
DEFAULT_THRESHOLD = 3


@dataclass
class SuppressedTable:
	cells: list[list[int | None]]
	row_totals: list[int | None]
	col_totals: list[int | None]
	grand_total: int | None

	def shown(self, value: int | None) -> str:
		return SUPPRESSED if value is None else str(value)


def _primary(value: int, threshold: int) -> bool:
	return 0 < value < threshold


def shown_count(value: int | None, threshold: int = DEFAULT_THRESHOLD) -> int | str:
	"""A single count of people leaving the project, with no line around it to recover it from: primary
	suppression only (0 < value < threshold is shown as SUPPRESSED)."""
	value = int(value or 0)
	return SUPPRESSED if _primary(value, threshold) else value


def suppress_table(matrix: list[list[int]], threshold: int = DEFAULT_THRESHOLD) -> SuppressedTable:
	"""Suppress a table of counts with row totals, column totals and a grand total.

	`matrix` holds the inner cells (rows × columns, all rows of equal length). The totals are
	computed here from the true values, so they stay consistent with the cells.
	"""
	rows = len(matrix)
	cols = len(matrix[0]) if rows else 0
	if any(len(r) != cols for r in matrix):
		raise ValueError("all rows must have the same number of columns")
	threshold = max(int(threshold or 0), 0)

	# the extended grid: cells, a total column (index cols) and a total row (index rows)
	grid = [[int(v or 0) for v in r] + [sum(int(v or 0) for v in r)] for r in matrix]
	grid.append([sum(grid[i][j] for i in range(rows)) for j in range(cols + 1)])
	hidden = [[_primary(v, threshold) for v in r] for r in grid]

	def row_line(i):
		return [(i, j) for j in range(cols)], (i, cols)

	def col_line(j):
		return [(i, j) for i in range(rows)], (rows, j)

	def hidden_in(line):
		parts, total = line
		return sum(hidden[i][j] for i, j in parts) + hidden[total[0]][total[1]]

	def choose(parts, crossing):
		# prefer a cell whose crossing line has exactly one hidden entry (hiding it fixes that line
		# too), then one whose crossing line has hidden entries already, then the smallest value
		def score(cell):
			i, j = cell
			crossed = hidden_in(crossing(cell))
			return (0 if crossed == 1 else 1 if crossed > 1 else 2, grid[i][j], i, j)

		shown = [c for c in parts if not hidden[c[0]][c[1]]]
		return min(shown, key=score) if shown else None

	changed = True
	while changed:
		changed = False
		candidates = [(row_line(i), lambda c: col_line(c[1])) for i in range(rows + 1)]
		candidates += [(col_line(j), lambda c: row_line(c[0])) for j in range(cols + 1)]
		for line, crossing in candidates:
			parts, total = line
			if not parts or hidden_in(line) != 1:
				continue
			# exactly one hidden entry in an otherwise shown line: hide one more (a part rather than
			# the total, so the total stays published where possible)
			cell = choose(parts, crossing) or total
			hidden[cell[0]][cell[1]] = True
			changed = True

	def out(i, j):
		return None if hidden[i][j] else grid[i][j]

	return SuppressedTable(
		cells=[[out(i, j) for j in range(cols)] for i in range(rows)],
		row_totals=[out(i, cols) for i in range(rows)],
		col_totals=[out(rows, j) for j in range(cols)],
		grand_total=out(rows, cols),
	)


def suppress_column(
	values: list[int], threshold: int = DEFAULT_THRESHOLD
) -> tuple[list[int | None], int | None]:
	"""One measure per row with a column total: (shown values, shown total)."""
	table = suppress_table([[v] for v in values], threshold)
	return [r[0] for r in table.cells], table.col_totals[0]


def is_safe(table: SuppressedTable, matrix: list[list[int]], threshold: int = DEFAULT_THRESHOLD) -> bool:
	"""Check used by the tests: no shown value below the threshold, no line with one hidden entry."""
	rows = len(matrix)
	cols = len(matrix[0]) if rows else 0
	grid = [list(r) + [t] for r, t in zip(table.cells, table.row_totals, strict=True)]
	grid.append([*table.col_totals, table.grand_total])
	for r in grid:
		for v in r:
			if v is not None and _primary(v, threshold):
				return False
	for i in range(rows + 1):
		if sum(grid[i][j] is None for j in range(cols + 1)) == 1 and cols:
			return False
	for j in range(cols + 1):
		if sum(grid[i][j] is None for i in range(rows + 1)) == 1 and rows:
			return False
	return True
