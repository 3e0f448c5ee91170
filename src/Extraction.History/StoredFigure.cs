namespace Extraction.History;

/// <summary>A figure as stored: in the task text (target) or the progress text.</summary>
public sealed record StoredFigure(long TaskId, string Field, long Position, string Raw, double Value, string Unit, string Kind, string? Qualifier, string? Change, string? Metric, long Start)
{
    /// <summary>A figure built in code (the database gives every integer as a long).</summary>
    public StoredFigure(string field, string raw, double value, string unit, string kind, string? change = null, string? metric = null, int start = 0)
        : this(0, field, 0, raw, value, unit, kind, null, change, metric, start)
    {
    }
}
