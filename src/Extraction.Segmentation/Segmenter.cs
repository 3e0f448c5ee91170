using Extraction.Figures;
using Extraction.Figures.Dates;
using Extraction.Model;
using Extraction.Rules;
using Extraction.Segmentation.Layout;

namespace Extraction.Segmentation;

/// <summary>
/// Walks the paragraphs of a document once. Each paragraph either opens something (a
/// heading, a task, a label, a problem: see rules/common/structure.yaml) or continues the
/// field that is open, joined without a space — which also mends words broken by a line or
/// page break. Page furniture is dropped first (a web page's publication record gives its date
/// on the way); tables are read row by row (<see cref="TableFinder"/>); a paragraph whose line
/// breaks were lost is cut back into its lines (<see cref="SequenceSplitter"/>), and a task's
/// run-together fields into theirs (<see cref="FieldCutter"/>). Progress that carries no label
/// is recognised by its place: after the task's departments, or opening with an as-of date. A
/// paragraph that belongs to no task or problem is a statement; a statement continues on the
/// next paragraph only where it stops mid-sentence.
/// </summary>
public sealed partial class Segmenter(RuleSet rules)
{
    private readonly ParagraphClassifier classifier = new(rules);
    private readonly DateResolver dates = new(rules.Dates, rules.Folding);
    private readonly FigureExtractor figures = new(rules.Figures, rules.Folding);
    private readonly TableFinder tables = new(rules);
    private readonly SequenceSplitter sequences = Sequences(rules);
    private readonly FieldCutter cutter = new(rules);
    private readonly ColumnRoles columns = new(rules);

    public SegmentedBulletin Segment(RawDocument document)
    {
        var state = new State(rules.Name);
        var found = tables.Find(document).ToDictionary(t => t.FirstParagraph);
        for (var index = 0; index < document.Paragraphs.Count; index++)
        {
            var paragraph = document.Paragraphs[index].Text;

            // A line with no letter or digit (a rule, a row of empty cells "| |") holds no text.
            if (!paragraph.Any(char.IsLetterOrDigit))
            {
                state.Note(index, "no letter or digit: passed over");
                continue;
            }

            if (classifier.Furniture(paragraph.Trim()) is { } furniture)
            {
                state.Note(index, $"page furniture ({furniture.Rule.Id}, {Snake(furniture.Meaning)})");
                if (furniture.Meaning == FurnitureMeaning.PublishedDate && state.Result.Published is null)
                {
                    state.Result.Published = classifier.Group(furniture.Rule, paragraph, index, "date");
                }

                continue;
            }

            if (document.Paragraphs[index].IsPageMetadata)
            {
                state.Note(index, "page metadata: read for its dates only");
                continue;
            }

            if (found.TryGetValue(index, out var table))
            {
                NoteTable(state, table);
                ReadTable(state, table);
                index = table.LastParagraph;
                continue;
            }

            // A line of a text file may continue a paragraph broken by the layout; a blank line before it says it does not.
            state.LineOfText = document.Format == Model.SourceFormat.Txt && !document.Paragraphs[index].BlankBefore;
            var pieces = sequences.Split(paragraph);
            if (pieces.Count > 1)
            {
                state.Note(index, $"lost line breaks: cut into {pieces.Count} pieces where a sequence number or a paragraph of its own starts");
            }

            foreach (var (start, length) in pieces)
            {
                Read(state, paragraph.Substring(start, length), index, start);
                state.LineOfText = false;
            }
        }

        NamedReports(state.Result.Tasks);
        ImpliedTasks(state.Result);
        return state.Result;
    }

