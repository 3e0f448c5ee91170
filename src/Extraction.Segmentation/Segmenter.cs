using Extraction.Figures.Dates;
using Extraction.Figures.Numbers;
using Extraction.Readers;
using Extraction.Rules;

namespace Extraction.Segmentation;

/// <summary>
/// Walks the paragraphs of a document once. Each paragraph either opens something (a
/// heading, a task, a label, a problem, a table row: see rules/common/structure.yaml) or
/// continues the field that is open, joined without a space — which also mends words broken
/// by a line or page break. Page furniture is dropped first (a web page's publication record
/// gives its date on the way). Progress that carries no label is recognised by its place:
/// after a task whose departments were given inline, or opening with an as-of date. A
/// paragraph that belongs to no task or problem is a statement; a statement continues on the
/// next paragraph only where it stops mid-sentence.
/// </summary>
public sealed class Segmenter(RuleSet rules)
{
    private readonly ParagraphClassifier classifier = new(rules);
    private readonly DateResolver dates = new(rules.Dates, rules.Folding);

    public SegmentedBulletin Segment(RawDocument document)
    {
        var state = new State(rules.Name);
        for (var index = 0; index < document.Paragraphs.Count; index++)
        {
            var paragraph = document.Paragraphs[index].Text;
            if (paragraph.Trim().Length == 0)
            {
                continue;
            }

            if (classifier.Furniture(paragraph.Trim()) is { } furniture)
            {
                if (furniture.Meaning == FurnitureMeaning.PublishedDate && state.Result.Published is null)
                {
                    state.Result.Published = classifier.Group(furniture.Rule, paragraph, index, "date");
                }

                continue;
            }

            if (document.Paragraphs[index].IsPageMetadata)
            {
                continue;
            }

            if (TableRow(state, paragraph, index))
            {
                continue;
            }

            Read(state, paragraph, index, 0);
        }

        return state.Result;
    }

    private void Read(State state, string paragraph, int index, int offset)
    {
        var classification = classifier.Classify(paragraph, state.InHead, index, offset);
        if (classification is null || !Apply(state, classification))
        {
            Continue(state, paragraph, index, offset);
            return;
        }

        if (classification.Role is not ("problems_heading" or "section_end"))
        {
            return;
        }

        // A heading run together with what follows it ("二、当前工作存在问题一是…", as web pages
        // print it): when the rest opens something of its own, it is read as a paragraph of its own.
        var end = classification.Match.Index + classification.Match.Length;
        var rest = paragraph[end..].TrimStart(' ', '\u3000', '：', ':', '，', ',', '。', '；', ';');
        var split = rest.Length > 0 && classifier.Classify(rest, state.InHead) is not null;
        AddStatement(state, classification, closingCue: classification.Role == "section_end", split ? end : paragraph.Length);
        if (split)
        {
            Read(state, rest, index, offset + paragraph.Length - rest.Length);
        }
    }

    /// <summary>Acts on a classified paragraph; false when the paragraph should be read as a continuation instead.</summary>
    private bool Apply(State state, Classification c)
    {
        var result = state.Result;
        switch (c.Role)
        {
            case "masthead":
                // In the body a masthead line is a signature; inside a task it is part of the
                // text, unless the task's text has come to the end of a sentence.
                if (!state.InHead && state.Open is Field.TaskText or Field.Departments or Field.Progress && !EndsSentence(state.OpenText))
                {
                    return false;
                }

                result.Series ??= c.Located("series");
                result.Issue ??= c.Located("issue");
                result.Issuer ??= c.Located("issuer");
                result.Date ??= c.Located("date");
                result.Title ??= c.Located("title");
                state.Close();
                return true;

            case "salutation":
                state.Close();
                return true;

            case "problems_heading":
                state.EnterBody(Section.Problems);
                return true;

            case "section_end":
                state.EnterBody(Section.Other);
                return true;

            case "closing":
                state.EnterBody(Section.Other);
                AddStatement(state, c, closingCue: true, c.Paragraph.Length);
                return true;

            case "part":
            case "category":
                var heading = new SegmentedHeading(c.Role == "part" ? 1 : 2, c.Group("ordinal") ?? "", c.Group("title") ?? "", c.Rule.Id, new SourceSpan(c.Index, 0, c.Paragraph.Length));
                result.Headings.Add(heading);
                state.EnterBody(Section.Tasks);
                AddStatement(state, c, closingCue: false, c.Paragraph.Length, heading);
                if (heading.Level == 1)
                {
                    state.Part = heading;
                    state.Category = null;
                }
                else
                {
                    state.Category = heading;
                }

                return true;

            case "task":
                return state.Section != Section.Problems && OpenTask(state, c);

            case "departments":
                if (state.Task is not { } owner || state.Section != Section.Tasks)
                {
                    return false;
                }

                var departments = new TextField(c.Rule.Id);
                Append(departments, c.Located("departments"));
                owner.Departments.Add(departments);
                state.Open = Field.Departments;
                return true;

            case "progress":
                if (state.Task is not { } task || state.Section != Section.Tasks)
                {
                    return false;
                }

                task.Progress ??= new TextField(c.Rule.Id);
                Append(task.Progress, c.Located("text"));
                state.Open = Field.Progress;
                return true;

            case "problem":
                if (state.Section != Section.Problems)
                {
                    return false;
                }

                AddProblem(state, c.Located("ordinal"), c.Located("text"), c.Rule.Id);
                return true;

            case "problem_list":
                return ProblemList(state, c);

            default:
                throw new RuleLoadException($"{c.Rule.SourceFile}: rule {c.Rule.Id}: unknown role '{c.Role}'");
        }
    }

