using Extraction.Model;
using Extraction.Rules.Yaml;

namespace Extraction.Rules;

/// <summary>
/// Compiles tallies.yaml: every form with every status's words and the count pattern put in
/// its place, so that one match gives the status, the count and the printed span.
/// </summary>
internal static class TallyRulesLoader
{
    private const string StatusSlot = "{status}";
    private const string CountSlot = "{count}";

    public static TallyRules Load(string path, TalliesFile file)
    {
        var count = RuleSetLoader.Required(path, "count", file.Count);
        if (!count.Contains("(?<count>", StringComparison.Ordinal))
        {
            throw new RuleLoadException($"{path}: count needs a group count");
        }

        var statuses = file.Statuses.Select(s => (
            Id: RuleSetLoader.Required(path, "status id", s.Id),
            Status: RuleSetLoader.Enumerated<TallyStatus>(path, $"{s.Id}: status", s.Status),
            Words: RuleSetLoader.Required(path, $"{s.Id}: pattern", s.Pattern))).ToList();
        var forms = new List<TallyForm>();
        foreach (var form in file.Forms)
        {
            var id = RuleSetLoader.Required(path, "form id", form.Id);
            var template = RuleSetLoader.Required(path, $"{id}: pattern", form.Pattern);
            var statusAt = template.IndexOf(StatusSlot, StringComparison.Ordinal);
            var countAt = template.IndexOf(CountSlot, StringComparison.Ordinal);
            countAt = countAt >= 0 ? countAt : template.IndexOf("(?<count>", StringComparison.Ordinal);
            if (statusAt < 0 || countAt < 0)
            {
                throw new RuleLoadException($"{path}: form {id} needs {StatusSlot} and {CountSlot} (or a count group of its own)");
            }

            for (var priority = 0; priority < statuses.Count; priority++)
            {
                var (statusId, status, words) = statuses[priority];
                var pattern = template.Replace(StatusSlot, $"(?<status>{words})", StringComparison.Ordinal).Replace(CountSlot, count, StringComparison.Ordinal);
                forms.Add(new TallyForm($"{id}/{statusId}", status, priority, RuleSetLoader.Compile(path, $"{id}/{statusId}", pattern), statusAt < countAt));
            }
        }

        if (forms.Count == 0 || file.Examples.Count == 0 || file.CounterExamples.Count == 0)
        {
            throw new RuleLoadException($"{path}: tallies need statuses, forms, examples and counter_examples");
        }

        return new TallyRules(
            [.. forms.OrderByDescending(f => f.CountAfterStatus)],
            [.. file.ScopeExclusions.Select(e => new PatternRule(
                RuleSetLoader.Required(path, "scope exclusion id", e.Id), "scope_exclusion",
                RuleSetLoader.Tiered(path, e.Id!, e.Pattern), RuleScope.Any, [], [], path))],
            [.. file.Examples.Select(e => new TallyExample(
                RuleSetLoader.Required(path, "example text", e.Text),
                [.. e.Tallies.Select(t => (RuleSetLoader.Enumerated<TallyStatus>(path, "example status", t.Status), t.Count))]))],
            file.CounterExamples,
            path);
    }
}
