using System.Globalization;
using Extraction.Model;
using Microsoft.Data.Sqlite;

namespace Extraction.Storage;

/// <summary>
/// Writes the content of one bulletin (categories, tasks, units, progress, figures, problems,
/// warnings, statements, tallies, provenance) with statements prepared once for the whole run.
/// A bulletin's content is replaced as a whole: a re-parse may add, drop or renumber tasks.
/// Ids of units and rules are looked up once per bulletin, never kept across bulletins: a
/// bulletin that fails is rolled back with the rows it added, and an id kept from it would
/// point at nothing, or at whatever took its number next.
/// </summary>
internal sealed partial class BulletinWriter(SqliteConnection connection) : IDisposable
{
    private static readonly string[] ContentTables = ["figures", "tasks", "categories", "problems", "warnings", "statements", "tallies", "provenance_spans"];

    private readonly PreparedCommand[] deletes = [.. ContentTables.Select(t => new PreparedCommand(connection, $"DELETE FROM {t} WHERE bulletin_id = @id", "id"))];

    private readonly PreparedCommand category = new(connection,
        "INSERT INTO categories (bulletin_id, ordinal, title) VALUES (@b, @ordinal, @title) RETURNING id", "b", "ordinal", "title");

    private readonly PreparedCommand task = new(connection,
        """
        INSERT INTO tasks (bulletin_id, position, number, category_id, category_ordinal, text, numbered, verdict)
        VALUES (@b, @position, @number, @category, @ordinal, @text, @numbered, @verdict) RETURNING id
        """,
        "b", "position", "number", "category", "ordinal", "text", "numbered", "verdict");

    private readonly PreparedCommand departmentId = new(connection, "SELECT id FROM departments WHERE name = @name", "name");

    private readonly PreparedCommand department = new(connection, "INSERT INTO departments (name) VALUES (@name) RETURNING id", "name");

    private readonly PreparedCommand taskDepartment = new(connection,
        "INSERT INTO task_departments (task_id, department_id, position, role) VALUES (@task, @department, @position, @role)",
        "task", "department", "position", "role");

    private readonly PreparedCommand progress = new(connection,
        "INSERT INTO progress (task_id, as_of, text) VALUES (@task, @asOf, @text)", "task", "asOf", "text");

    private readonly PreparedCommand figure = new(connection,
        """
        INSERT INTO figures (bulletin_id, task_id, statement_id, field, position, raw, value, value_max, unit, kind, qualifier, change, metric, start)
        VALUES (@b, @task, @statement, @field, @position, @raw, @value, @valueMax, @unit, @kind, @qualifier, @change, @metric, @start)
        """,
        "b", "task", "statement", "field", "position", "raw", "value", "valueMax", "unit", "kind", "qualifier", "change", "metric", "start");

    private readonly PreparedCommand problem = new(connection,
        "INSERT INTO problems (bulletin_id, ordinal, text) VALUES (@b, @ordinal, @text)", "b", "ordinal", "text");

    private readonly PreparedCommand warning = new(connection,
        "INSERT INTO warnings (bulletin_id, message) VALUES (@b, @message)", "b", "message");

    private readonly PreparedCommand statement = new(connection,
        "INSERT INTO statements (bulletin_id, position, section, as_of, text) VALUES (@b, @position, @section, @asOf, @text) RETURNING id",
        "b", "position", "section", "asOf", "text");

    private readonly PreparedCommand tally = new(connection,
        "INSERT INTO tallies (bulletin_id, position, status, count, raw) VALUES (@b, @position, @status, @count, @raw)",
        "b", "position", "status", "count", "raw");

    private readonly PreparedCommand ruleId = new(connection, "SELECT id FROM provenance_rules WHERE rule = @rule", "rule");

    private readonly PreparedCommand rule = new(connection, "INSERT INTO provenance_rules (rule) VALUES (@rule) RETURNING id", "rule");

    private readonly PreparedCommand fieldId = new(connection, "SELECT id FROM provenance_fields WHERE field = @field", "field");

    private readonly PreparedCommand field = new(connection,
        "INSERT INTO provenance_fields (field, text_column, position) VALUES (@field, @column, @position) RETURNING id", "field", "column", "position");

    private readonly PreparedCommand span = new(connection,
        """
        INSERT INTO provenance_spans (bulletin_id, seq, field_id, rule_id, value, part, paragraph, start, length, page, within, source_text, confidence)
        VALUES (@b, @seq, @field, @rule, @value, @part, @paragraph, @start, @length, @page, @within, @text, @confidence)
        """,
        "b", "seq", "field", "rule", "value", "part", "paragraph", "start", "length", "page", "within", "text", "confidence");

