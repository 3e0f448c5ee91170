using Extraction.Rules;

namespace Extraction.Segmentation.Layout;

/// <summary>
/// Puts the cells of a row back under their columns when the row has not one cell per column —
/// merged cells (a unit written once for three rows), empty cells a copied page dropped, a
/// header cell spanning two sub-columns. Cells keep their order; each goes to a column whose
/// role fits what it holds (a figure under a progress or completion column, a unit's name
/// under a unit column, a status under a status or remark column, text under a task), and
/// columns may be passed over. The best-fitting placement wins.
/// </summary>
internal static class RowAligner
{
    private const double Impossible = double.NegativeInfinity;

    /// <summary>A second cell under one column costs this much: rows spread over their columns where they can.</summary>
    private const double SecondCell = 1.5;

    /// <summary>A unit's name broken over two cells is better kept together under one column (a short piece alone is more likely text).</summary>
    private const double BrokenNameJoined = 2;

    /// <summary>The column of each cell (an index into <paramref name="columns"/>), or null when the cells fit no placement.</summary>
    public static int[]? Align(IReadOnlyList<CellKind> cells, IReadOnlyList<ColumnRole> columns)
    {
        int n = cells.Count, m = columns.Count;
        if (n == 0)
        {
            return [];
        }

        // best[i, j]: the best score of cells 0..i with cell i under column j.
        var best = new double[n, m];
        var from = new int[n, m];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < m; j++)
            {
                best[i, j] = Impossible;
                var fit = Fit(columns[j], cells[i]);
                if (double.IsNegativeInfinity(fit))
                {
                    continue;
                }

                if (i == 0)
                {
                    best[i, j] = fit;
                    from[i, j] = -1;
                    continue;
                }

                for (var k = 0; k <= j; k++)
                {
                    if (double.IsNegativeInfinity(best[i - 1, k]) || (k == j && !TakesSeveral(columns[j])))
                    {
                        continue;
                    }

                    var score = best[i - 1, k] + fit;
                    if (k == j)
                    {
                        score += cells[i - 1] == CellKind.UnitPiece && cells[i] is CellKind.Unit or CellKind.UnitPiece ? BrokenNameJoined - SecondCell : -SecondCell;
                    }

                    if (score > best[i, j])
                    {
                        best[i, j] = score;
                        from[i, j] = k;
                    }
                }
            }
        }

        var last = Enumerable.Range(0, m).MaxBy(j => best[n - 1, j]);
        if (double.IsNegativeInfinity(best[n - 1, last]))
        {
            return null;
        }

        var placed = new int[n];
        for (int i = n - 1, j = last; i >= 0; j = from[i, j], i--)
        {
            placed[i] = j;
        }

        return placed;
    }

    private static bool TakesSeveral(ColumnRole role) => role is not (ColumnRole.Number or ColumnRole.Group or ColumnRole.Completion or ColumnRole.Status);

    /// <summary>How well a cell of a kind fits under a column of a role; impossible where it never stands there.</summary>
    private static double Fit(ColumnRole role, CellKind kind) => (role, kind) switch
    {
        (ColumnRole.Number, CellKind.Ordinal) => 4,
        (ColumnRole.Number, _) => Impossible,
        (ColumnRole.Task or ColumnRole.Group, CellKind.Text) => 3,
        (ColumnRole.Task or ColumnRole.Group, CellKind.UnitPiece) => 2.5,
        (ColumnRole.Task or ColumnRole.Group, CellKind.Unit) => 1,
        (ColumnRole.Task or ColumnRole.Group, _) => Impossible,
        (ColumnRole.Target, CellKind.Quantity or CellKind.Ordinal) => 3,
        (ColumnRole.Target, CellKind.Text) => 2,
        (ColumnRole.Target, CellKind.UnitPiece) => 2,
        (ColumnRole.Target, CellKind.Unit) => 0.5,
        (ColumnRole.Target, _) => Impossible,
        (ColumnRole.Departments or ColumnRole.Partners, CellKind.Unit) => 3,
        (ColumnRole.Departments or ColumnRole.Partners, CellKind.Text or CellKind.UnitPiece) => 0.5,
        (ColumnRole.Departments or ColumnRole.Partners, _) => Impossible,
        (ColumnRole.Persons, CellKind.Text or CellKind.UnitPiece) => 1,
        (ColumnRole.Persons, _) => 0,
        (ColumnRole.Progress, CellKind.Text) => 3,
        (ColumnRole.Progress, CellKind.Quantity) => 2.5,
        (ColumnRole.Progress, CellKind.Ordinal) => 2.5,
        (ColumnRole.Progress, CellKind.Status) => 1.5,
        (ColumnRole.Progress, _) => 0,
        (ColumnRole.Completion, CellKind.Quantity) => 3,
        (ColumnRole.Completion, CellKind.Ordinal) => 2.5,
        (ColumnRole.Completion, CellKind.Status) => 1,
        (ColumnRole.Completion, _) => 0,
        (ColumnRole.Status, CellKind.Status) => 3,
        (ColumnRole.Status, CellKind.Quantity or CellKind.Ordinal) => 0.5,
        (ColumnRole.Status, _) => 0,
        (ColumnRole.Remark, CellKind.Status) => 2,
        (ColumnRole.Remark, CellKind.Text) => 1,
        (ColumnRole.Remark, _) => 0.5,
        _ => 0.5,
    };
}
