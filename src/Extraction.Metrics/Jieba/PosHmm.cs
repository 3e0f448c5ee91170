namespace Extraction.Metrics.Jieba;

/// <summary>
/// jieba's hidden Markov model of words and their parts of speech (states such as B-n, E-v,
/// S-m: a boundary state and a tag), which cuts and tags runs its dictionary does not know.
/// Decoded as jieba.NET decodes it, ties included: among equally likely states the one that
/// sorts last in the invariant culture wins, so the same text gets the same tags.
/// </summary>
internal sealed class PosHmm
{
    private readonly string[] names;
    private readonly int[] rank;
    private readonly double[] start;
    private readonly double[] transitions;
    private readonly int[][] successors;
    private readonly char[][] emitChars;
    private readonly double[][] emitValues;
    private readonly char[] stateChars;
    private readonly int[][] charStates;
    private readonly int[] allStates;

    /// <param name="names">The states, "B-n" and so on.</param>
    /// <param name="start">Each state's start probability.</param>
    /// <param name="transitions">states × states, from × to; <see cref="double.MinValue"/> where the model has no transition.</param>
    /// <param name="successors">The states each state has a transition to (empty: it ends a path).</param>
    /// <param name="emitChars">Per state, the characters it emits, in order.</param>
    /// <param name="emitValues">Per state, the log probability of each of those characters.</param>
    /// <param name="stateChars">The characters with a list of possible states, in order.</param>
    /// <param name="charStates">Those lists.</param>
    public PosHmm(string[] names, double[] start, double[] transitions, int[][] successors, char[][] emitChars, double[][] emitValues, char[] stateChars, int[][] charStates)
    {
        var n = names.Length;
        if (start.Length != n || transitions.Length != n * n || successors.Length != n || emitChars.Length != n || emitValues.Length != n || stateChars.Length != charStates.Length)
        {
            throw new InvalidDataException("the part-of-speech model's tables do not agree");
        }

        (this.names, this.start, this.transitions, this.successors) = (names, start, transitions, successors);
        (this.emitChars, this.emitValues, this.stateChars, this.charStates) = (emitChars, emitValues, stateChars, charStates);
        rank = Ranks(names);
        allStates = [.. Enumerable.Range(0, n)];
    }

    internal string[] Names => names;

    internal double[] Start => start;

    internal double[] Transitions => transitions;

    internal int[][] Successors => successors;

    internal char[][] EmitChars => emitChars;

    internal double[][] EmitValues => emitValues;

    internal char[] StateChars => stateChars;

    internal int[][] CharStates => charStates;

    /// <summary>The words of a run of Chinese characters and their tags.</summary>
    public List<(string Word, string Tag)> Cut(string run)
    {
        var states = Decode(run);
        var words = new List<(string, string)>();
        int begin = 0, next = 0;
        for (var i = 0; i < run.Length; i++)
        {
            var (boundary, tag) = Split(names[states[i]]);
            if (boundary == 'B')
            {
                begin = i;
            }
            else if (boundary == 'E')
            {
                words.Add((run[begin..(i + 1)], tag));
                next = i + 1;
            }
            else if (boundary == 'S')
            {
                words.Add((run[i..(i + 1)], tag));
                next = i + 1;
            }
        }

        if (next < run.Length)
        {
            words.Add((run[next..], Split(names[states[next]]).Tag));
        }

        return words;
    }

    private int[] Decode(string run)
    {
        var n = names.Length;
        var v = new double[n];
        var nextV = new double[n];
        var back = new int[run.Length * n];
        var present = new List<int>();
        var candidates = new List<int>();
        var reachable = new bool[n];

        foreach (var s in StatesOf(run[0]))
        {
            v[s] = start[s] + Emit(s, run[0]);
            present.Add(s);
        }

        for (var i = 1; i < run.Length; i++)
        {
            var previous = present.Where(s => successors[s].Length > 0).ToArray();
            Array.Clear(reachable);
            foreach (var s in previous)
            {
                foreach (var t in successors[s])
                {
                    reachable[t] = true;
                }
            }

            candidates.Clear();
            candidates.AddRange(StatesOf(run[i]).Where(s => reachable[s]));
            if (candidates.Count == 0)
            {
                candidates.AddRange(reachable.Any(r => r) ? Enumerable.Range(0, n).Where(s => reachable[s]) : allStates);
            }

            foreach (var y in candidates)
            {
                var emit = Emit(y, run[i]);
                var best = double.MinValue;
                var from = -1;
                foreach (var y0 in previous)
                {
                    var p = v[y0] + transitions[(y0 * n) + y] + emit;
                    if (best < p || (best == p && Rank(from) < rank[y0]))
                    {
                        (best, from) = (p, y0);
                    }
                }

                nextV[y] = best;
                back[(i * n) + y] = from;
            }

            (v, nextV) = (nextV, v);
            present.Clear();
            present.AddRange(candidates);
        }

        var end = -1;
        var endProbability = double.MinValue;
        foreach (var s in present)
        {
            if (endProbability < v[s] || (endProbability == v[s] && Rank(end) < rank[s]))
            {
                (endProbability, end) = (v[s], s);
            }
        }

        var states = new int[run.Length];
        for (var i = run.Length - 1; i >= 0; i--)
        {
            states[i] = end;
            end = i > 0 ? back[(i * n) + end] : end;
        }

        return states;
    }

    /// <summary>Unset (-1) sorts before every state, as jieba's empty initial state name does.</summary>
    private int Rank(int state) => state < 0 ? -1 : rank[state];

    private IEnumerable<int> StatesOf(char c)
    {
        var at = Array.BinarySearch(stateChars, c);
        return at >= 0 ? charStates[at] : allStates;
    }

    private double Emit(int state, char c)
    {
        var at = Array.BinarySearch(emitChars[state], c);
        return at >= 0 ? emitValues[state][at] : WordHmm.MinProb;
    }

    private static (char Boundary, string Tag) Split(string state)
    {
        var dash = state.IndexOf('-', StringComparison.Ordinal);
        return (state[0], state[(dash + 1)..]);
    }

    /// <summary>Each state's place in the invariant culture's order, which breaks jieba.NET's ties; the order must be strict.</summary>
    private static int[] Ranks(string[] names)
    {
        var order = Enumerable.Range(0, names.Length).Order(Comparer<int>.Create((a, b) => string.Compare(names[a], names[b], StringComparison.InvariantCulture))).ToArray();
        var rank = new int[names.Length];
        for (var i = 0; i < order.Length; i++)
        {
            if (i > 0 && string.Compare(names[order[i - 1]], names[order[i]], StringComparison.InvariantCulture) == 0)
            {
                throw new InvalidDataException($"part-of-speech states {names[order[i - 1]]} and {names[order[i]]} sort alike");
            }

            rank[order[i]] = i;
        }

        return rank;
    }
}
