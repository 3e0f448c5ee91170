using System.Text.RegularExpressions;
using Extraction.Model;

namespace Extraction.Rules;

/// <summary>
/// How a bulletin states programme-wide counts by status (已完成21件, 推进缓慢的有3项): one
/// compiled pattern per form and status, those that read the count after the status word
/// first; and the scopes (a district, a category) whose counts are not the programme's.
/// </summary>
public sealed record TallyRules(
    IReadOnlyList<TallyForm> Forms,
    IReadOnlyList<PatternRule> ScopeExclusions,
    IReadOnlyList<TallyExample> Examples,
    IReadOnlyList<string> CounterExamples,
    string SourceFile);

/// <summary>
/// One form of one status: groups <c>status</c> (the status words) and <c>count</c>.
/// <see cref="Priority"/> is the status's place in the file: where the words of two statuses
/// overlap, the earlier one wins.
/// </summary>
public sealed record TallyForm(string Id, TallyStatus Status, int Priority, Regex Pattern, bool CountAfterStatus);

public sealed record TallyExample(string Text, IReadOnlyList<(TallyStatus Status, int Count)> Tallies);
