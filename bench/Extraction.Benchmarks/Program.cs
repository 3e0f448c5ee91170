using BenchmarkDotNet.Running;

namespace Extraction.Benchmarks;

public static class Program
{
    /// <summary>BenchmarkDotNet's switcher; <c>pdfpig-text FOLDER</c> runs the PDF anchor of bench/ingest.sh instead.</summary>
    public static int Main(string[] args)
    {
        if (args is ["pdfpig-text", var folder])
        {
            return PdfPigText.Run(folder);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
