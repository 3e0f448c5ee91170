namespace Extraction.Pipeline.Scoring;

/// <summary>Counts for one kind of field: right, wrong or extra (false positives), missed (false negatives).</summary>
public sealed record FieldScore(string Kind, int TruePositives, int FalsePositives, int FalseNegatives)
{
    public int Support => TruePositives + FalseNegatives;

    public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);

    public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public static FieldScore operator +(FieldScore a, FieldScore b) =>
        new(a.Kind, a.TruePositives + b.TruePositives, a.FalsePositives + b.FalsePositives, a.FalseNegatives + b.FalseNegatives);
}

/// <summary>How one parsed document compares with its golden file.</summary>
public sealed record DocumentScore(string Document, IReadOnlyList<FieldScore> Fields, IReadOnlyList<string> Differences)
{
    public FieldScore this[string kind] => Fields.First(f => f.Kind == kind);
}
