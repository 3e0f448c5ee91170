namespace Extraction.Rules;

/// <summary>
/// Which patterns of a run are compiled to IL. Compiling one takes about a millisecond and
/// makes its matches cheaper, so it pays only over enough matches: hot patterns (run at every
/// number, on short windows) from a few files on, the paragraph patterns of segmentation only
/// over a large batch (all of them compiled cost a one-file ingest 1.3 s more, and saved
/// about 1 ms a file).
/// </summary>
public enum PatternCompilation
{
    /// <summary>Hot patterns compiled, the others interpreted: runs of a few files to a few hundred.</summary>
    Hot = 0,

    /// <summary>Every pattern interpreted: a run that reads a file or two.</summary>
    None,

    /// <summary>Every pattern compiled: a batch of a thousand files or more.</summary>
    All,
}

public static class PatternCompilations
{
    /// <summary>The compilation that pays for a run that parses <paramref name="files"/> files.</summary>
    public static PatternCompilation For(int files) => files switch
    {
        <= 2 => PatternCompilation.None,
        < 1000 => PatternCompilation.Hot,
        _ => PatternCompilation.All,
    };
}
