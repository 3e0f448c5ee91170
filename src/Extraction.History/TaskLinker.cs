using Extraction.Rules;

namespace Extraction.History;

/// <summary>
/// Follows the tasks of a series from issue to issue. In date order, a task is the task of
/// the same number in the issues before when their texts are alike enough; else the most
/// alike task still unmatched in this issue when its text is alike enough on its own
/// (a renumbered task); else a new task. The similarity is kept as the link's confidence.
/// </summary>
public sealed class TaskLinker(HistoryRules rules)
{
    public IReadOnlyList<TaskLink> Link(IReadOnlyList<IReadOnlyList<TaskText>> issuesInOrder)
    {
        var identities = new List<Identity>();
        var links = new List<TaskLink>();
        foreach (var issue in issuesInOrder)
        {
            var taken = new HashSet<Identity>();
            foreach (var task in issue)
            {
                var byNumber = identities.FirstOrDefault(i => i.Number == task.Number && !taken.Contains(i));
                var numberSimilarity = byNumber is null ? 0 : TextSimilarity.Dice(byNumber.Text, task.Text);
                Identity identity;
                string method;
                double confidence;
                if (byNumber is not null && numberSimilarity >= rules.MinSimilarity)
                {
                    (identity, method, confidence) = (byNumber, "number", numberSimilarity);
                }
                else if (MostAlike(identities.Where(i => !taken.Contains(i)), task.Text) is { } best && best.Similarity >= rules.RematchSimilarity)
                {
                    (identity, method, confidence) = (best.Identity, "text", best.Similarity);
                }
                else
                {
                    identity = new Identity(identities.Count);
                    identities.Add(identity);
                    (method, confidence) = ("first", 1.0);
                }

                identity.Number = task.Number;
                identity.Text = task.Text;
                taken.Add(identity);
                links.Add(new TaskLink(task.TaskId, identity.Index, method, confidence));
            }
        }

        return links;
    }

    private static (Identity Identity, double Similarity)? MostAlike(IEnumerable<Identity> candidates, string text)
    {
        (Identity, double)? best = null;
        foreach (var candidate in candidates)
        {
            var similarity = TextSimilarity.Dice(candidate.Text, text);
            if (best is null || similarity > best.Value.Item2)
            {
                best = (candidate, similarity);
            }
        }

        return best;
    }

    private sealed class Identity(int index)
    {
        public int Index { get; } = index;

        public int Number { get; set; }

        public string Text { get; set; } = "";
    }
}

public sealed record TaskText(long TaskId, int Number, string Text);

/// <summary>A task's place in its series: which identity (numbered from 0 in order of first appearance), how it was matched, how sure.</summary>
public sealed record TaskLink(long TaskId, int Identity, string Method, double Confidence);
