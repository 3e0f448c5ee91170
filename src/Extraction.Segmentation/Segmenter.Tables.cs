using Extraction.Figures.Numbers;
using Extraction.Rules;
using Extraction.Segmentation.Layout;

namespace Extraction.Segmentation;

public sealed partial class Segmenter
{
    /// <summary>
    /// A table's rows: a row with a number is a task; a row whose only cell is a heading
    /// (一、教育卫生类, （一）交通设施) groups the rows after it; a row without a number continues
    /// the task above (a second target of the same task). In a table without a number column
    /// every row is a task, numbered by its position.
    /// </summary>
    private void ReadTable(State state, DetectedTable table)
    {
        state.EnterBody(Section.Tasks);
        state.Result.Tables.Add(table);
        var numberColumn = table.IndexOf(ColumnRole.Number);
        SegmentedTask? last = null;
        foreach (var row in table.Rows)
        {
            var filled = row.Cells.Where(c => !c.IsEmpty && !columns.IsEmpty(c.Text)).ToList();
            if (filled.Count == 0)
            {
                continue;
            }

            // A group cell (工程名称 left of 序号) opens the category of the rows it spans.
            foreach (var group in Enumerable.Range(0, table.Columns.Count).Where(c => table.Columns[c].Role == ColumnRole.Group && !row.Cells[c].IsEmpty))
            {
                AddGroup(state, row.Cells[group]);
                filled.Remove(row.Cells[group]);
            }

            if (filled.Count == 0)
            {
                continue;
            }

            if (filled.Count == 1 && Heading(filled[0]) is { } heading)
            {
                AddHeading(state, heading.Role == ParagraphRole.Part ? 1 : 2, heading.Located("ordinal"), heading.Group("title") ?? "", heading);
                continue;
            }

            if (row.LostNumber is { } lost)
            {
                var restored = new SegmentedTask(new Located(lost.ToString(System.Globalization.CultureInfo.InvariantCulture), "table.number-lost", filled[0].Locate().FirstOrDefault() with { Length = 0 }), new TextField("table.row"))
                {
                    Part = state.Part,
                    Category = state.Category,
                    ProgressPeriod = Header(table, ColumnRole.Progress) ?? Header(table, ColumnRole.Completion),
                };
                Fill(restored, row, table, continuation: false);
                state.Result.Tasks.Add(restored);
                last = restored;
                continue;
            }

            var number = numberColumn >= 0 ? row.Cells[numberColumn] : null;
            var printed = number?.Text.TrimEnd('*', '＊') ?? "";
            if (number is not null && (printed.Length == 0 || Numeral.ToInt(printed) is null))
            {
                // A row without a number continues the task above; before the first task it is
                // the table's own furniture (a |---| rule, a units line), not a task.
                if (last is not null)
                {
                    Fill(last, row, table, continuation: true);
                }

                continue;
            }

            var task = new SegmentedTask(NumberOf(number, printed, state.Result.Tasks.Count + 1, row, table), new TextField("table.row"))
            {
                Part = state.Part,
                Category = state.Category,
                ProgressPeriod = Header(table, ColumnRole.Progress) ?? Header(table, ColumnRole.Completion),
                Numbered = number is not null,
            };
            Fill(task, row, table, continuation: false);
            state.Result.Tasks.Add(task);
            last = task;
        }

        state.Task = last;
        state.Close();
    }

    /// <summary>A group cell as a category heading, numbered by its position among the table's groups.</summary>
    private static void AddGroup(State state, TextField cell)
    {
        var source = cell.Locate().FirstOrDefault();
        var ordinal = state.Result.Headings.Count(h => h.RuleId == GroupRule) + 1;
        var heading = new SegmentedHeading(2, ordinal.ToString(System.Globalization.CultureInfo.InvariantCulture), cell.Text, GroupRule, source with { Length = cell.Text.Length });
        state.Result.Headings.Add(heading);
        var statement = new SegmentedStatement(new TextField(GroupRule), closingCue: false, heading);
        statement.Text.Append(cell);
        state.Result.Statements.Add(statement);
        state.Category = heading;
    }

    private const string GroupRule = "table.group";

