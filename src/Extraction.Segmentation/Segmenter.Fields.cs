using Extraction.Model;

namespace Extraction.Segmentation;

public sealed partial class Segmenter
{
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

            // Units bracketed after the whole paragraph ("改造农村危房260户。已竣工248户。（县住建局牵头）"):
            // the target's sentence is the task, the sentences after it its progress.
            var title = text[..match.Index].TrimEnd('，', ',', ' ');
            var reported = ProgressSentence(folded[..title.Length]);
            if (reported > 0)
            {
                title = text[..reported];
            }

            task.Text.Append(title, source with { Length = title.Length });

            // The full stop after the bracket ends the target's sentence: 新增就业3000人（区人社局牵头）。→ 新增就业3000人。
            var end = match.Index + match.Length - 1;
            if (reported <= 0 && folded[end] == '。' && title.Length > 0 && title[^1] is not ('。' or '；' or ';'))
            {
                task.Text.Append("。", source with { Start = source.Start + end, Length = 1 });
            }

            foreach (var group in new[] { "departments", "partners" })
            {
                var g = match.Groups[group];
                if (g.Success)
                {
                    var list = new TextField(rule.Id);
                    list.Append(text.Substring(g.Index, g.Length), new SourceSpan(source.Paragraph, source.Start + g.Index, g.Length));
                    task.Departments.Add(list);
                    if (group == "partners")
                    {
                        task.PartnerLists.Add(list);
                    }
                }
            }

            state.Open = Field.AfterInlineDepartments;
            if (reported > 0)
            {
                var done = text[..match.Index].TrimEnd();
                OpenProgress(state, done[reported..], source with { Start = source.Start + reported, Length = done.Length - reported }, "progress.reported-sentence");
            }

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

    /// <summary>The offset of the first sentence after the first that opens with an as-of date or reports what was done, or -1.</summary>
    private int ProgressSentence(string folded)
    {
        for (var i = folded.IndexOf('。'); i >= 0 && i + 1 < folded.Length; i = folded.IndexOf('。', i + 1))
        {
            var next = folded[(i + 1)..].TrimStart();
            if (dates.ResolveAsOf(next, 2000, new DateOnly(2000, 12, 31)) is not null || rules.ProgressOpeners?.Pattern.IsMatch(next) == true)
            {
                return folded.Length - next.Length;
            }
        }

        return -1;
    }

    /// <summary>The task's text under a label of its own (项目内容：…): set apart from the name above it by a space.</summary>
    private static void AppendDetail(SegmentedTask task, string text, SourceSpan source, bool first)
    {
        if (first && !task.Text.IsEmpty)
        {
            task.Text.Append(" ", source with { Length = 0 });
        }

        task.Text.Append(text, source);
    }

    private static void OpenProgress(State state, string text, SourceSpan source, string ruleId)
    {
        var task = state.Task!;
        task.Progress ??= new TextField(ruleId);
        var lead = text.Length - text.TrimStart().Length;
        task.Progress.Append(text.Trim(), source with { Start = source.Start + lead, Length = text.Trim().Length });
        state.Open = Field.Progress;
    }

    private void Continue(State state, string paragraph, int index, int offset, bool lineOfText = false)
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
            case Field.TaskDetail:
                AppendDetail(state.Task!, text, source, state.DetailPending);
                state.DetailPending = false;
                break;
            case Field.Departments when state.Task!.Departments[^1].IsEmpty || IsNameFragment(state.Task.Departments[^1].Raw, text):
                state.Task!.Departments[^1].Append(text, source);
                break;
            case Field.Departments:
            case Field.Persons:
                OpenProgress(state, text, source, "progress.after-departments");
                break;
            case Field.Progress:
                state.Task!.Progress!.Append(text, source);
                break;
            case Field.Problem:
                state.Problem!.Text.Append(text, source);
                break;
            // The first line of a document without a title is its own: a headline ends no sentence.
            case Field.Statement when lineOfText && IsBrokenOff(state.Statement!.Text.Raw) && !IsRow(text)
                && !(state.Result.Title is null && state.Result.Statements.Count == 1):
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
        if (heading is null && c.Role is Rules.ParagraphRole.Closing or Rules.ParagraphRole.Statement)
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

    private bool StartsWithAsOf(string text) => dates.ResolveAsOf(text, 2000, new DateOnly(2000, 12, 31)) is not null;

    /// <summary>县人力资源 / 社会保障局: a department name broken over two lines, not a new paragraph.</summary>
    private static bool IsNameFragment(string before, string next) =>
        next.Length <= 12 && next.AsSpan().IndexOfAny("，。；：,;:") < 0 && !before.TrimEnd().EndsWith('。');

    /// <summary>
    /// A paragraph broken off by the layout (a line or page break): it stops mid-sentence, and it
    /// is a line of running text, not a short heading or title, nor a table row. Only lines of a
    /// text file break so; the paragraphs of pages, Word and PDF files are whole.
    /// </summary>
    private static bool IsBrokenOff(string text) =>
        text.TrimEnd() is { Length: >= MinBrokenLine } t && !"。！？；：!?;:…）)】」』”".Contains(t[^1]) && !IsRow(t);

    /// <summary>A line shorter than this that ends no sentence is a heading or a title of its own.</summary>
    private const int MinBrokenLine = 16;

    /// <summary>A table row is a paragraph of its own, whatever its last cell ends with.</summary>
    private static bool IsRow(string text) => text.Contains(RawParagraph.CellSeparator.Trim(), StringComparison.Ordinal);

    private static bool EndsSentence(string text) =>
        text.TrimEnd() is { Length: > 0 } t && "。！？!?".Contains(t[^1]);
}
