using System.Text.Json.Serialization;

namespace Extraction.Rules.Yaml;

/// <summary>
/// The rule files' shapes as JSON, generated at build time: a rule file read from YAML is kept
/// in the cache in this form, which reads in a fraction of the time YamlDotNet takes to
/// deserialize by reflection (a quarter of a second of every start, for 150 KB of rules).
/// </summary>
[JsonSourceGenerationOptions(WriteIndented = false)]
[JsonSerializable(typeof(LayoutFile))]
[JsonSerializable(typeof(ParagraphsFile))]
[JsonSerializable(typeof(DepartmentsFile))]
[JsonSerializable(typeof(HistoryFile))]
[JsonSerializable(typeof(FamilyFile))]
[JsonSerializable(typeof(DatesFile))]
[JsonSerializable(typeof(UnitsFile))]
[JsonSerializable(typeof(FiguresFile))]
[JsonSerializable(typeof(CharactersFile))]
[JsonSerializable(typeof(MetricsFile))]
[JsonSerializable(typeof(WebFile))]
[JsonSerializable(typeof(TalliesFile))]
[JsonSerializable(typeof(ColumnsFile))]
[JsonSerializable(typeof(ReportFile))]
[JsonSerializable(typeof(OcrFile))]
internal sealed partial class RuleFileJson : JsonSerializerContext;