    private readonly PreparedCommand source = new(connection,
        "UPDATE bulletins SET rule_family = @family, source_sha256 = @sha256 WHERE id = @b", "family", "sha256", "b");

    /// <summary>Writes the content of bulletin <paramref name="id"/>, replacing what it had when <paramref name="replacing"/> (a new bulletin has nothing to delete).</summary>
    public void Write(long id, BulletinDocument document, string sha256, IReadOnlyList<FieldProvenance> provenance, bool replacing, SqliteTransaction tx)
    {
        foreach (var delete in replacing ? deletes : [])
        {
            delete.Execute(tx, id);
        }

        var categoryIds = new Dictionary<int, long>();
        foreach (var c in document.Categories)
        {
            categoryIds[c.Ordinal] = category.Scalar(tx, id, c.Ordinal, c.Title);
        }

        var units = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var position = 0; position < document.Tasks.Count; position++)
        {
            WriteTask(id, position, document.Tasks[position], categoryIds, units, tx);
        }

        foreach (var p in document.Problems)
        {
            problem.Execute(tx, id, p.Ordinal, p.Text);
        }

        foreach (var message in document.Warnings)
        {
            warning.Execute(tx, id, message);
        }

        var statements = document.Statements ?? [];
        for (var position = 0; position < statements.Count; position++)
        {
            var s = statements[position];
            var statementId = statement.Scalar(tx, id, position, Rules.RuleSetLoader.SnakeCase(s.Section.ToString()), Iso(s.AsOf), s.Text);
            WriteFigures(id, null, statementId, "statement", s.Figures, tx);
        }

        var tallies = document.Tallies ?? [];
        for (var position = 0; position < tallies.Count; position++)
        {
            var t = tallies[position];
            tally.Execute(tx, id, position, Rules.RuleSetLoader.SnakeCase(t.Status.ToString()), t.Count, t.Raw);
        }

