using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Extraction.Rules.Caching;
using Extraction.Rules.Yaml;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Extraction.Rules;

/// <summary>
/// Turns rule files into compiled rule sets. Every pattern is compiled here, so a broken rule
/// fails at load time with its file and id. <see cref="RuleBookLoader"/> is the entry point.
/// </summary>
public static class RuleSetLoader
{
    public const string CommonFolder = "common";

    internal static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(2);

    /// <summary>Made only when a rule file is not in the cache: building it loads and inspects YamlDotNet.</summary>
    private static readonly Lazy<IDeserializer> Yaml = new(() => new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build());

    /// <summary>Builds one rule set from its files, compiling every pattern.</summary>
    internal static RuleSet Build(string name, string directory, string fingerprint, RuleFiles files)
    {
        var structure = files.Structure;
        var separator = structure.Model.DepartmentSeparator
            ?? throw new RuleLoadException($"{structure.Path}: department_separator is missing");

        List<ParagraphRule> paragraphs = [.. ParagraphRules(files.Masthead.Path, files.Masthead.Model.Paragraphs), .. ParagraphRules(structure.Path, structure.Model.Paragraphs)];
        return new RuleSet(
            Name: name,
            Directory: directory,
            Fingerprint: fingerprint,
            Folding: LoadFolding(files.Characters.Path, files.Characters.Model),
            Furniture: [.. Furniture(files.Layout.Path, files.Layout.Model.Furniture), .. Furniture(files.Web.Path, files.Web.Model.Lines)],
            Page: LoadPage(files.Web.Path, files.Web.Model),
            Annotations: Patterns(files.Characters.Path, files.Characters.Model.Annotations, "annotation"),
            Paragraphs: paragraphs,
            FieldCuts: [.. structure.Model.FieldCuts.Select(m => new FieldCut(Pattern(structure.Path, m, "field_cut"), m.EndsAtSentence, m.Anywhere))],
            Enumerations: Patterns(structure.Path, structure.Model.Enumerations, "enumeration"),
            DeclaredCounts: Patterns(files.Masthead.Path, files.Masthead.Model.DeclaredCounts, "declared_counts"),
            ProgrammeYear: Patterns(files.Masthead.Path, files.Masthead.Model.ProgrammeYear, "programme_year"),
            InlineDepartments: Patterns(structure.Path, structure.Model.InlineDepartments, "inline_departments"),
            ProblemItem: structure.Model.ProblemItem is { } item ? Pattern(structure.Path, item, "problem_item") : null,
            ProgressOpeners: structure.Model.ProgressOpeners is { } openers ? Pattern(structure.Path, openers, "progress_opener", hot: true) : null,
            Table: structure.Model.Table is { } table ? LoadTable(structure.Path, table) : null,
            DepartmentSeparator: new SeparatorRule(
                Compile(structure.Path, "department_separator", separator.Pattern),
                separator.NeedsOwner is { } owner ? Compile(structure.Path, "department_separator needs_owner", owner) : null,
                separator.UnitEnding is { } ending ? Compile(structure.Path, "department_separator unit_ending", ending) : null,
                [.. separator.Examples.Select(e => new SplitExample(Required(structure.Path, "department_separator example", e.Text), e.Parts))],
                separator.RoleMark is { } mark ? Compile(structure.Path, "department_separator role_mark", mark) : null),
            Dates: LoadDates(files.Dates.Path, files.Dates.Model),
            Tallies: TallyRulesLoader.Load(files.Tallies.Path, files.Tallies.Model),
            Figures: FigureRulesLoader.Load(files.Figures.Path, files.Figures.Model, files.Units.Path, files.Units.Model),
            Metrics: LoadMetrics(files.Metrics.Path, files.Metrics.Model),
            Departments: LoadDepartments(files.Departments.Path, files.Departments.Model),
            History: LoadHistory(files.History.Path, files.History.Model),
            Columns: ColumnHeadersLoader.Load(files.Columns.Path, files.Columns.Model),
            Report: ReportLabelsLoader.Load(files.Report.Path, files.Report.Model),
            Ocr: LoadOcr(files.Ocr.Path, files.Ocr.Model, paragraphs));
    }

