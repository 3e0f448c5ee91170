namespace Extraction.Segmentation;

public sealed partial class Segmenter
{
    private enum Field { None, TaskText, TaskDetail, AfterInlineDepartments, Departments, Persons, Progress, Problem, Statement }

    private enum Section { Tasks, Problems, Other }

    /// <summary>Where the walk stands: the bulletin so far, the section, the open field and what it belongs to.</summary>
    private sealed class State(string family)
    {
        public SegmentedBulletin Result { get; } = new(family);

        /// <summary>How a paragraph was read, for a person looking at a layout the rules do not know.</summary>
        public void Note(int paragraph, string note) => Result.Notes.Add(new ParagraphNote(paragraph, note));

        public bool InHead { get; private set; } = true;

        public Section Section { get; private set; } = Section.Tasks;

        public Field Open { get; set; } = Field.None;

        public SegmentedHeading? Part { get; set; }

        public SegmentedHeading? Category { get; set; }

        public SegmentedTask? Task { get; set; }

        public SegmentedProblem? Problem { get; set; }

        public SegmentedStatement? Statement { get; set; }

        /// <summary>A label of the task's text stood alone on its line: the next line is its text, set apart by a space.</summary>
        public bool DetailPending { get; set; }

        /// <summary>The paragraph being read is a line of a text file that no blank line separates from the one before.</summary>
        public bool LineOfText { get; set; }

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
