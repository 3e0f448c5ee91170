using Extraction.Rules;

namespace Extraction.History;

/// <summary>
/// What the bulletin itself says of a task: its status cell (是否达到序时进度：否) read by the
/// verdict rules, else a verdict phrase of its progress text (进度滞后, 未报送).
/// </summary>
public sealed class VerdictReader(HistoryRules rules, TextFolding folding)
{
    public PrintedVerdict? Read(string? cell, string? progressText)
    {
        if (cell is not null && Match(folding.Fold(cell), inTextOnly: false) is { } fromCell)
        {
            return fromCell;
        }

        return progressText is null ? null : Match(folding.Fold(progressText), inTextOnly: true);
    }

    private PrintedVerdict? Match(string text, bool inTextOnly)
    {
        foreach (var rule in rules.Verdicts.Where(v => v.InText || !inTextOnly))
        {
            if (rule.Rule.Pattern.Match(text) is { Success: true } match)
            {
                return new PrintedVerdict(rule.Status, inTextOnly ? match.Value : text, rule.Rule.Id);
            }
        }

        return null;
    }

    /// <summary>
    /// Whether a computed status contradicts the printed one: printed done but not computed
    /// done; printed behind or not started but computed ahead or done; printed on schedule or
    /// ahead but computed behind. A status not computed contradicts nothing.
    /// </summary>
    public static bool Contradicts(PrintedStatus printed, string? computed) => computed is not null && printed switch
    {
        PrintedStatus.Done => computed != "done",
        PrintedStatus.Behind or PrintedStatus.NotStarted => computed is "ahead" or "done",
        PrintedStatus.OnSchedule or PrintedStatus.Ahead => computed == "behind",
        _ => false,
    };
}
