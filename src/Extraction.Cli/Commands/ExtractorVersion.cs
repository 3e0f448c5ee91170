using System.Security.Cryptography;
using System.Text;
using Extraction.Rules;

namespace Extraction.Cli.Commands;

/// <summary>
/// Identifies the extractor that produced a stored result: the rule files and the program
/// build. When either changes, ingest parses known files again; otherwise it skips them.
/// </summary>
internal static class ExtractorVersion
{
    public static string Of(RuleBook rules)
    {
        Type[] stages =
        [
            typeof(ExtractorVersion), typeof(Model.BulletinDocument), typeof(RuleSet), typeof(Readers.DocumentReaders),
            typeof(Figures.FigureExtractor), typeof(Segmentation.Segmenter), typeof(Pipeline.BulletinParser), typeof(Storage.BulletinStore),
        ];
        var modules = stages
            .Select(t => t.Assembly.ManifestModule.ModuleVersionId.ToString())
            .Order(StringComparer.Ordinal);
        var build = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join(",", modules))))[..8];
        return $"{rules.Fingerprint}-{build}";
    }
}
