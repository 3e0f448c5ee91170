using Extraction.Rules;

namespace Extraction.Segmentation;

public sealed partial class Segmenter
{
    /// <summary>Acts on a classified paragraph; false when the paragraph should be read as a continuation instead.</summary>
    private bool Apply(State state, Classification c)
    {
        var result = state.Result;
        switch (c.Role)
        {
            case ParagraphRole.Masthead:
                // In the body a masthead line is a signature; inside a task it is part of the
                // text, unless the task's text has come to the end of a sentence.
                if (!state.InHead && state.Open is Field.TaskText or Field.Departments or Field.Progress && !EndsSentence(state.OpenText))
                {
                    return false;
                }

                result.Series ??= c.Located("series");
                result.Issue ??= c.Located("issue");
                result.Title ??= c.Located("title");
                if (state.InHead)
                {
                    // A bare name above the title, no date beside it, may be the web site's, not the issuer's.
                    result.Date ??= c.Located("date");
                    result.Issuer ??= c.Located("issuer");
                    result.IssuerUndated |= result.Issuer is not null && c.Located("date") is null && result.Title is null && result.Series is null;
                }
                else
                {
                    result.Signed ??= c.Located("date");
                    result.Signatory ??= c.Located("issuer");
                }
                state.Close();
                return true;

            case ParagraphRole.Salutation:
                state.Close();
                return true;

            case ParagraphRole.ProblemsHeading:
                state.EnterBody(Section.Problems);
                return true;

            case ParagraphRole.SectionEnd:
                state.EnterBody(Section.Other);
                return true;

            case ParagraphRole.Closing:
                state.EnterBody(Section.Other);
                AddStatement(state, c, closingCue: true, c.Paragraph.Length);
                return true;

            case ParagraphRole.Statement:
                state.Close();
                AddStatement(state, c, closingCue: false, c.Paragraph.Length);
                return true;

            case ParagraphRole.Part:
            case ParagraphRole.Category:
                AddHeading(state, c.Role == ParagraphRole.Part ? 1 : 2, c.Located("ordinal"), c.Group("title") ?? "", c);
                return true;

            case ParagraphRole.Task:
                return state.Section != Section.Problems && OpenTask(state, c);

            case ParagraphRole.TaskText:
                if (state.Task is not { } described || state.Section != Section.Tasks)
                {
                    return false;
                }

                state.Open = Field.TaskDetail;
                var detail = c.Located("text");
                state.DetailPending = detail is null || detail.Value.Length == 0;
                if (detail is { Value.Length: > 0 })
                {
                    AppendDetail(described, detail.Value, detail.Source, first: true);
                }

                return true;

            case ParagraphRole.Departments or ParagraphRole.Partners:
                if (state.Task is not { } owner || state.Section != Section.Tasks)
                {
                    return false;
                }

                var departments = new TextField(c.Rule.Id);
                Append(departments, c.Located("departments"));
                owner.Departments.Add(departments);
                if (c.Role == ParagraphRole.Partners)
                {
                    owner.PartnerLists.Add(departments);
                }

                state.Open = Field.Departments;
                return true;

            case ParagraphRole.Persons:
                // Named people are not units: the line is read and left out.
                if (state.Task is null || state.Section != Section.Tasks)
                {
                    return false;
                }

                state.Open = Field.Persons;
                return true;

            case ParagraphRole.Progress:
                if (state.Task is not { } task || state.Section != Section.Tasks)
                {
                    return false;
                }

                task.Progress ??= new TextField(c.Rule.Id);
                Append(task.Progress, c.Located("text"));
                state.Open = Field.Progress;
                return true;

            case ParagraphRole.Problem:
                if (state.Section != Section.Problems)
                {
                    return false;
                }

                AddProblems(state, c);
                return true;

            case ParagraphRole.ProblemList:
                return ProblemList(state, c);

            default:
                throw new ArgumentOutOfRangeException(nameof(c), c.Role, $"{c.Rule.SourceFile}: rule {c.Rule.Id}");
        }
    }

    /// <summary>A 一、 or （一） heading: it groups the tasks after it, and is a statement unless it turns out to be a category.</summary>
    private void AddHeading(State state, int level, Located? ordinal, string title, Classification c)
    {
        var heading = new SegmentedHeading(level, ordinal?.Value ?? "", title, c.Rule.Id, new SourceSpan(c.Index, c.Offset, c.Paragraph.Length));
        state.Result.Headings.Add(heading);
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
    }

    private bool OpenTask(State state, Classification c)
    {
        state.EnterBody(Section.Tasks);
        var task = new SegmentedTask(c.Located("number") ?? new Located("", c.Rule.Id, new SourceSpan(c.Index, 0, 0)), new TextField(c.Rule.Id))
        {
            Part = state.Part,
            Category = state.Category,
        };
        state.Result.Tasks.Add(task);
        state.Task = task;
        state.Open = Field.TaskText;
        if (c.Located("text") is not { } body)
        {
            return true;
        }

        // The task's text runs until the first label cut into it; the rest are its other fields.
        var pieces = cutter.Cut(body.Value);
        var (start, length) = pieces[0];
        AddTaskText(state, body.Value.Substring(start, length), body.Source with { Start = body.Source.Start + start, Length = length });

        foreach (var (at, size) in pieces.Skip(1))
        {
            Read(state, body.Value.Substring(at, size), c.Index, body.Source.Start + at);
        }

        return true;
    }

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

    /// <summary>A problem, and the problems listed after it in the same paragraph ("一是…；二是…").</summary>
    private void AddProblems(State state, Classification c)
    {
        var text = c.Located("text");
        if (text is null || rules.ProblemItem is not { } item)
        {
            AddProblem(state, c.Located("ordinal"), text, c.Rule.Id);
            return;
        }

        var more = item.Pattern.Matches(rules.Folding.Fold(text.Value)).Where(m => m.Index > 0 && "；;。".Contains(text.Value[m.Index - 1])).ToList();
        var first = more.Count > 0 ? text.Value[..more[0].Index].TrimEnd('；', ';', '，', ',', ' ') : text.Value;
        AddProblem(state, c.Located("ordinal"), text with { Value = first, Source = text.Source with { Length = first.Length } }, c.Rule.Id);
        for (var m = 0; m < more.Count; m++)
        {
            var start = more[m].Index + more[m].Length;
            var stop = m + 1 < more.Count ? more[m + 1].Index : text.Value.Length;
            var body = text.Value[start..stop].TrimEnd('；', ';', '，', ',', ' ');
            var ordinal = more[m].Groups["ordinal"];
            AddProblem(
                state,
                new Located(ordinal.Value, item.Id, text.Source with { Start = text.Source.Start + ordinal.Index, Length = ordinal.Length }),
                new Located(body, c.Rule.Id, text.Source with { Start = text.Source.Start + start, Length = body.Length }),
                c.Rule.Id);
        }
    }

    private static void AddProblem(State state, Located? ordinal, Located? text, string ruleId)
    {
        var problem = new SegmentedProblem(ordinal ?? new Located("", ruleId, default), new TextField(ruleId));
        Append(problem.Text, text);
        state.Result.Problems.Add(problem);
        state.Problem = problem;
        state.Open = Field.Problem;
    }

    private static void Append(TextField field, Located? value)
    {
        if (value is not null)
        {
            field.Append(value.Value, value.Source);
        }
    }
}
