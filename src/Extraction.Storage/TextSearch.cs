using System.Globalization;
using System.Text;

namespace Extraction.Storage;

/// <summary>
/// Finds the tasks, progress reports, statements and departments whose text holds every term of
/// a query, as a substring. A term of three characters or more is looked up in the trigram
/// indexes (<c>tasks_fts</c>, <c>progress_fts</c>, <c>statements_fts</c>, <c>departments_fts</c>);
/// a shorter one, which a trigram index cannot hold, is matched with LIKE. Each term may be
/// given in several spellings (simplified and traditional, half- and full-width): any of them
/// counts.
/// </summary>
public static class TextSearch
{
    /// <summary>The shortest term the trigram indexes can find.</summary>
    private const int Trigram = 3;

    /// <summary>
    /// One row per hit: issuer, series, issue, bulletin date, as-of date, task number, field (<c>task</c>,
    /// <c>progress</c>, <c>statement</c>, <c>department</c>), the task's departments, the text.
    /// </summary>
    /// <param name="terms">Every term must occur; each is a list of its spellings.</param>
    public static QueryResult Run(string databasePath, IReadOnlyList<IReadOnlyList<string>> terms)
    {
        if (terms.Count == 0 || terms.Any(t => t.Count == 0))
        {
            throw new ArgumentException("a search needs at least one term, each with a spelling", nameof(terms));
        }

        var parameters = new Dictionary<string, object?>();
        string Where(string table, string column, string alias) =>
            string.Join(" AND ", terms.Select((spellings, i) => Term(table, column, alias, spellings, i, parameters)));

        var sql = $"""
            WITH hits (field, task_id, statement_id) AS (
                SELECT 'task', t.id, NULL FROM tasks t WHERE {Where("tasks", "text", "t")}
                UNION ALL SELECT 'progress', p.task_id, NULL FROM progress p WHERE {Where("progress", "text", "p")}
                UNION ALL SELECT 'statement', NULL, s.id FROM statements s WHERE {Where("statements", "text", "s")}
                UNION ALL SELECT 'department', td.task_id, NULL FROM departments d JOIN task_departments td ON td.department_id = d.id
                    WHERE {Where("departments", "name", "d")}
            )
            SELECT b.issuer, b.series, b.issue, b.date AS bulletin_date, coalesce(p.as_of, st.as_of) AS as_of, t.number, h.field,
                   (SELECT group_concat(name, '、') FROM (
                        SELECT d.name FROM task_departments td JOIN departments d ON d.id = td.department_id
                        WHERE td.task_id = t.id ORDER BY td.position)) AS departments,
                   CASE h.field WHEN 'progress' THEN p.text WHEN 'statement' THEN st.text ELSE t.text END AS text
            FROM hits h
            LEFT JOIN tasks t ON t.id = h.task_id
            LEFT JOIN progress p ON p.task_id = t.id
            LEFT JOIN statements st ON st.id = h.statement_id
            JOIN bulletins b ON b.id = coalesce(t.bulletin_id, st.bulletin_id)
            ORDER BY b.series, b.date, b.issue, coalesce(t.position, 1000000 + st.position),
                     CASE h.field WHEN 'task' THEN 0 WHEN 'department' THEN 1 ELSE 2 END
            """;
        return QueryRunner.Run(databasePath, sql, parameters);
    }

    /// <summary>One term's condition on a row of <paramref name="table"/>: any of its spellings occurs.</summary>
    private static string Term(string table, string column, string alias, IReadOnlyList<string> spellings, int index, Dictionary<string, object?> parameters)
    {
        var indexed = spellings.Where(s => Characters(s) >= Trigram).ToList();
        var scanned = spellings.Where(s => Characters(s) < Trigram).ToList();
        var any = new List<string>();
        if (indexed.Count > 0)
        {
            var name = $"@m{index}";
            parameters[name] = string.Join(" OR ", indexed.Select(Quoted));
            any.Add($"{alias}.id IN (SELECT rowid FROM {table}_fts WHERE {table}_fts MATCH {name})");
        }

        for (var s = 0; s < scanned.Count; s++)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"@l{index}_{s}");
            parameters[name] = "%" + EscapeLike(scanned[s]) + "%";
            any.Add($"{alias}.{column} LIKE {name} ESCAPE '\\'");
        }

        return "(" + string.Join(" OR ", any) + ")";
    }

    /// <summary>A spelling as an FTS5 string: the term is text, never query syntax.</summary>
    private static string Quoted(string spelling) => "\"" + spelling.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string EscapeLike(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '%' or '_' or '\\')
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }

    /// <summary>Characters as SQLite's trigram tokenizer counts them: code points, not UTF-16 units.</summary>
    private static int Characters(string text) => text.EnumerateRunes().Count();
}
