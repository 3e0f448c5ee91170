namespace Extraction.Storage;

/// <summary>What the database holds from where: each file with its outcome and its bulletin.</summary>
public static class ArchiveQueries
{
    public static QueryResult Files(string databasePath, bool failedOnly) => QueryRunner.Run(
        databasePath,
        $"""
        SELECT s.path, s.status, s.format, s.converted_from, s.size_bytes, b.issuer, b.issue, b.date AS bulletin_date,
               (SELECT count(*) FROM tasks t WHERE t.bulletin_id = b.id) AS tasks, s.error, s.ingested_at
        FROM source_documents s LEFT JOIN bulletins b ON b.id = s.bulletin_id
        {(failedOnly ? "WHERE s.status = 'failed'" : "")}
        ORDER BY s.path
        """);
}