        WriteProvenance(id, sha256, provenance, document, tx);
    }

    /// <summary>The whole text of the task or statement at <paramref name="position"/> in <paramref name="column"/> (as <see cref="TextColumn"/> names it), if the bulletin has one there.</summary>
    private static string? ColumnText(BulletinDocument document, string column, int position) => column switch
    {
        "tasks.text" => position < document.Tasks.Count ? document.Tasks[position].Text : null,
        "progress.text" => position < document.Tasks.Count ? document.Tasks[position].Progress?.Text : null,
        _ => position < (document.Statements?.Count ?? 0) ? document.Statements![position].Text : null,
    };

    /// <summary>The column (as provenance_fields.text_column names it) and row position that hold a field's whole text, if one does.</summary>
    private static (string? Column, int? Position) TextColumn(string path)
    {
        var match = TextField().Match(path);
        if (!match.Success)
        {
            return (null, null);
        }

        var position = int.Parse(match.Groups["position"].ValueSpan, CultureInfo.InvariantCulture);
        return (match.Groups["owner"].Value, match.Groups["progress"].Success) switch
        {
            ("tasks", false) => ("tasks.text", position),
            ("tasks", true) => ("progress.text", position),
            _ => ("statements.text", position),
        };
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?<owner>tasks|statements)\[(?<position>\d+)\]\.(?<progress>progress\.)?text$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex TextField();

    public void Dispose()
    {
        foreach (var command in deletes.Concat([category, task, departmentId, department, ruleId, fieldId, field, taskDepartment, progress, figure, problem, warning, statement, tally, rule, span, source]))
        {
            command.Dispose();
        }
    }

    private void WriteTask(long bulletinId, int position, BulletinTask t, Dictionary<int, long> categoryIds, Dictionary<string, long> units, SqliteTransaction tx)
    {
        long? categoryId = t.Category is { } ordinal && categoryIds.TryGetValue(ordinal, out var found) ? found : null;
        var taskId = task.Scalar(tx, bulletinId, position, t.Number, categoryId, t.Category, t.Text, t.Numbered ?? true, t.Verdict);
        for (var i = 0; i < t.Departments.Count; i++)
        {
            var name = t.Departments[i];
            if (!units.TryGetValue(name, out var unitId))
            {
                units[name] = unitId = IdOf(departmentId, department, name, tx);
            }

            taskDepartment.Execute(tx, taskId, unitId, i, t.Partners?.Contains(name) == true ? "partner" : "lead");
        }

        WriteFigures(bulletinId, taskId, null, "target", t.Targets, tx);
        if (t.Progress is { } p)
        {
            progress.Execute(tx, taskId, Iso(p.AsOf), p.Text);
            WriteFigures(bulletinId, taskId, null, "progress", p.Figures, tx);
        }
    }

    /// <summary>The figures of a task's target or progress, or of a statement (one of <paramref name="taskId"/> and <paramref name="statementId"/> is set).</summary>
    private void WriteFigures(long bulletinId, long? taskId, long? statementId, string field, IReadOnlyList<Figure> figures, SqliteTransaction tx)
    {
        for (var position = 0; position < figures.Count; position++)
        {
            var f = figures[position];
            figure.Execute(
                tx, bulletinId, taskId, statementId, field, position, f.Raw, f.Value, f.ValueMax, f.Unit, Rules.RuleSetLoader.SnakeCase(f.Kind.ToString()),
                f.Qualifier is { } q ? Rules.RuleSetLoader.SnakeCase(q.ToString()) : null, f.Change is { } c ? Rules.RuleSetLoader.SnakeCase(c.ToString()) : null, f.Metric, f.Start);
        }
    }

    /// <summary>
    /// One row per part of each field. The value is written once, on part 0, and only where it is
    /// not its source text itself: a field read from many lines would otherwise repeat its whole
    /// text on every line's row, and most values are their text. A source text inside one already
    /// written for the same paragraph is not written again (<see cref="Container"/>), nor one
    /// that is the whole text its field has in its own column (<see cref="TextColumn"/>).
    /// </summary>
    private void WriteProvenance(long bulletinId, string sha256, IReadOnlyList<FieldProvenance> provenance, BulletinDocument document, SqliteTransaction tx)
    {
        source.Execute(tx, provenance.FirstOrDefault(f => f.Field == "rules.family")?.Value, sha256, bulletinId);
        var rules = new Dictionary<string, long>(StringComparer.Ordinal);
        var fields = new Dictionary<string, (long Id, string? ColumnText)>(StringComparer.Ordinal);
        var written = new Dictionary<int, List<(int Seq, SourceRange Range)>>();
        var seq = 0;
        foreach (var f in provenance.Where(f => f.Field != "rules.family"))
        {
            if (!rules.TryGetValue(f.Rule, out var ruleRow))
            {
                rules[f.Rule] = ruleRow = IdOf(ruleId, rule, f.Rule, tx);
            }

            if (!fields.TryGetValue(f.Field, out var known))
            {
                var (column, position) = TextColumn(f.Field);
                fields[f.Field] = known = (
                    fieldId.ScalarOrNull(tx, f.Field) ?? field.Scalar(tx, f.Field, column, position),
                    column is null ? null : ColumnText(document, column, position!.Value));
            }

            var (fieldRow, columnText) = known;

            IReadOnlyList<SourceRange?> parts = f.Sources.Count == 0 ? [null] : [.. f.Sources];
            for (var part = 0; part < parts.Count; part++)
            {
                var range = parts[part];
                var value = part > 0 ? "" : f.Value;
                var within = range is null ? null : Container(written, range);
                span.Execute(
                    tx, bulletinId, seq, fieldRow, ruleRow, range is not null && value == range.Text ? null : value,
                    part, range?.Paragraph, range?.Start, range?.Length, range?.Page, within, within is null && range?.Text != columnText ? range?.Text : null, range?.Confidence);
                if (range is not null && within is null && !range.Text.Any(char.IsSurrogate))
                {
                    written.TryAdd(range.Paragraph, []);
                    written[range.Paragraph].Add((seq, range));
                }

                seq++;
            }
        }
    }

    /// <summary>An earlier span of the same paragraph whose source text holds this range's, exactly where its offsets say.</summary>
    private static int? Container(Dictionary<int, List<(int Seq, SourceRange Range)>> written, SourceRange range)
    {
        if (!written.TryGetValue(range.Paragraph, out var spans))
        {
            return null;
        }

        foreach (var (seq, outer) in spans)
        {
            var offset = range.Start - outer.Start;
            if (offset >= 0 && offset + range.Length <= outer.Length && outer.Page == range.Page
                && outer.Text.Length == outer.Length && string.CompareOrdinal(outer.Text, offset, range.Text, 0, range.Length) == 0 && range.Text.Length == range.Length)
            {
                return seq;
            }
        }

        return null;
    }

    /// <summary>
    /// The id of a named row (a department, a rule, a field path), added if it is new. Looked up
    /// first rather than upserted: an upsert rewrites the row every time, and a department's
    /// update trigger would index its name again.
    /// </summary>
    private static long IdOf(PreparedCommand find, PreparedCommand add, string name, SqliteTransaction tx) =>
        find.ScalarOrNull(tx, name) ?? add.Scalar(tx, name);

    private static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
