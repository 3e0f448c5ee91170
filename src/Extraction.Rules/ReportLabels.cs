using Extraction.Rules.Yaml;

namespace Extraction.Rules;

/// <summary>
/// The wording of the HTML report (report.yaml): every label in Chinese and in English, so that
/// the report is in either language without a word of it in code.
/// </summary>
public sealed record ReportLabels(IReadOnlyDictionary<string, ReportLabel> Labels, string SourceFile)
{
    /// <summary>The label in Chinese, or in English when <paramref name="english"/>; a key the file lacks is an error naming it.</summary>
    public string Text(string key, bool english) =>
        Labels.TryGetValue(key, out var label)
            ? (english ? label.En : label.Zh)
            : throw new RuleLoadException($"{SourceFile}: no label '{key}'");

    /// <summary>The label when the file has one (a status or kind the database may hold), else null.</summary>
    public string? Find(string key, bool english) => Labels.TryGetValue(key, out var label) ? (english ? label.En : label.Zh) : null;
}

public sealed record ReportLabel(string Key, string Zh, string En);

internal static class ReportLabelsLoader
{
    public static ReportLabels Load(string path, ReportFile file)
    {
        var labels = new Dictionary<string, ReportLabel>(StringComparer.Ordinal);
        foreach (var model in file.Labels)
        {
            var key = RuleSetLoader.Required(path, "key", model.Key);
            var label = new ReportLabel(key, RuleSetLoader.Required(path, $"label {key}: zh", model.Zh), RuleSetLoader.Required(path, $"label {key}: en", model.En));
            if (!labels.TryAdd(key, label))
            {
                throw new RuleLoadException($"{path}: label {key} is given twice");
            }
        }

        return labels.Count > 0 ? new ReportLabels(labels, path) : throw new RuleLoadException($"{path}: labels is empty");
    }
}
