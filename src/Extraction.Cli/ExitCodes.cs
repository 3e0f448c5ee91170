namespace Extraction.Cli;

/// <summary>Exit codes, as POSIX tools use them.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The work failed: a bad file, a SQL error, a regression.</summary>
    public const int Failure = 1;

    /// <summary>The command line was wrong: unknown option, missing argument.</summary>
    public const int Usage = 2;
}
