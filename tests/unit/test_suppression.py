"""Small-cell suppression: primary, secondary across rows and columns, totals."""

import itertools
import random

import pytest

from gwk_app.rules.suppression import SUPPRESSED, is_safe, suppress_column, suppress_table


def test_nothing_below_threshold_nothing_suppressed():
	m = [[5, 7], [4, 9]]
	t = suppress_table(m, 3)
	assert t.cells == m
	assert t.row_totals == [12, 13]
	assert t.col_totals == [9, 16]
	assert t.grand_total == 25


def test_zero_is_shown():
	t = suppress_table([[0, 5], [4, 9]], 3)
	assert t.cells == [[0, 5], [4, 9]]


def test_primary_cell_and_its_secondary_partners():
	m = [[5, 1, 7], [4, 6, 8], [9, 9, 2]]
	t = suppress_table(m, 3)
	# primary: 1 and 2
	assert t.cells[0][1] is None and t.cells[2][2] is None
	# secondary: each line with a hidden cell has a second one; here the cheapest is a rectangle
	assert t.cells == [[5, None, None], [4, 6, 8], [9, None, None]]
	# totals stay published and cannot reveal a hidden cell
	assert t.row_totals == [13, 18, 20]
	assert t.col_totals == [18, 16, 17]
	assert t.grand_total == 51
	assert is_safe(t, m, 3)


def test_secondary_in_a_row_cannot_be_recovered_from_row_total():
	m = [[2, 10, 20]]
	t = suppress_table(m, 3)
	row = t.cells[0]
	assert row[0] is None
	hidden = [j for j, v in enumerate(row) if v is None]
	assert len(hidden) >= 2
	# the smallest other cell goes with it
	assert row[1] is None and row[2] == 20


def test_secondary_in_a_column_cannot_be_recovered_from_column_total():
	values, total = suppress_column([10, 2, 8], 3)
	assert values == [10, None, None]
	assert total == 20


def test_total_below_threshold_is_suppressed_with_its_cells():
	t = suppress_table([[1, 1], [6, 7]], 3)
	assert t.row_totals[0] is None
	assert t.cells[0] == [None, None]
	assert is_safe(t, [[1, 1], [6, 7]], 3)


def test_single_line_with_nothing_to_pair_hides_the_total():
	values, total = suppress_column([2], 3)
	assert values == [None]
	assert total is None


def test_threshold_taken_from_settings_value():
	m = [[4, 10], [10, 10]]
	assert suppress_table(m, 3).cells == m
	t = suppress_table(m, 5)
	assert t.cells[0][0] is None
	assert is_safe(t, m, 5)


def test_rows_of_unequal_length_are_refused():
	with pytest.raises(ValueError):
		suppress_table([[1, 2], [3]])


def test_empty_table():
	t = suppress_table([], 3)
	assert t.cells == [] and t.grand_total == 0


def test_shown_marks_suppressed_with_a_dot():
	t = suppress_table([[1, 9]], 3)
	assert t.shown(None) == SUPPRESSED == "."
	assert t.shown(9) == "9"


def _recoverable(t, m):
	"""Brute check on small tables: is any hidden cell determined by the shown figures alone?
	Tries every assignment of 0..max to the hidden cells that matches the shown totals."""
	rows, cols = len(m), len(m[0])
	grid = [list(r) + [sum(r)] for r in m]
	grid.append([sum(grid[i][j] for i in range(rows)) for j in range(cols + 1)])
	shown = [list(r) + [rt] for r, rt in zip(t.cells, t.row_totals, strict=True)]
	shown.append([*t.col_totals, t.grand_total])
	hidden = [(i, j) for i in range(rows + 1) for j in range(cols + 1) if shown[i][j] is None]
	if not hidden:
		return False
	top = max(max(r) for r in grid) + 1
	solutions = {c: set() for c in hidden}
	for values in itertools.product(range(top), repeat=len(hidden)):
		g = [r[:] for r in shown]
		for (i, j), v in zip(hidden, values, strict=True):
			g[i][j] = v
		if all(sum(g[i][:cols]) == g[i][cols] for i in range(rows + 1)) and all(
			sum(g[i][j] for i in range(rows)) == g[rows][j] for j in range(cols + 1)
		):
			for c, v in zip(hidden, values, strict=True):
				solutions[c].add(v)
	return any(len(v) == 1 for c, v in solutions.items() if grid[c[0]][c[1]] and c[0] < rows and c[1] < cols)


@pytest.mark.parametrize("seed", range(12))
def test_random_small_tables_are_safe_and_not_recoverable(seed):
	rng = random.Random(seed)
	m = [[rng.choice([0, 1, 2, 3]) for _ in range(2)] for _ in range(2)]
	t = suppress_table(m, 3)
	assert is_safe(t, m, 3)
	assert not _recoverable(t, m)
	# shown cells keep their true values
	for i, r in enumerate(t.cells):
		for j, v in enumerate(r):
			assert v is None or v == m[i][j]


@pytest.mark.parametrize("seed", range(200))
def test_random_tables_are_safe(seed):
	rng = random.Random(seed)
	rows, cols = rng.randint(1, 7), rng.randint(1, 7)
	m = [[rng.choice([0, 1, 2, 3, 5, 8, 20, 100]) for _ in range(cols)] for _ in range(rows)]
	t = suppress_table(m, 3)
	assert is_safe(t, m, 3)


def test_a_single_count_is_suppressed_below_the_threshold_only():
	from gwk_app.rules.suppression import SUPPRESSED, shown_count

	assert [shown_count(v, 3) for v in (None, 0, 1, 2, 3, 10)] == [0, 0, SUPPRESSED, SUPPRESSED, 3, 10]