    private bool OpenTask(State state, Classification c)
    {
        state.EnterBody(Section.Tasks);
        var text = new TextField(c.Rule.Id);
        var task = new SegmentedTask(c.Located("number") ?? new Located("", c.Rule.Id, new SourceSpan(c.Index, 0, 0)), text)
        {
            Part = state.Part,
            Category = state.Category,
        };
        state.Result.Tasks.Add(task);
        state.Task = task;
        state.Open = Field.TaskText;
        if (c.Located("text") is { } body)
        {
            AddTaskText(state, body.Value, body.Source);
        }

        return true;
    }

    /// <summary>
    /// Task text, watching for departments written inline (（牵头单位：县教育局）) and for a
    /// sentence that opens with an as-of date (。截至6月底…): both end the task text, and
    /// whatever follows them is progress.
    /// </summary>
    private void AddTaskText(State state, string text, SourceSpan source)
    {
        var task = state.Task!;
        var folded = rules.Folding.Fold(text);
        foreach (var rule in rules.InlineDepartments)
        {
            var match = rule.Pattern.Match(folded);
            if (!match.Success)
            {
                continue;
            }

            var title = text[..match.Index].TrimEnd('，', ',', ' ');
            task.Text.Append(title, source with { Length = title.Length });
            foreach (var group in new[] { "departments", "partners" })
            {
                var g = match.Groups[group];
                if (g.Success)
                {
                    var list = new TextField(rule.Id);
                    list.Append(text.Substring(g.Index, g.Length), new SourceSpan(source.Paragraph, source.Start + g.Index, g.Length));
                    task.Departments.Add(list);
                }
            }

            state.Open = Field.AfterInlineDepartments;
            var rest = match.Index + match.Length;
            if (text[rest..].Trim().Length > 0)
            {
                OpenProgress(state, text[rest..], source with { Start = source.Start + rest, Length = text.Length - rest }, rule.Id);
            }

            return;
        }

        var split = ProgressSentence(folded);
        if (split > 0)
        {
            task.Text.Append(text[..split], source with { Length = split });
            OpenProgress(state, text[split..], source with { Start = source.Start + split, Length = text.Length - split }, "progress.dated-sentence");
            return;
        }

        task.Text.Append(text, source);
    }

    /// <summary>The offset of the first sentence after the first that opens with an as-of date, or -1.</summary>
    private int ProgressSentence(string folded)
    {
        for (var i = folded.IndexOf('。'); i >= 0 && i + 1 < folded.Length; i = folded.IndexOf('。', i + 1))
        {
            if (dates.ResolveAsOf(folded[(i + 1)..], 2000, new DateOnly(2000, 12, 31)) is not null)
            {
                return i + 1;
            }
        }

        return -1;
    }

    private static void OpenProgress(State state, string text, SourceSpan source, string ruleId)
    {
        var task = state.Task!;
        task.Progress ??= new TextField(ruleId);
        var lead = text.Length - text.TrimStart().Length;
        task.Progress.Append(text.Trim(), source with { Start = source.Start + lead, Length = text.Trim().Length });
        state.Open = Field.Progress;
    }

