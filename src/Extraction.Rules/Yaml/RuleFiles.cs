namespace Extraction.Rules.Yaml;

/// <summary>
/// The rule files of one folder, as read from YAML. The shared folder must have them all; a
/// family folder has only the files it overrides, and <see cref="Merge"/> lays them over the
/// shared ones: a rule with a known id replaces it, a new rule goes before the rule its
/// <c>before</c> names (else at the end), and <c>remove</c> drops shared rules by id.
/// Figures, units, characters, metrics, column headers, the report's wording and OCR repairs are shared by every family.
/// </summary>
internal sealed record RuleFiles(
    (string Path, LayoutFile Model) Layout,
    (string Path, ParagraphsFile Model) Masthead,
    (string Path, ParagraphsFile Model) Structure,
    (string Path, DatesFile Model) Dates,
    (string Path, FiguresFile Model) Figures,
    (string Path, UnitsFile Model) Units,
    (string Path, CharactersFile Model) Characters,
    (string Path, MetricsFile Model) Metrics,
    (string Path, DepartmentsFile Model) Departments,
    (string Path, HistoryFile Model) History,
    (string Path, WebFile Model) Web,
    (string Path, TalliesFile Model) Tallies,
    (string Path, ColumnsFile Model) Columns,
    (string Path, ReportFile Model) Report,
    (string Path, OcrFile Model) Ocr)
{
    private static readonly string[] SharedOnly = ["figures.yaml", "units.yaml", "characters.yaml", "metrics.yaml", "dictionary.txt", "departments.yaml", "history.yaml", "web.yaml", "tallies.yaml", "columns.yaml", "report.yaml", "ocr.yaml"];

    public static RuleFiles ReadShared(string folder) => new(
        Stamp(RuleSetLoader.Read<LayoutFile>(folder, "layout.yaml")),
        Stamp(RuleSetLoader.Read<ParagraphsFile>(folder, "masthead.yaml")),
        Stamp(RuleSetLoader.Read<ParagraphsFile>(folder, "structure.yaml")),
        Stamp(RuleSetLoader.Read<DatesFile>(folder, "dates.yaml")),
        RuleSetLoader.Read<FiguresFile>(folder, "figures.yaml"),
        RuleSetLoader.Read<UnitsFile>(folder, "units.yaml"),
        RuleSetLoader.Read<CharactersFile>(folder, "characters.yaml"),
        RuleSetLoader.Read<MetricsFile>(folder, "metrics.yaml"),
        RuleSetLoader.Read<DepartmentsFile>(folder, "departments.yaml"),
        Stamp(RuleSetLoader.Read<HistoryFile>(folder, "history.yaml")),
        Stamp(RuleSetLoader.Read<WebFile>(folder, "web.yaml")),
        RuleSetLoader.Read<TalliesFile>(folder, "tallies.yaml"),
        RuleSetLoader.Read<ColumnsFile>(folder, "columns.yaml"),
        RuleSetLoader.Read<ReportFile>(folder, "report.yaml"),
        RuleSetLoader.Read<OcrFile>(folder, "ocr.yaml"));

    /// <summary>This set with a family folder's files laid over it.</summary>
    public RuleFiles Merge(string familyFolder)
    {
        foreach (var shared in SharedOnly)
        {
            if (File.Exists(Path.Combine(familyFolder, shared)))
            {
                throw new RuleLoadException($"{Path.Combine(familyFolder, shared)}: {shared} is shared by every family and cannot be overridden");
            }
        }

        var merged = this;
        if (Optional<LayoutFile>(familyFolder, "layout.yaml") is { } layout)
        {
            CheckRemoved(layout.Model.Remove, Layout.Model.Furniture, layout.Path);
            merged = merged with { Layout = (layout.Path, new LayoutFile { Furniture = Rules(Layout.Model.Furniture, layout.Model.Furniture, layout.Model.Remove, layout.Path) }) };
        }

        if (Optional<ParagraphsFile>(familyFolder, "masthead.yaml") is { } masthead)
        {
            merged = merged with { Masthead = (masthead.Path, Paragraphs(Masthead.Model, masthead.Model, masthead.Path)) };
        }

        if (Optional<ParagraphsFile>(familyFolder, "structure.yaml") is { } structure)
        {
            merged = merged with { Structure = (structure.Path, Paragraphs(Structure.Model, structure.Model, structure.Path)) };
        }

        if (Optional<DatesFile>(familyFolder, "dates.yaml") is { } dates)
        {
            CheckRemoved(dates.Model.Remove, [.. Dates.Model.DocumentDates, .. Dates.Model.AsOf, .. Dates.Model.Periods], dates.Path);
            merged = merged with
            {
                Dates = (dates.Path, new DatesFile
                {
                    ExampleContext = dates.Model.ExampleContext ?? Dates.Model.ExampleContext,
                    DocumentDates = Rules(Dates.Model.DocumentDates, dates.Model.DocumentDates, dates.Model.Remove, dates.Path),
                    AsOf = Rules(Dates.Model.AsOf, dates.Model.AsOf, dates.Model.Remove, dates.Path),
                    Periods = Rules(Dates.Model.Periods, dates.Model.Periods, dates.Model.Remove, dates.Path),
                }),
            };
        }

        return merged;
    }

    private static ParagraphsFile Paragraphs(ParagraphsFile shared, ParagraphsFile family, string path)
    {
        CheckRemoved(family.Remove, [.. shared.Paragraphs, .. shared.DeclaredCounts, .. shared.ProgrammeYear, .. shared.InlineDepartments, .. shared.FieldCuts, .. shared.Enumerations], path);
        return new()
        {
        Paragraphs = Rules(shared.Paragraphs, family.Paragraphs, family.Remove, path),
        DeclaredCounts = Rules(shared.DeclaredCounts, family.DeclaredCounts, family.Remove, path),
        ProgrammeYear = Rules(shared.ProgrammeYear, family.ProgrammeYear, family.Remove, path),
        InlineDepartments = Rules(shared.InlineDepartments, family.InlineDepartments, family.Remove, path),
        FieldCuts = Rules(shared.FieldCuts, family.FieldCuts, family.Remove, path),
        Enumerations = Rules(shared.Enumerations, family.Enumerations, family.Remove, path),
        ProblemItem = family.ProblemItem ?? shared.ProblemItem,
        ProgressOpeners = family.ProgressOpeners ?? shared.ProgressOpeners,
        Table = family.Table ?? shared.Table,
        DepartmentSeparator = family.DepartmentSeparator ?? shared.DepartmentSeparator,
        };
    }

    private static List<PatternRuleModel> Rules(List<PatternRuleModel> shared, List<PatternRuleModel> family, List<string> remove, string path)
    {
        var result = shared.Where(r => !remove.Contains(r.Id ?? "")).ToList();
        foreach (var rule in family)
        {
            var at = result.FindIndex(r => r.Id == rule.Id);
            if (at >= 0)
            {
                result[at] = rule;
            }
            else if (rule.Before is { } before)
            {
                var anchor = result.FindIndex(r => r.Id == before);
                result.Insert(anchor >= 0 ? anchor : throw new RuleLoadException($"{path}: rule {rule.Id}: before '{before}' names no rule"), rule);
            }
            else
            {
                result.Add(rule);
            }
        }

        return result;
    }

    /// <summary>A <c>remove</c> that names no rule of the file is a typo, not a no-op.</summary>
    private static void CheckRemoved(List<string> remove, IEnumerable<PatternRuleModel> known, string path)
    {
        var ids = known.Select(r => r.Id).ToHashSet();
        var unknown = remove.Where(id => !ids.Contains(id)).ToList();
        if (unknown.Count > 0)
        {
            throw new RuleLoadException($"{path}: remove names no rule: {string.Join(", ", unknown)}");
        }
    }

    private static (string Path, T Model)? Optional<T>(string folder, string name)
        where T : new()
    {
        if (!File.Exists(Path.Combine(folder, name)))
        {
            return null;
        }

        var read = RuleSetLoader.Read<T>(folder, name);
        Stamp(read);
        return read;
    }

    /// <summary>Records on each rule the file it came from, so that errors and provenance can name it.</summary>
    private static (string Path, T Model) Stamp<T>((string Path, T Model) read)
    {
        var rules = read.Model switch
        {
            LayoutFile l => l.Furniture,
            ParagraphsFile p => [.. p.Paragraphs, .. p.DeclaredCounts, .. p.ProgrammeYear, .. p.InlineDepartments, .. p.FieldCuts, .. p.Enumerations, .. new[] { p.ProblemItem, p.ProgressOpeners }.OfType<PatternRuleModel>()],
            DatesFile d => [.. d.DocumentDates, .. d.AsOf, .. d.Periods],
            WebFile w => [.. w.Lines, .. new[] { w.Containers?.Content, w.Containers?.Furniture, w.Containers?.Title }.OfType<PatternRuleModel>()],
            FamilyFile f => [.. f.Detect, .. f.Unless],
            HistoryFile h => h.Completion?.Phrases ?? [],
            _ => [],
        };
        foreach (var rule in rules)
        {
            rule.SourceFile = read.Path;
        }

        return read;
    }

    public static (string Path, FamilyFile Model) ReadFamily(string folder) => Stamp(RuleSetLoader.Read<FamilyFile>(folder, "family.yaml"));
}
