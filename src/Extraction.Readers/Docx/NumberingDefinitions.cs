using System.Xml.Linq;

namespace Extraction.Readers.Docx;

/// <summary>One level (w:lvl) of a list definition.</summary>
/// <param name="Restart">w:lvlRestart: null = restart after any higher level, 0 = never, n = after level n (1-based) or higher.</param>
/// <param name="ParagraphStyle">w:pStyle: the paragraph style that is numbered at this level.</param>
/// <param name="CustomFormat">w:numFmt/@w:format for numFmt "custom" ("001, 002, 003, ...").</param>
internal sealed record ListLevel(int Start, string Format, string? Text, bool IsLegal, int? Restart, string? ParagraphStyle, string? CustomFormat, bool PictureBullet)
{
    public const int Count = 9;

    /// <summary>Word's highest start value; clamping keeps counters far from overflow on hostile input.</summary>
    private const int MaxStart = 32767;

    public bool IsBullet => PictureBullet || Format == "bullet";

    public static ListLevel Parse(XElement lvl)
    {
        var numFmt = lvl.ContentElements().FirstOrDefault(e => e.IsW("numFmt"));
        return new ListLevel(
            ClampStart(lvl.WChild("start").IntVal()) ?? 0,
            numFmt.Val() ?? "decimal",
            lvl.WChild("lvlText").Val(),
            lvl.WChild("isLgl").Toggle() == true,
            lvl.WChild("lvlRestart").IntVal(),
            lvl.WChild("pStyle").Val(),
            numFmt.WAttr("format"),
            lvl.WChild("lvlPicBulletId") is not null);
    }

    public static int? ClampStart(int? start) => start is { } value ? Math.Clamp(value, 0, MaxStart) : null;

    public static int? Index(XElement lvl) => lvl.WAttr("ilvl") is { } text && int.TryParse(text, out var i) && i is >= 0 and < Count ? i : null;
}

/// <summary>A w:abstractNum: the levels of a list, or a link to a numbering style that holds them.</summary>
internal sealed record AbstractList(string Id, ListLevel?[] Levels, string? NumStyleLink);

/// <summary>A w:lvlOverride of a w:num: a new start value and/or a replacement level.</summary>
internal sealed record LevelOverride(int? StartOverride, ListLevel? Level);

/// <summary>A w:num: what paragraphs refer to by numId.</summary>
internal sealed record ListInstance(int NumId, string AbstractId, IReadOnlyDictionary<int, LevelOverride> Overrides)
{
    /// <summary>Word restarts a list for a num that overrides a start value: it counts on its own.</summary>
    public bool Restarts => Overrides.Values.Any(o => o.StartOverride is not null || o.Level is not null);
}

/// <summary>numbering.xml: the list instances and the abstract definitions behind them.</summary>
internal sealed class NumberingDefinitions
{
    private const int MaxLinks = 8;

    private readonly Dictionary<int, ListInstance> instances;
    private readonly Dictionary<string, AbstractList> abstracts;
    private readonly StyleSheet styles;

    private NumberingDefinitions(Dictionary<int, ListInstance> instances, Dictionary<string, AbstractList> abstracts, StyleSheet styles)
    {
        this.instances = instances;
        this.abstracts = abstracts;
        this.styles = styles;
    }

    public static NumberingDefinitions Empty(StyleSheet styles) => new([], [], styles);

    public static NumberingDefinitions Parse(XElement root, StyleSheet styles)
    {
        var instances = new Dictionary<int, ListInstance>();
        var abstracts = new Dictionary<string, AbstractList>(StringComparer.Ordinal);
        foreach (var element in root.ContentElements())
        {
            if (element.IsW("abstractNum") && element.WAttr("abstractNumId") is { } abstractId)
            {
                var levels = new ListLevel?[ListLevel.Count];
                foreach (var lvl in element.ContentElements().Where(e => e.IsW("lvl")))
                {
                    if (ListLevel.Index(lvl) is { } i)
                    {
                        levels[i] ??= ListLevel.Parse(lvl);
                    }
                }

                abstracts.TryAdd(abstractId, new AbstractList(abstractId, levels, element.WChild("numStyleLink").Val()));
            }
            else if (element.IsW("num") && int.TryParse(element.WAttr("numId"), out var numId) && element.WChild("abstractNumId").Val() is { } target)
            {
                var overrides = new Dictionary<int, LevelOverride>();
                foreach (var o in element.Elements().Where(e => e.IsW("lvlOverride")))
                {
                    if (ListLevel.Index(o) is { } i)
                    {
                        var lvl = o.WChild("lvl");
                        overrides[i] = new LevelOverride(ListLevel.ClampStart(o.WChild("startOverride").IntVal()), lvl is null ? null : ListLevel.Parse(lvl));
                    }
                }

                instances.TryAdd(numId, new ListInstance(numId, target, overrides));
            }
        }

        return new NumberingDefinitions(instances, abstracts, styles);
    }

    public ListInstance? Instance(int numId) => instances.GetValueOrDefault(numId);

    /// <summary>
    /// The definition that holds the levels of a list. An abstractNum with w:numStyleLink names a numbering
    /// style whose numId leads to the abstractNum that really defines the levels.
    /// </summary>
    public AbstractList? Definition(ListInstance instance)
    {
        var list = abstracts.GetValueOrDefault(instance.AbstractId);
        for (var i = 0; list?.NumStyleLink is { } link && i < MaxLinks; i++)
        {
            if (styles.Numbering(link).NumId is not { } linkedNum || Instance(linkedNum) is not { } linked)
            {
                break;
            }

            list = abstracts.GetValueOrDefault(linked.AbstractId) ?? list;
        }

        return list;
    }
}
