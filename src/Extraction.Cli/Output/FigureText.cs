using System.Globalization;
using Extraction.Model;

namespace Extraction.Cli.Output;

/// <summary>Short human forms of figures and numbers.</summary>
internal static class FigureText
{
    /// <summary>"3.8万人 = 38000 人" plus the qualifier and change when there are any.</summary>
    public static string Describe(Figure f)
    {
        var value = Number(f.Value) + (f.ValueMax is { } max ? "–" + Number(max) : "");
        var unit = f.Unit.Length > 0 ? " " + f.Unit : "";
        var notes = new[] { f.Qualifier?.ToString(), f.Change?.ToString() }.Where(n => n is not null).ToList();
        return $"{f.Raw}={value}{unit}{(notes.Count > 0 ? $" ({string.Join(", ", notes).ToLowerInvariant()})" : "")}";
    }

    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
