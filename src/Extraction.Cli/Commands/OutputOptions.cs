using System.CommandLine;
using Extraction.Cli.Output;

namespace Extraction.Cli.Commands;

/// <summary>
/// --format, --out and --bom of the commands that write rows, spelt and checked the same in
/// each: without --format, a file named by --out gets the format its extension names
/// (x.csv is CSV), so that a spreadsheet never receives a file of another format under its name.
/// </summary>
internal sealed class OutputOptions
{
    private readonly string[] formats;

    public OutputOptions(Option<string> format, string[] formats, string outDescription)
    {
        Format = format;
        this.formats = formats;
        Out = new Option<string?>("--out", "-o") { Description = outDescription, HelpName = "FILE" };
        Bom = new Option<bool>("--bom")
        {
            Description = "Open CSV with a UTF-8 byte-order mark, which Excel and WPS need to show its Chinese (the default for a file named *.csv; standard output has none unless asked)",
        };
    }

    public Option<string> Format { get; }

    public Option<string?> Out { get; }

    public Option<bool> Bom { get; }

    public void AddTo(Command command)
    {
        command.Add(Format);
        command.Add(Out);
        command.Add(Bom);
        command.Validators.Add(r =>
        {
            if (r.GetValue(Bom) && Resolve(r).Format != "csv")
            {
                r.AddError("--bom is for CSV (--format csv, or --out FILE.csv)");
            }
        });
    }

    public Target Resolve(System.CommandLine.Parsing.CommandResult r) => Resolve(r.GetResult(Format)?.Implicit != false, r.GetValue(Format)!, r.GetValue(Out), r.GetValue(Bom));

    public Target Resolve(ParseResult r) => Resolve(r.GetResult(Format)?.Implicit != false, r.GetValue(Format)!, r.GetValue(Out), r.GetValue(Bom));

    private Target Resolve(bool implicitFormat, string format, string? path, bool bom)
    {
        if (implicitFormat && path is not null && formats.FirstOrDefault(f => Path.GetExtension(path).Equals("." + f, StringComparison.OrdinalIgnoreCase)) is { } named)
        {
            format = named;
        }

        return new Target(format, path, OutputFile.WantsBom(format, path, bom));
    }

    /// <summary>Where rows go and how: the format, the file (null for standard output), whether CSV opens with a byte-order mark.</summary>
    public sealed record Target(string Format, string? Path, bool Bom);
}
