using System.Text;
using Extraction.Readers;
using Extraction.Rules;

namespace Extraction.Segmentation;

/// <summary>
/// Walks the paragraphs of a document once. Each paragraph either opens something (a
/// heading, a task, a label, a problem: see rules/common/structure.yaml) or continues the
/// field that is open, joined without a space — which also mends words broken by a line
/// or page break. Page furniture is dropped first.
/// </summary>
public sealed class Segmenter(RuleSet rules)
{
    private readonly ParagraphClassifier classifier = new(rules);

    public SegmentedBulletin Segment(RawDocument document)
    {
        var state = new State();
        foreach (var paragraph in document.Paragraphs)
        {
            var text = paragraph.Text.Trim();
            if (text.Length == 0 || classifier.IsFurniture(text))
            {
                continue;
            }

            var classification = classifier.Classify(text, state.InHead);
            if (classification is null || !Apply(state, classification))
            {
                Continue(state, text);
            }
        }

        return state.Result;
    }

    /// <summary>Acts on a classified paragraph; false when the paragraph should be read as a continuation instead.</summary>
    private static bool Apply(State state, Classification c)
    {
        var result = state.Result;
        switch (c.Role)
        {
            case "masthead":
                // In the body a masthead line is a signature; inside a task it is part of the text.
                if (!state.InHead && state.Open is Field.TaskText or Field.Departments or Field.Progress)
                {
                    return false;
                }

                result.Series ??= c.Group("series");
                result.Issue ??= c.Group("issue");
                result.Issuer ??= c.Group("issuer");
                result.Date ??= c.Group("date");
                result.Title ??= c.Group("title");
                state.Open = Field.None;
                return true;

            case "salutation":
                state.Open = Field.None;
                return true;

            case "problems_heading":
                state.EnterBody();
                state.Section = Section.Problems;
                state.Open = Field.None;
                return true;

            case "section_end":
            case "closing":
                state.EnterBody();
                state.Section = Section.Other;
                state.Open = Field.None;
                return true;

            case "part":
            case "category":
                state.EnterBody();
                var heading = new SegmentedHeading(c.Role == "part" ? 1 : 2, c.Group("ordinal") ?? "", c.Group("title") ?? "", c.Rule.Id);
                result.Headings.Add(heading);
                if (heading.Level == 1)
                {
                    state.Part = heading;
                    state.Category = null;
                }
                else
                {
                    state.Category = heading;
                }

                state.Section = Section.Tasks;
                state.Open = Field.None;
                return true;

            case "task":
                if (state.Section == Section.Problems)
                {
                    return false;
                }

                state.EnterBody();
                state.Section = Section.Tasks;
                var task = new SegmentedTask(c.Group("number") ?? "", c.Rule.Id) { Part = state.Part, Category = state.Category };
                task.Text.Append(c.Group("text"));
                result.Tasks.Add(task);
                state.Task = task;
                state.Open = Field.TaskText;
                return true;

            case "departments":
                if (state.Task is null || state.Section != Section.Tasks)
                {
                    return false;
                }

                state.Task.Departments ??= new StringBuilder();
                state.Task.Departments.Append(c.Group("departments"));
                state.Open = Field.Departments;
                return true;

            case "progress":
                if (state.Task is null || state.Section != Section.Tasks)
                {
                    return false;
                }

                state.Task.Progress ??= new StringBuilder();
                state.Task.Progress.Append(c.Group("text"));
                state.Open = Field.Progress;
                return true;

            case "problem":
                if (state.Section != Section.Problems)
                {
                    return false;
                }

                var problem = new SegmentedProblem(c.Group("ordinal") ?? "");
                problem.Text.Append(c.Group("text"));
                result.Problems.Add(problem);
                state.Problem = problem;
                state.Open = Field.Problem;
                return true;

            default:
                throw new RuleLoadException($"{c.Rule.SourceFile}: rule {c.Rule.Id}: unknown role '{c.Role}'");
        }
    }

    private static void Continue(State state, string text)
    {
        switch (state.Open)
        {
            case Field.TaskText:
                state.Task!.Text.Append(text);
                break;
            case Field.Departments:
                state.Task!.Departments!.Append(text);
                break;
            case Field.Progress:
                state.Task!.Progress!.Append(text);
                break;
            case Field.Problem:
                state.Problem!.Text.Append(text);
                break;
            default:
                if (state.InHead)
                {
                    state.Result.Intro.Add(text);
                }

                break;
        }
    }

    private enum Field { None, TaskText, Departments, Progress, Problem }

    private enum Section { Tasks, Problems, Other }

    private sealed class State
    {
        public SegmentedBulletin Result { get; } = new();

        public bool InHead { get; private set; } = true;

        public Section Section { get; set; } = Section.Tasks;

        public Field Open { get; set; } = Field.None;

        public SegmentedHeading? Part { get; set; }

        public SegmentedHeading? Category { get; set; }

        public SegmentedTask? Task { get; set; }

        public SegmentedProblem? Problem { get; set; }

        public void EnterBody() => InHead = false;
    }
}
