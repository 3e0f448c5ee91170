namespace Extraction.Metrics.Jieba;

/// <summary>
/// jieba's hidden Markov model of word boundaries (each character Begins, is in the Middle of,
/// Ends or is a Single word), which cuts runs of characters its dictionary does not know.
/// Emissions are one dense table over all UTF-16 code units, 2 MB, so that a lookup is an index.
/// </summary>
internal sealed class WordHmm
{
    /// <summary>jieba's floor for an impossible event (its MinProb).</summary>
    public const double MinProb = -3.14e100;

    public const int B = 0, M = 1, E = 2, S = 3;

    /// <summary>jieba's start probabilities: a run begins a word or is one; it cannot start inside one.</summary>
    private static readonly double[] Start = [-0.26268660809250016, MinProb, MinProb, -1.4652633398537678];

    /// <summary>The states each state may follow (B after E or S, M after M or B, E after B or M, S after S or E), in jieba's order.</summary>
    private static readonly int[][] Previous = [[E, S], [M, B], [B, M], [S, E]];

    private readonly double[] transitions;
    private readonly double[] emissions;

    /// <param name="transitions">4×4, from × to, <see cref="MinProb"/> where jieba's model has no entry.</param>
    /// <param name="emissions">4×65536, state × code unit, <see cref="MinProb"/> where it has none.</param>
    public WordHmm(double[] transitions, double[] emissions)
    {
        if (transitions.Length != 16 || emissions.Length != 4 * 65536)
        {
            throw new InvalidDataException("the word model's tables have the wrong size");
        }

        (this.transitions, this.emissions) = (transitions, emissions);
    }

    internal double[] Transitions => transitions;

    internal double[] Emissions => emissions;

    /// <summary>The most likely B/M/E/S state of each character of a run of Chinese characters.</summary>
    public int[] States(ReadOnlySpan<char> run)
    {
        var n = run.Length;
        var back = new int[n * 4];
        Span<double> v = stackalloc double[4];
        Span<double> next = stackalloc double[4];
        for (var s = 0; s < 4; s++)
        {
            v[s] = Start[s] + Emit(s, run[0]);
        }

        for (var i = 1; i < n; i++)
        {
            for (var y = 0; y < 4; y++)
            {
                var emit = Emit(y, run[i]);
                double best = double.MinValue;
                var from = -1;
                foreach (var y0 in Previous[y])
                {
                    var p = v[y0] + transitions[(y0 * 4) + y] + emit;
                    if (best <= p)
                    {
                        (best, from) = (p, y0);
                    }
                }

                next[y] = best;
                back[(i * 4) + y] = from;
            }

            next.CopyTo(v);
        }

        var states = new int[n];
        var state = v[E] < v[S] ? S : E;
        for (var i = n - 1; i >= 0; i--)
        {
            states[i] = state;
            state = i > 0 ? back[(i * 4) + state] : state;
        }

        return states;
    }

    private double Emit(int state, char c) => emissions[(state * 65536) + c];
}
