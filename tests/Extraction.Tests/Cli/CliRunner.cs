using Extraction.Cli;

namespace Extraction.Tests.Cli;

/// <summary>Runs the command line in-process and captures what it prints.</summary>
public static class CliRunner
{
    public static (int Exit, string Out, string Error) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = Program.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