    /// <summary>The task's number as printed, or its position when the table has no number column.</summary>
    private static Located NumberOf(TextField? number, string printed, int position, TableRow row, DetectedTable table)
    {
        if (number is not null)
        {
            var span = number.Locate().FirstOrDefault();
            return new Located(printed, "table.number", span with { Length = printed.Length });
        }

        var first = row.Cells.First(c => !c.IsEmpty).Locate().FirstOrDefault();
        return new Located(position.ToString(System.Globalization.CultureInfo.InvariantCulture), $"table.position ({table.Form})", first with { Length = 0 });
    }

    /// <summary>The cells of a row into the task's fields; a continuation row joins its cells to the task's with a space.</summary>
    private void Fill(SegmentedTask task, TableRow row, DetectedTable table, bool continuation)
    {
        Join(task.Text, continuation, Cells(row, table, ColumnRole.Task, ColumnRole.Target));
        foreach (var role in new[] { ColumnRole.Departments, ColumnRole.Partners })
        {
            foreach (var cell in Cells(row, table, role))
            {
                var list = new TextField($"table.{role.ToString().ToLowerInvariant()}");
                list.Append(cell);
                task.Departments.Add(list);
                if (role == ColumnRole.Partners)
                {
                    task.PartnerLists.Add(list);
                }
            }
        }

        var progress = Cells(row, table, ColumnRole.Progress, ColumnRole.Completion).Select(Unlabelled).ToList();
        if (progress.Count > 0)
        {
            task.Progress ??= new TextField("table.progress");
            Join(task.Progress, continuation || !task.Progress.IsEmpty, progress);
        }

        task.Verdict ??= Verdict(row, table, ColumnRole.Status) ?? (task.Progress is null ? Verdict(row, table, ColumnRole.Progress) : null);
    }

    /// <summary>
    /// What the bulletin itself says of the row in a column of this role, with the column's
    /// header before it (是否达到序时进度：否): a status cell, or a progress cell that holds only a
    /// "not reported" mark (—). History reads it against its verdict rules.
    /// </summary>
    private static string? Verdict(TableRow row, DetectedTable table, ColumnRole role)
    {
        for (var i = 0; i < table.Columns.Count; i++)
        {
            var text = row.Cells[i].Text.Trim();
            if (table.Columns[i].Role == role && text.Length > 0)
            {
                var header = string.Concat(table.Columns[i].Header.Value.Where(c => !char.IsWhiteSpace(c)));
                return header.Length > 0 ? $"{header}：{text}" : text;
            }
        }

        return null;
    }

    /// <summary>Appends cells to a field, one space between them (and before them when the field already has text).</summary>
    private static void Join(TextField field, bool afterText, IEnumerable<TextField> cells)
    {
        foreach (var cell in cells)
        {
            if (afterText && !field.IsEmpty)
            {
                field.Append(" ", cell.Locate().FirstOrDefault() with { Length = 0 });
            }

            field.Append(cell);
            afterText = true;
        }
    }

    /// <summary>The non-empty cells of a row in the columns of the given roles, in column order.</summary>
    private IEnumerable<TextField> Cells(TableRow row, DetectedTable table, params ColumnRole[] roles)
    {
        for (var i = 0; i < table.Columns.Count; i++)
        {
            if (roles.Contains(table.Columns[i].Role) && !row.Cells[i].IsEmpty && !columns.IsEmpty(row.Cells[i].Text))
            {
                yield return row.Cells[i];
            }
        }
    }

    /// <summary>A progress cell that opens with its label (进展情况：…) without the label.</summary>
    private TextField Unlabelled(TextField cell)
    {
        var span = cell.Locate().FirstOrDefault();
        if (classifier.Classify(cell.Text, inHead: false, span.Paragraph, span.Start) is { Role: ParagraphRole.Progress } label
            && label.Match.Groups["text"] is { Success: true } text && text.Index > 0)
        {
            return cell.SplitAt(text.Index, label.Rule.Id).Tail;
        }

        return cell;
    }

    private static Located? Header(DetectedTable table, ColumnRole role) =>
        table.Columns.FirstOrDefault(c => c.Role == role)?.Header;

    /// <summary>A cell that the paragraph rules read as a 一、 or （一） heading.</summary>
    private Classification? Heading(TextField cell)
    {
        var span = cell.Locate().FirstOrDefault();
        return classifier.Classify(cell.Text, inHead: false, span.Paragraph, span.Start) is { Role: ParagraphRole.Part or ParagraphRole.Category } c ? c : null;
    }
}