    /// <summary>The OCR repairs; a label repair takes its labels from the paragraph rules of the roles it names.</summary>
    private static OcrRepairs LoadOcr(string path, OcrFile file, IReadOnlyList<ParagraphRule> paragraphs) =>
        new([.. file.Repairs.Select(m =>
        {
            var rule = Pattern(path, m, "ocr_repair");
            if (m.Labels is not { } roles)
            {
                return new OcrRepair(rule, m.Replace ?? throw new RuleLoadException($"{path}: rule {m.Id}: replace is missing (write '' to remove what it matches)"));
            }

            var wanted = roles.Select(r => Enumerated<ParagraphRole>(path, $"rule {m.Id}: labels", r)).ToHashSet();
            var labels = paragraphs.Where(p => wanted.Contains(p.Role))
                .SelectMany(p => OcrLabelRepair.OpeningWords(p.Rule.Pattern.ToString()).Select(w => (w, p.Role.ToString())))
                .DistinctBy(l => l.w).ToList();
            if (labels.Count == 0)
            {
                throw new RuleLoadException($"{path}: rule {m.Id}: the paragraph rules of {string.Join(", ", roles)} open with no label");
            }

            return new OcrRepair(rule, "", new OcrLabelRepair(labels, rule.Pattern, m.MinLength ?? 4, m.Keep.ToHashSet()));
        })]);

    private static IEnumerable<ParagraphRule> ParagraphRules(string path, IEnumerable<PatternRuleModel> models) =>
        models.Select(m =>
        {
            var rule = Pattern(path, m, null);
            return new ParagraphRule(rule, Enumerated<ParagraphRole>(rule.SourceFile, $"rule {rule.Id}: role", m.Role));
        });

    private static IEnumerable<FurnitureRule> Furniture(string path, IEnumerable<PatternRuleModel> models) =>
        models.Select(m =>
        {
            var rule = Pattern(path, m, "furniture");
            var meaning = Enumerated<FurnitureMeaning>(rule.SourceFile, $"rule {rule.Id}: meaning", m.Meaning ?? "drop");
            if (meaning == FurnitureMeaning.PublishedDate && !rule.Pattern.GetGroupNames().Contains("date"))
            {
                throw new RuleLoadException($"{rule.SourceFile}: rule {rule.Id}: a published_date rule needs a group date");
            }

            return new FurnitureRule(rule, meaning, m.MaxOther, m.MinMatches ?? 1);
        });

    private static PageRules LoadPage(string path, WebFile file)
    {
        var containers = file.Containers ?? throw new RuleLoadException($"{path}: containers is missing");
        PatternRule Named(PatternRuleModel? model, string name) =>
            Pattern(path, model ?? throw new RuleLoadException($"{path}: containers.{name} is missing"), "container");
        return new PageRules(
            Named(containers.Content, "content"),
            Named(containers.Furniture, "furniture"),
            Named(containers.Title, "title"),
            containers.Lead is { } lead ? Pattern(path, lead, "container") : null);
    }

