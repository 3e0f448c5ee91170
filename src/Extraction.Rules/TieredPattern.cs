using System.Text.RegularExpressions;

namespace Extraction.Rules;

/// <summary>
/// The pattern of a rule: interpreted until it has been tried often enough for compiling it to
/// IL to pay, then compiled once, by the thread that tried it that time, as the runtime compiles
/// a method again once it has run often. Compiling a pattern costs about a millisecond and saves
/// a fraction of a microsecond a try: worth it for a rule tried on every paragraph of a large
/// batch, not for one file, and never for a rule that is seldom reached (compiled code is
/// memory that stays for the rest of the run).
/// </summary>
public sealed class TieredPattern
{
    /// <summary>Tries before the pattern is compiled: about where a compilation is earned back.</summary>
    public const int TriesBeforeCompiling = 8192;

    private Regex regex;
    private Func<Regex>? compile;
    private int tries;

    /// <param name="regex">The pattern as it is matched first.</param>
    /// <param name="compile">Makes it compiled; null: it stays as it is.</param>
    public TieredPattern(Regex regex, Func<Regex>? compile = null)
    {
        this.regex = regex;
        this.compile = compile;
    }

    /// <summary>
    /// The pattern to match with now. Tries are counted without a lock: two threads may count
    /// one try, or both compile at the same count, which costs a compilation more and changes
    /// nothing else. Each value the count reaches is written by some thread, which checks it,
    /// so the compilation is never skipped.
    /// </summary>
    public Regex Regex
    {
        get
        {
            if (compile is { } make && ++tries == TriesBeforeCompiling)
            {
                regex = make();
                compile = null;
            }

            return regex;
        }
    }
}
