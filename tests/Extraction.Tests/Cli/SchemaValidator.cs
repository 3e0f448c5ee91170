using System.Text.Json;
using Json.Schema;

namespace Extraction.Tests.Cli;

/// <summary>Validates JSON against the bulletin/1 schema of docs/spec/, date formats included.</summary>
public static class SchemaValidator
{
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(File.ReadAllText(TestPaths.Schema)));

    public static IReadOnlyList<string> Errors(string json)
    {
        var result = Schema.Value.Evaluate(JsonDocument.Parse(json).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        if (result.IsValid)
        {
            return [];
        }

        return [.. (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))];
    }
}
