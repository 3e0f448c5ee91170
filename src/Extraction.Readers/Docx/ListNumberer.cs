using System.Text;

namespace Extraction.Readers.Docx;

/// <summary>
/// Produces the automatic number Word displays before a paragraph ("1.", "（一）", "2.3"), which is in
/// numbering.xml and not in the paragraph text. Counters are kept per list definition, so numIds that
/// share an abstractNum continue one another as in Word; a numId that overrides a start value counts on
/// its own (Word's "restart numbering").
/// </summary>
internal sealed class ListNumberer(NumberingDefinitions definitions)
{
    private readonly Dictionary<string, int?[]> counters = new(StringComparer.Ordinal);

    /// <summary>The level a list shows for paragraphs of a style linked to one of its levels (w:lvl/w:pStyle).</summary>
    public int? LevelOfStyle(int numId, string? styleId)
    {
        if (styleId is null || definitions.Instance(numId) is not { } instance || definitions.Definition(instance) is not { } list)
        {
            return null;
        }

        var index = Array.FindIndex(list.Levels, l => l?.ParagraphStyle == styleId);
        return index >= 0 ? index : null;
    }

    /// <summary>Advances the list and returns the label of this paragraph, or null for none and for bullets.</summary>
    public string? Next(int numId, int level)
    {
        if (definitions.Instance(numId) is not { } instance || definitions.Definition(instance) is not { } list)
        {
            return null;
        }

        level = Math.Clamp(level, 0, ListLevel.Count - 1);
        if (LevelOf(instance, list, level) is not { } current)
        {
            return null;
        }

        var key = instance.Restarts ? "num:" + instance.NumId : "abstract:" + list.Id;
        if (!counters.TryGetValue(key, out var values))
        {
            values = new int?[ListLevel.Count];
            counters[key] = values;
        }

        values[level] = values[level] is { } value ? value + 1 : StartOf(instance, list, level);
        for (var deeper = level + 1; deeper < ListLevel.Count; deeper++)
        {
            if (Restarts(LevelOf(instance, list, deeper)?.Restart, deeper, level))
            {
                values[deeper] = null;
            }
        }

        return current.IsBullet ? null : Render(instance, list, current, values);
    }

    /// <summary>
    /// Whether a deeper level starts again when a higher one advances. w:lvlRestart names (1-based) the
    /// lowest level that restarts it; 0 means never; a value that is not a higher level is ignored.
    /// </summary>
    private static bool Restarts(int? restart, int deeper, int advanced) =>
        restart is not { } r || r - 1 >= deeper || (r != 0 && advanced <= r - 1);

    private static ListLevel? LevelOf(ListInstance instance, AbstractList list, int level) =>
        instance.Overrides.GetValueOrDefault(level)?.Level ?? list.Levels[level];

    private static int StartOf(ListInstance instance, AbstractList list, int level) =>
        instance.Overrides.GetValueOrDefault(level)?.StartOverride ?? LevelOf(instance, list, level)?.Start ?? 0;

    /// <summary>Fills %1…%9 of the level text with each level's counter, in its own format (decimal under w:isLgl).</summary>
    private static string Render(ListInstance instance, AbstractList list, ListLevel current, int?[] values)
    {
        var template = current.Text ?? string.Empty;
        var label = new StringBuilder(template.Length + 8);
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] == '%' && i + 1 < template.Length && template[i + 1] is >= '1' and <= '9')
            {
                var level = template[i + 1] - '1';
                var shown = LevelOf(instance, list, level);
                var value = values[level] ?? StartOf(instance, list, level);
                var format = current.IsLegal && shown?.Format != "none" ? "decimal" : shown?.Format ?? "decimal";
                label.Append(NumberFormatter.Format(value, format, shown?.CustomFormat));
                i++;
            }
            else
            {
                label.Append(template[i]);
            }
        }

        return label.ToString();
    }
}