    /// <summary>
    /// Tasks the layout marks without numbering them: in a bulletin without numbered tasks, a run
    /// of paragraphs that each state a target in their first sentence and open the next with an
    /// as-of date ("新建撤并村通公路2606个。上半年已完成…") lists tasks with their progress. Each
    /// becomes a task numbered by its position.
    /// </summary>
    private void ImpliedTasks(SegmentedBulletin result)
    {
        const int MinRun = 3;
        if (result.Tasks.Count > 0)
        {
            return;
        }

        var statements = result.Statements;
        for (var start = 0; start < statements.Count; start++)
        {
            var end = start;
            while (end < statements.Count && TargetThenProgress(statements[end]) > 0)
            {
                end++;
            }

            if (end - start < MinRun)
            {
                continue;
            }

            for (var i = start; i < end; i++)
            {
                var (text, progress) = statements[i].Text.SplitAt(TargetThenProgress(statements[i]), "progress.implied");
                var number = (result.Tasks.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                result.Tasks.Add(new SegmentedTask(new Located(number, "task.implied", statements[i].Text.Locate().FirstOrDefault() with { Length = 0 }), text)
                {
                    Progress = progress,
                    Numbered = false,
                });
            }

            statements.RemoveRange(start, end - start);
            return;
        }
    }

    /// <summary>Where the progress of a paragraph "target。as-of progress…" begins, or -1.</summary>
    private int TargetThenProgress(SegmentedStatement statement)
    {
        if (statement.Heading is not null || statement.ClosingCue || StartsWithAsOf(statement.Text.Text))
        {
            return -1;
        }

        var text = statement.Text.Text;
        var end = text.IndexOf('。');
        return end > 0 && end + 1 < text.Length && StartsWithAsOf(text[(end + 1)..]) ? end + 1 : -1;
    }

    /// <summary>
    /// Items of a report on work done ("1、创业就业工程：全年发放…"): when no task reports progress
    /// of its own and most open with a short name and a colon, the name is the task and what
    /// follows the colon is its progress, not its target.
    /// </summary>
    private static void NamedReports(List<SegmentedTask> tasks)
    {
        const int MaxName = 16;
        int NameEnd(SegmentedTask t)
        {
            var text = t.Text.Text;
            var colon = text.IndexOfAny(['：', ':']);
            return colon is > 0 and <= MaxName && text.AsSpan(0, colon).IndexOfAny("0123456789０１２３４５６７８９。，；,;") < 0 && colon + 1 < text.Length ? colon : -1;
        }

        if (tasks.Count < 2 || tasks.Any(t => t.Progress is not null || t.Departments.Count > 0) || tasks.Count(t => NameEnd(t) > 0) * 2 <= tasks.Count)
        {
            return;
        }

        foreach (var task in tasks.Where(t => NameEnd(t) > 0).ToList())
        {
            var (name, rest) = task.Text.SplitAt(NameEnd(task), "progress.named-report");
            task.Text = name;
            task.Progress = rest.SplitAt(1, "progress.named-report").Tail;
        }
    }

    private void Read(State state, string paragraph, int index, int offset)
    {
        var classification = classifier.Classify(paragraph, state.InHead, index, offset) ?? GluedNumberTask(state, paragraph, index, offset);
        if (classification?.Role == ParagraphRole.Task && sequences.IsNameList(paragraph))
        {
            classification = null;
        }
        if (classification is null && state.InHead && TitleRunIn(state, paragraph) is > 0 and var cut)
        {
            Read(state, paragraph[..cut].TrimEnd(), index, offset);
            Read(state, paragraph[cut..].TrimStart(), index, offset + cut + (paragraph.Length - cut - paragraph[cut..].TrimStart().Length));
            return;
        }

        if (InTask(state, classification) && cutter.Cut(paragraph) is { Count: > 1 } pieces)
        {
            state.Note(index, $"labels run together: cut into {pieces.Count} fields");
            foreach (var (start, length) in pieces)
            {
                Read(state, paragraph.Substring(start, length), index, offset + start);
            }

            return;
        }

        if (classification is null || !Apply(state, classification))
        {
            var open = state.Open;
            Continue(state, paragraph, index, offset, state.LineOfText);
            state.Note(index, (classification is null ? "no rule matched" : $"{classification.Rule.Id} ({Snake(classification.Role)}) does not apply here")
                + (state.Open == open && open != Field.None ? $": continues the {Describe(open)}" : $": read as {Describe(state.Open)}"));
            return;
        }

        state.Note(index, $"{classification.Rule.Id} ({Snake(classification.Role)})");

        if (classification.Role is not (ParagraphRole.ProblemsHeading or ParagraphRole.SectionEnd))
        {
            return;
        }

        // A heading run together with what follows it ("二、当前工作存在问题一是…", as web pages
        // print it): when the rest opens something of its own, it is read as a paragraph of its own.
        var end = classification.Match.Index + classification.Match.Length;
        var rest = paragraph[end..].TrimStart(' ', '\u3000', '：', ':', '，', ',', '。', '；', ';');
        var split = rest.Length > 0 && classifier.Classify(rest, state.InHead) is not null;
        AddStatement(state, classification, closingCue: classification.Role == ParagraphRole.SectionEnd, split ? end : paragraph.Length);
        if (split)
        {
            Read(state, rest, index, offset + paragraph.Length - rest.Length);
        }
    }

    private static string Snake<T>(T meaning) where T : struct, Enum => Rules.RuleSetLoader.SnakeCase(meaning.ToString());

    private static string Describe(Field field) => field switch
    {
        Field.TaskText or Field.TaskDetail => "task's text",
        Field.AfterInlineDepartments or Field.Progress => "task's progress",
        Field.Departments => "task's departments",
        Field.Persons => "task's persons",
        Field.Problem => "problem",
        Field.Statement => "statement",
        _ => "nothing",
    };

    private static void NoteTable(State state, DetectedTable table)
    {
        var columns = string.Join(", ", table.Columns.Select(c => $"{Snake(c.Role)} ← {c.Header.Value}"));
        state.Note(table.FirstParagraph, $"table ({table.Form}) of {table.Rows.Count} rows to ¶{table.LastParagraph + 1}; columns: {columns}");
        for (var p = table.FirstParagraph + 1; p <= table.LastParagraph; p++)
        {
            state.Note(p, $"in the table of ¶{table.FirstParagraph + 1}");
        }
    }

    /// <summary>
    /// The splitter of paragraphs that lost their line breaks: a full stop before the closing, a
    /// heading or a signature cuts them too (a task's labels are cut by the field cutter).
    /// </summary>
    private static SequenceSplitter Sequences(RuleSet rules)
    {
        var classifier = new ParagraphClassifier(rules);
        return new SequenceSplitter(
            rules,
            text => classifier.Classify(text, inHead: false)?.Role is { } role
                && role is not (ParagraphRole.Task or ParagraphRole.Departments or ParagraphRole.Partners or ParagraphRole.Progress or ParagraphRole.Persons or ParagraphRole.TaskText),
            text => classifier.Classify(text, inHead: false)?.Role == ParagraphRole.Masthead);
    }

    /// <summary>
    /// A title run into the paragraph after it, white space between them (a text whose line
    /// breaks were lost): where the title ends, or -1.
    /// </summary>
    private int TitleRunIn(State state, string paragraph)
    {
        if (paragraph.Length < MinRunInParagraph || !paragraph.Contains('。'))
        {
            return -1;
        }

        var gap = paragraph.IndexOfAny([' ', '\u3000']);
        for (var tries = 0; gap > 0 && tries < MaxTitleGaps; tries++, gap = paragraph.IndexOfAny([' ', '\u3000'], gap + 1))
        {
            if (classifier.Classify(paragraph[..gap].Trim(), state.InHead) is { Role: ParagraphRole.Masthead } head && head.Located("title") is not null)
            {
                return gap;
            }
        }

        return -1;
    }

    private const int MaxTitleGaps = 4;

    /// <summary>A paragraph shorter than this is a line of its own, not a title and a paragraph run together.</summary>
    private const int MinRunInParagraph = 40;

    /// <summary>
    /// A paragraph that continues a task or labels one of its fields: its run-together fields are
    /// cut apart (a task's own line is cut after its number is read: <see cref="OpenTask"/>).
    /// </summary>
    private static bool InTask(State state, Classification? c) => c?.Role switch
    {
        ParagraphRole.Departments or ParagraphRole.Partners or ParagraphRole.Persons or ParagraphRole.Progress => true,
        null => state.Open is Field.TaskText or Field.AfterInlineDepartments or Field.Departments or Field.Persons or Field.Progress,
        _ => false,
    };

    /// <summary>
    /// A task whose number lost its punctuation ("7新建农贸市场2个"): the next number of the
    /// sequence, glued to a word that is no unit (so "3个社区" stays a figure).
    /// </summary>
    private Classification? GluedNumberTask(State state, string paragraph, int index, int offset)
    {
        var expected = state.Result.Tasks.Count == 0 ? 1 : Figures.Numbers.Numeral.ToInt(state.Result.Tasks[^1].Number.Value) + 1;
        if (expected is not { } n || rules.Paragraphs.FirstOrDefault(r => r.Role == ParagraphRole.Task) is not { } taskRule)
        {
            return null;
        }

        var digits = n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!paragraph.StartsWith(digits, StringComparison.Ordinal) || paragraph.Length <= digits.Length + 4
            || !Han.IsIdeograph(paragraph[digits.Length]) || figures.Extract(paragraph[..Math.Min(paragraph.Length, digits.Length + 6)]).FirstOrDefault() is { Start: 0, Unit.Length: > 0 })
        {
            return null;
        }

        var match = GluedNumber().Match(paragraph);
        return match.Success ? new Classification(taskRule with { Rule = taskRule.Rule with { Id = "task.glued-number" } }, match, paragraph, index, offset) : null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?<number>[0-9]{1,3})(?<text>\S.*)$")]
    private static partial System.Text.RegularExpressions.Regex GluedNumber();
}
