using System.CommandLine;
using System.Text;
using Extraction.Cli.Commands;
using Extraction.Rules;

namespace Extraction.Cli;

public static class Program
{
    public static int Main(string[] args)
    {
        Console.OutputEncoding = new UTF8Encoding(false);
        return Run(args, Console.In, Console.Out, Console.Error);
    }

    /// <summary>Runs the command line with the given streams (the tests call this).</summary>
    public static int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var context = new CliContext(stdin, stdout, stderr);
        var root = new RootCommand("extract — turns Chinese government progress bulletins (专项督查快报, 民生实事通报) into data you can query.")
        {
            ParseCommand.Create(context),
            IngestCommand.Create(context),
            QueryCommand.Create(context),
            FiguresCommand.Create(context),
            CheckCommand.Create(context),
            RulesCommand.Create(context),
            SearchCommand.Create(context),
            HistoryCommand.Create(context),
            AuditCommand.Create(context),
            StatusCommand.Create(context),
            RebuildCommand.Create(context),
            ExportCommand.Create(context),
            ReportCommand.Create(context),
        };

        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            foreach (var error in parseResult.Errors)
            {
                stderr.WriteLine($"extract: {error.Message}");
            }

            stderr.WriteLine("Try 'extract --help' for more information.");
            return ExitCodes.Usage;
        }

        try
        {
            return parseResult.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (RuleLoadException e)
        {
            // Every command loads the rules; a broken rule file is one line, whichever it was.
            return context.Fail($"rules: {e.Message}");
        }
    }
}