    /// <summary>A rule value that must be one of an enum's members, written in snake_case (published_date → PublishedDate).</summary>
    internal static T Enumerated<T>(string path, string what, string? value)
        where T : struct, Enum
    {
        var name = Required(path, what, value).Replace("_", "", StringComparison.Ordinal);
        return Enum.TryParse<T>(name, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(name, out _)
            ? parsed
            : throw new RuleLoadException($"{path}: {what} '{value}' is not one of {string.Join(", ", Enum.GetNames<T>().Select(Snake))}");
    }

    /// <summary>A rule meaning as the rule files write it (on_schedule for OnSchedule).</summary>
    public static string SnakeCase(string pascal) => Snake(pascal);

    internal static string Snake(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    private static DepartmentRules LoadDepartments(string path, DepartmentsFile file)
    {
        var aliases = new Dictionary<string, string>();
        foreach (var a in file.Aliases)
        {
            aliases[Required(path, "alias", a.Alias)] = Required(path, "alias canonical", a.Canonical);
        }

        return new DepartmentRules(
            [.. file.Abbreviations.Select(a => (Required(path, "abbreviation short", a.Short), Required(path, "abbreviation full", a.Full)))],
            aliases,
            [.. file.Examples.Select(e => (Required(path, "example name", e.Name), Required(path, "example canonical", e.Canonical)))]);
    }

    private static HistoryRules LoadHistory(string path, HistoryFile file)
    {
        var identity = file.Identity ?? throw new RuleLoadException($"{path}: identity is missing");
        var completion = file.Completion ?? throw new RuleLoadException($"{path}: completion is missing");
        var schedule = file.Schedule ?? throw new RuleLoadException($"{path}: schedule is missing");
        string[] statuses = ["done", "ahead", "on_schedule", "behind"];
        var examples = schedule.Examples.Select(e => new ScheduleExample(
            DateOnly.ParseExact(Required(path, "schedule example as_of", e.AsOf), "yyyy-MM-dd", CultureInfo.InvariantCulture),
            e.Completion,
            statuses.Contains(e.Status) ? e.Status! : throw new RuleLoadException($"{path}: schedule example status must be one of {string.Join(", ", statuses)}"))).ToList();
        return new HistoryRules(
            identity.MinSimilarity,
            identity.RematchSimilarity,
            completion.MetricSimilarity,
            completion.CeilingWords,
            Patterns(path, completion.Phrases, "completion", hot: true),
            schedule.DoneAt,
            schedule.AheadBy,
            schedule.BehindBy,
            schedule.DoneWords,
            examples,
            file.Audit?.StatedTolerance ?? throw new RuleLoadException($"{path}: audit is missing"),
            LoadMeasures(path, file.Measures ?? throw new RuleLoadException($"{path}: measures is missing")),
            [.. file.Verdicts.Select(v => new VerdictRule(Enumerated<PrintedStatus>(path, $"verdict {v.Id} status", v.Status), v.InText, Pattern(path, v, "verdict")))]);
    }

    private static MeasureRules LoadMeasures(string path, MeasuresModel model)
    {
        if (model.PlausibleAtMost <= 100)
        {
            throw new RuleLoadException($"{path}: measures plausible_at_most must be above 100 (%)");
        }

        return new MeasureRules(
            [.. model.States.Select(m => new StateRule(Enumerated<FigureState>(path, $"state {m.Id} status", m.Status), Pattern(path, m, "state")))],
            Pattern(path, model.CarriesState ?? throw new RuleLoadException($"{path}: measures carries_state is missing"), "state"),
            Patterns(path, model.PerUnit.Before, "per_unit", hot: true),
            Patterns(path, model.PerUnit.After, "per_unit", hot: true),
            model.PlausibleAtMost);
    }

    private static TableRules LoadTable(string path, TableModel model)
    {
        var columns = model.Columns.Select(c =>
        {
            var role = Enumerated<ColumnRole>(path, "table column role", c.Role);
            return new ColumnRule(role, Compile(path, $"table column {Snake(role.ToString())}", c.Pattern));
        }).ToList();
        var examples = model.Examples.Select(e => new TableExample(
            Required(path, "table example header", e.Header),
            [.. e.Columns.Select(c => c.Length == 0 ? ColumnRole.None : Enumerated<ColumnRole>(path, "table example column", c))])).ToList();
        return examples.Count > 0
            ? new TableRules(
                columns,
                Compile(path, "table empty_cell", model.EmptyCell),
                model.HeaderPart is { } part ? Compile(path, "table header_part", part) : null,
                model.StatusCell is { } status ? Compile(path, "table status_cell", status) : null,
                examples,
                path)
            {
                StatusExamples = model.StatusExamples,
                StatusCounterExamples = model.StatusCounterExamples,
            }
            : throw new RuleLoadException($"{path}: table has no examples");
    }

    private static DateRules LoadDates(string path, DatesFile file)
    {
        var context = file.ExampleContext ?? throw new RuleLoadException($"{path}: example_context is missing");
        List<AsOfRule> DateForms(IEnumerable<PatternRuleModel> models, string role) => [.. models.Select(model =>
        {
            var rule = Pattern(path, model, role, hot: true);
            return new AsOfRule(rule, Enumerated<DateResolve>(rule.SourceFile, $"rule {rule.Id}: resolve", model.Resolve));
        })];
        return new DateRules(
            Patterns(path, file.DocumentDates, "document_date"),
            DateForms(file.AsOf, "as_of"),
            DateForms(file.Periods, "period"),
            context.Year,
            DateOnly.ParseExact(Required(path, "example_context.bulletin_date", context.BulletinDate), "yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    private static MetricRules LoadMetrics(string path, MetricsFile file)
    {
        var dictionary = Path.Combine(Path.GetDirectoryName(path)!, Required(path, "dictionary", file.Dictionary));
        if (!File.Exists(dictionary))
        {
            throw new RuleLoadException($"{path}: the dictionary {dictionary} does not exist");
        }

        return new MetricRules(
            dictionary,
            file.PhraseTags,
            file.LeadingStopWords,
            file.TrailingStopWords,
            [.. file.Comparisons.Select(c => new Comparison(c.Words, Required(path, "comparison suffix", c.Suffix)))],
            [.. file.Examples.Select(e => new MetricExample(Required(path, "example text", e.Text), Required(path, "example raw", e.Raw), Required(path, "example metric", e.Metric)))]);
    }

    private static TextFolding LoadFolding(string path, CharactersFile file)
    {
        var pairs = new Dictionary<char, char>();
        foreach (var pair in (file.Traditional ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (pair.Length != 2)
            {
                throw new RuleLoadException($"{path}: '{pair}' is not a pair of one traditional and one simplified character");
            }

            if (!pairs.TryAdd(pair[0], pair[1]) && pairs[pair[0]] != pair[1])
            {
                throw new RuleLoadException($"{path}: {pair[0]} is folded twice");
            }
        }

        var examples = file.Examples.Select(e => new FoldExample(Required(path, "example text", e.Text), Required(path, "example folded", e.Folded))).ToList();
        return new TextFolding(pairs, examples);
    }

    internal static (string Path, T Model) Read<T>(string folder, string name)
        where T : new()
    {
        var path = Path.Combine(folder, name);
        if (!File.Exists(path))
        {
            throw new RuleLoadException($"{path}: rule file is missing");
        }

        var json = (System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>)RuleFileJson.Default.GetTypeInfo(typeof(T))!;
        return (path, DerivedCache.Load(
            CacheLocator.Directory,
            "rules",
            typeof(RuleFileJson),
            [path],
            () => ReadYaml<T>(path),
            (writer, model) => System.Text.Json.JsonSerializer.Serialize(writer.BaseStream, model, json),
            reader => System.Text.Json.JsonSerializer.Deserialize(reader.BaseStream, json) ?? throw new InvalidDataException("empty")));
    }

    private static T ReadYaml<T>(string path)
        where T : new()
    {
        try
        {
            using var reader = new StreamReader(path, Encoding.UTF8);
            return Yaml.Value.Deserialize<T>(reader) ?? new T();
        }
        catch (YamlException e)
        {
            var reason = e.InnerException?.Message ?? e.Message;
            throw new RuleLoadException($"{path}:{e.Start.Line}: {reason}", e);
        }
    }

    internal static IReadOnlyList<PatternRule> Patterns(string path, IEnumerable<PatternRuleModel> models, string? role, bool hot = false) =>
        [.. models.Select(m => Pattern(path, m, role, hot))];

    internal static PatternRule Pattern(string path, PatternRuleModel model, string? defaultRole, bool hot = false)
    {
        path = model.SourceFile ?? path;
        var id = Required(path, "rule id", model.Id);
        var role = model.Role ?? defaultRole ?? throw new RuleLoadException($"{path}: rule {id} has no role");
        var scope = model.Scope switch
        {
            null or "any" => RuleScope.Any,
            "head" => RuleScope.Head,
            "body" => RuleScope.Body,
            var other => throw new RuleLoadException($"{path}: rule {id}: unknown scope '{other}' (any, head, body)"),
        };
        var examples = model.Examples
            .Select(e => new RuleExample(Required(path, $"{id}: example text", e.Text), e.Expect))
            .ToList();
        if (examples.Count == 0 || model.CounterExamples.Count == 0)
        {
            throw new RuleLoadException($"{path}: rule {id} has no {(examples.Count == 0 ? "examples" : "counter_examples")}; every rule shows what it matches and what it must not match");
        }

        var file = model.SourceFile ?? path;
        return new PatternRule(id, role, Tiered(file, id, model.Pattern, hot), scope, examples, model.CounterExamples, file);
    }

    /// <summary>A rule's pattern as <see cref="Compile"/> makes it; one left interpreted in a run of many files is compiled once it has been tried often.</summary>
    internal static TieredPattern Tiered(string path, string id, string? pattern, bool hot = false)
    {
        var regex = Compile(path, id, pattern, hot);
        return Compilation == PatternCompilation.Hot && !regex.Options.HasFlag(RegexOptions.Compiled)
            ? new TieredPattern(regex, () => Made.GetOrAdd((regex.ToString(), regex.Options | RegexOptions.Compiled, hot), Make))
            : new TieredPattern(regex);
    }

    /// <param name="hot">Without a timeout: for patterns run at every number or on a short, bounded window (figures, as-of openings).</param>
    /// <param name="endAnchored">The pattern looks at the text before a position and ends in <c>$</c>: matched right to left, it is tried at the end only.</param>
    /// <summary>
    /// Patterns by text and options: every family repeats the common rules it inherits, and
    /// compiling one to IL takes milliseconds, so each distinct pattern is made once per process.
    /// A Regex is immutable and safe to share between threads.
    /// </summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Text, RegexOptions Options, bool Hot), Regex> Made = new();

    /// <summary>
    /// Set while a rule book is loaded (<see cref="RuleBookLoader.Load(string, PatternCompilation)"/>):
    /// which of its patterns are compiled to IL.
    /// </summary>
    [ThreadStatic]
    internal static PatternCompilation Compilation;

    private static Regex Make((string Text, RegexOptions Options, bool Hot) key) => key.Hot
        ? new Regex(key.Text, key.Options)
        : new Regex(key.Text, key.Options, MatchTimeout);

    internal static Regex Compile(string path, string id, string? pattern, bool hot = false, bool endAnchored = false)
    {
        var text = Required(path, $"{id}: pattern", pattern);
        try
        {
            // A match timeout costs a clock read on every match, most of the time spent on the short
            // windows hot patterns look at; only patterns run on whole paragraphs keep one.
            var options = RegexOptions.CultureInvariant
                | (hot && Compilation == PatternCompilation.Hot ? RegexOptions.Compiled : RegexOptions.None)
                | (hot && endAnchored ? RegexOptions.RightToLeft : RegexOptions.None);
            return Made.GetOrAdd((text, options, hot), Make);
        }
        catch (ArgumentException e)
        {
            throw new RuleLoadException($"{path}: rule {id}: bad pattern: {e.Message}", e);
        }
    }

    internal static string Required(string path, string what, string? value) =>
        string.IsNullOrWhiteSpace(value) ? throw new RuleLoadException($"{path}: {what} is missing") : value;

    /// <summary>Rule files that change how results are shown, not what a bulletin yields: left out of the fingerprint, since a new one makes ingest parse every file again.</summary>
    private static readonly string[] PresentationOnly = [Path.Combine(CommonFolder, "columns.yaml"), Path.Combine(CommonFolder, "report.yaml")];

    internal static string Fingerprint(string folder)
    {
        using var sha = SHA256.Create();
        foreach (var file in System.IO.Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (PresentationOnly.Contains(Path.GetRelativePath(folder, file)))
            {
                continue;
            }

            var name = Encoding.UTF8.GetBytes(Path.GetRelativePath(folder, file) + "\n");
            sha.TransformBlock(name, 0, name.Length, null, 0);
            var content = File.ReadAllBytes(file);
            sha.TransformBlock(content, 0, content.Length, null, 0);
        }

        sha.TransformFinalBlock([], 0, 0);
        return Convert.ToHexStringLower(sha.Hash!)[..16];
    }
}
