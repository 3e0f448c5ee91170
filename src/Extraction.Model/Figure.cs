using System.Text.Json.Serialization;

namespace Extraction.Model;

/// <summary>
/// One quantity found in a text field. <see cref="Raw"/> is the exact span of the field text
/// starting at <see cref="Start"/>; prefix qualifiers and change verbs are outside it.
/// </summary>
public sealed record Figure(
    string Raw,
    double Value,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? ValueMax,
    string Unit,
    FigureKind Kind,
    Qualifier? Qualifier,
    Change? Change,
    string? Metric)
{
    /// <summary>Offset of <see cref="Raw"/> in the field text it was found in.</summary>
    [JsonIgnore]
    public int Start { get; init; }
}

[JsonConverter(typeof(SnakeCaseEnumConverter<FigureKind>))]
public enum FigureKind { Percent, Money, Length, Area, Volume, Duration, Concentration, Ratio, Rank, Count, Other }

[JsonConverter(typeof(SnakeCaseEnumConverter<Qualifier>))]
public enum Qualifier { MoreThan, Approx, AtLeast, AtMost, LessThan }

[JsonConverter(typeof(SnakeCaseEnumConverter<Change>))]
public enum Change { Increase, Decrease }