    private void Continue(State state, string paragraph, int index, int offset)
    {
        var text = paragraph.Trim();
        var source = new SourceSpan(index, offset + paragraph.Length - paragraph.TrimStart().Length, text.Length);
        switch (state.Open)
        {
            case Field.TaskText when StartsWithAsOf(text):
            case Field.AfterInlineDepartments:
                OpenProgress(state, text, source, state.Open == Field.TaskText ? "progress.dated-paragraph" : "progress.after-departments");
                break;
            case Field.TaskText:
                AddTaskText(state, text, source);
                break;
            case Field.Departments when IsNameFragment(state.Task!.Departments[^1].Raw, text):
                state.Task!.Departments[^1].Append(text, source);
                break;
            case Field.Departments:
                OpenProgress(state, text, source, "progress.after-departments");
                break;
            case Field.Progress:
                state.Task!.Progress!.Append(text, source);
                break;
            case Field.Problem:
                state.Problem!.Text.Append(text, source);
                break;
            case Field.Statement when !EndsParagraph(state.Statement!.Text.Raw) && !IsRow(text) && !IsRow(state.Statement.Text.Raw):
                state.Statement.Text.Append(text, source);
                break;
            default:
                var statement = new SegmentedStatement(new TextField("statement.paragraph"), closingCue: false);
                statement.Text.Append(text, source);
                OpenStatement(state, statement);
                break;
        }
    }

    /// <summary>A paragraph of its own that belongs to no task: the field is open until a paragraph ends it.</summary>
    /// <param name="length">How much of the classified paragraph the statement is (a heading run together with what follows is only the heading).</param>
    private static void AddStatement(State state, Classification c, bool closingCue, int length, SegmentedHeading? heading = null)
    {
        var piece = c.Paragraph[..length];
        var text = piece.Trim();
        var statement = new SegmentedStatement(new TextField(c.Rule.Id), closingCue, heading);
        statement.Text.Append(text, new SourceSpan(c.Index, c.Offset + piece.Length - piece.TrimStart().Length, text.Length));
        state.Result.Statements.Add(statement);

        // A heading is a paragraph of its own: what follows it starts afresh.
        if (heading is null && c.Role is "closing" or "section_end")
        {
            state.Statement = statement;
            state.Open = Field.Statement;
        }
    }

    private static void OpenStatement(State state, SegmentedStatement statement)
    {
        state.Result.Statements.Add(statement);
        state.Statement = statement;
        state.Open = Field.Statement;

        // The head ends with the first paragraph of running text: the masthead and title are above it.
        if (EndsSentence(statement.Text.Raw))
        {
            state.LeaveHead();
        }
    }

    /// <summary>A paragraph that stops at a full stop, a colon or a semicolon is whole; one that stops mid-sentence was broken by the layout.</summary>
    private static bool EndsParagraph(string text) =>
        text.TrimEnd() is { Length: > 0 } t && "。！？；：!?;:…）)】」』”".Contains(t[^1]);

    /// <summary>A table row is a paragraph of its own, whatever its last cell ends with.</summary>
    private static bool IsRow(string text) => text.Contains(RawParagraph.CellSeparator.Trim(), StringComparison.Ordinal);

    private static bool EndsSentence(string text) =>
        text.TrimEnd() is { Length: > 0 } t && "。！？!?".Contains(t[^1]);

    private bool StartsWithAsOf(string text) => dates.ResolveAsOf(text, 2000, new DateOnly(2000, 12, 31)) is not null;

    /// <summary>县人力资源 / 社会保障局: a department name broken over two lines, not a new paragraph.</summary>
    private static bool IsNameFragment(string before, string next) =>
        next.Length <= 12 && next.AsSpan().IndexOfAny("，。；：,;:") < 0 && !before.TrimEnd().EndsWith('。');

    private bool ProblemList(State state, Classification c)
    {
        if (rules.ProblemItem is not { } item || c.Located("items") is not { } items)
        {
            return false;
        }

        var folded = rules.Folding.Fold(items.Value);
        var matches = item.Pattern.Matches(folded);
        for (var m = 0; m < matches.Count; m++)
        {
            var start = matches[m].Index + matches[m].Length;
            var end = m + 1 < matches.Count ? matches[m + 1].Index : items.Value.Length;
            var body = items.Value[start..end].TrimEnd('；', ';', '，', ',', ' ');
            var ordinal = matches[m].Groups["ordinal"];
            AddProblem(
                state,
                new Located(ordinal.Value, item.Id, new SourceSpan(c.Index, items.Source.Start + ordinal.Index, ordinal.Length)),
                new Located(body, c.Rule.Id, new SourceSpan(c.Index, items.Source.Start + start, body.Length)),
                c.Rule.Id);
        }

        state.EnterBody(Section.Other);
        return matches.Count > 0;
    }

