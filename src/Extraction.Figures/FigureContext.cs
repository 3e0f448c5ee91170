using Extraction.Model;
using Extraction.Rules;

namespace Extraction.Figures;

/// <summary>
/// What the words before a figure say about it: a prefix qualifier (约, 不少于), a change
/// (同比下降), or the qualifier and change of the list it continues (不低于286元、178元).
/// </summary>
internal sealed class FigureContext
{
    private const string ClauseBreaks = "，。；：！？,;:!?\n";

    private readonly WordMatcher prefixes;
    private readonly WordMatcher changes;
    private readonly WordMatcher fillers;
    private readonly string[] listSeparators;

    public FigureContext(FigureRules rules)
    {
        prefixes = new WordMatcher(rules.PrefixQualifiers);
        changes = new WordMatcher(rules.Changes);
        fillers = new WordMatcher([new WordRule("fillers", rules.Fillers, WordMeaning.None, WordReach.Adjacent, [], [])]);
        listSeparators = [.. rules.ListSeparators];
    }

    public Described Describe(string text, string printed, Reading reading, Described? previous)
    {
        var qualifier = reading.Qualifier;
        Change? change = null;
        var prefixQualified = false;

        var at = SkipFillers(text, reading.Start);
        if (prefixes.EndingAt(text, at) is { } adjacent)
        {
            qualifier ??= adjacent.Rule.Qualifier;
            prefixQualified = true;
            at -= adjacent.Word.Length;
        }
        else
        {
            at = reading.Start;
        }

        if (changes.EndingAt(text, SkipFillers(text, at)) is { } changeWord)
        {
            change = changeWord.Rule.Change;
        }

        if (!prefixQualified)
        {
            var floor = previous?.Reading.End ?? 0;
            var boundary = text.AsSpan(floor, reading.Start - floor).LastIndexOfAny(ClauseBreaks);
            var clauseStart = boundary < 0 ? floor : floor + boundary + 1;
            if (prefixes.LastClauseWordWithin(text, clauseStart, reading.Start) is { } governing)
            {
                qualifier ??= governing.Rule.Qualifier;
                prefixQualified = true;
            }
        }

        if (previous is { } prior && IsListContinuation(text, prior.Reading.End, reading.Start))
        {
            if (!prefixQualified && prior.PrefixQualified && qualifier is null)
            {
                qualifier = prior.Figure.Qualifier;
                prefixQualified = true;
            }

            change ??= prior.Figure.Change;
        }

        var unit = reading.Unit;
        var figure = new Figure(
            Raw: printed[reading.Start..reading.End],
            Value: (double)reading.Value,
            ValueMax: reading.ValueMax is { } max ? (double)max : null,
            Unit: unit?.Unit ?? "",
            Kind: reading.IsRank ? FigureKind.Rank : KindOf(unit),
            Qualifier: qualifier,
            Change: change,
            Metric: null)
        { Start = reading.Start };
        return new Described(reading, figure, prefixQualified);
    }

    public bool IsListContinuation(string text, int previousEnd, int start)
    {
        var between = text.AsSpan(previousEnd, start - previousEnd);
        foreach (var separator in listSeparators)
        {
            if (between.SequenceEqual(separator))
            {
                return true;
            }
        }

        return false;
    }

    public static FigureKind KindOf(UnitRule? unit) => unit?.Kind ?? FigureKind.Other;

    private int SkipFillers(string text, int at)
    {
        while (fillers.EndingAt(text, at) is { } filler)
        {
            at -= filler.Word.Length;
        }

        return at;
    }
}

/// <summary>A reading with its figure and whether a prefix word qualified it (which a list passes on).</summary>
internal readonly record struct Described(Reading Reading, Figure Figure, bool PrefixQualified);
