namespace Extraction.Rules;

/// <summary>
/// Which patterns of a run are compiled to IL. Compiling one takes about a millisecond and
/// makes its matches cheaper, so it pays only over enough matches: the hot patterns (run at
/// every number, on short windows) from a few files on; the patterns of the other rules once
/// each has been tried often enough in the run (<see cref="TieredPattern"/>).
/// </summary>
public enum PatternCompilation
{
    /// <summary>Hot patterns compiled; the others interpreted, and compiled once tried often: a run of more than a file or two.</summary>
    Hot = 0,

    /// <summary>Every pattern interpreted: a run that reads a file or two.</summary>
    None,
}

public static class PatternCompilations
{
    /// <summary>The compilation that pays for a run that parses <paramref name="files"/> files.</summary>
    public static PatternCompilation For(int files) => files <= 2 ? PatternCompilation.None : PatternCompilation.Hot;
}