    private static void AddProblem(State state, Located? ordinal, Located? text, string ruleId)
    {
        var problem = new SegmentedProblem(ordinal ?? new Located("", ruleId, default), new TextField(ruleId));
        Append(problem.Text, text);
        state.Result.Problems.Add(problem);
        state.Problem = problem;
        state.Open = Field.Problem;
    }

    /// <summary>A row of a table-form report: a header sets the columns, a numbered row is a task.</summary>
    private bool TableRow(State state, string paragraph, int index)
    {
        if (rules.Table is not { } table || TableLayout.Cells(paragraph) is not { Count: > 1 } cells)
        {
            state.Table = null;
            return false;
        }

        if (TableLayout.FromHeader(table, rules.Folding, cells, index) is { } layout)
        {
            state.Table = layout;
            state.EnterBody(Section.Tasks);
            state.Close();
            return true;
        }

        if (state.Table is not { } columns || columns.Cell(cells, "number") is not { } number || Numeral.ToInt(number.Text.TrimEnd('*', '＊')) is null)
        {
            return false;
        }

        var task = new SegmentedTask(
            new Located(number.Text.TrimEnd('*', '＊'), "table.row", new SourceSpan(index, number.Start, number.Text.Length)),
            new TextField("table.row"))
        {
            Part = state.Part,
            Category = state.Category,
            ProgressPeriod = columns.Period,
        };
        Cell(task.Text, columns.Cell(cells, "task"), index, table);
        if (columns.Cell(cells, "target") is { } target && !table.EmptyCell.IsMatch(rules.Folding.Fold(target.Text)))
        {
            // The task's targets are its figures, so a target column belongs to the task's text.
            task.Text.Append("，", new SourceSpan(index, target.Start, 0));
            Cell(task.Text, target, index, table);
        }

        foreach (var role in new[] { "departments", "partners" })
        {
            var list = new TextField($"table.{role}");
            Cell(list, columns.Cell(cells, role), index, table);
            if (!list.IsEmpty)
            {
                task.Departments.Add(list);
            }
        }

        var progress = new TextField("table.progress");
        Cell(progress, columns.Cell(cells, "progress"), index, table);
        task.Progress = progress.IsEmpty ? null : progress;
        state.Result.Tasks.Add(task);
        state.Task = task;
        state.Open = Field.None;
        return true;
    }

    private void Cell(TextField field, (string Text, int Start)? cell, int index, TableRules table)
    {
        if (cell is { } c && !table.EmptyCell.IsMatch(rules.Folding.Fold(c.Text)))
        {
            field.Append(c.Text, new SourceSpan(index, c.Start, c.Text.Length));
        }
    }

    private static void Append(TextField field, Located? value)
    {
        if (value is not null)
        {
            field.Append(value.Value, value.Source);
        }
    }

    private enum Field { None, TaskText, AfterInlineDepartments, Departments, Progress, Problem, Statement }

    private enum Section { Tasks, Problems, Other }

    private sealed class State(string family)
    {
        public SegmentedBulletin Result { get; } = new(family);

        public bool InHead { get; private set; } = true;

        public Section Section { get; private set; } = Section.Tasks;

        public Field Open { get; set; } = Field.None;

        public SegmentedHeading? Part { get; set; }

        public SegmentedHeading? Category { get; set; }

        public SegmentedTask? Task { get; set; }

        public SegmentedProblem? Problem { get; set; }

        public SegmentedStatement? Statement { get; set; }

        public TableLayout? Table { get; set; }

        /// <summary>The text of the open task field, to tell a signature from a line of the task.</summary>
        public string OpenText => Open switch
        {
            Field.TaskText => Task!.Text.Raw,
            Field.Departments => Task!.Departments[^1].Raw,
            Field.Progress => Task!.Progress!.Raw,
            _ => "",
        };

        public void EnterBody(Section section)
        {
            InHead = false;
            Section = section;
            Open = Field.None;
        }

        public void LeaveHead() => InHead = false;

        public void Close() => Open = Field.None;
    }
}
