using Extraction.Cli;

namespace Extraction.Tests.Cli;

/// <summary>Runs the command line in-process and captures what it prints.</summary>
public static class CliRunner
{
    public static (int Exit, string Out, string Error) Run(params string[] args) => RunWithInput("", args);

    public static (int Exit, string Out, string Error) RunWithInput(string input, params string[] args)
    {
        using var stdin = new StringReader(input);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = Program.Run(args, stdin, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
