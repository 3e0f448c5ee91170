namespace Extraction.Pipeline.Ingest;

/// <summary>
/// When an ingest writes the database out again, packed. Rows that grow after they are written
/// (a task's identity, filled in once the histories are built) and index pages split as they
/// fill leave about a tenth of every page empty. Writing every table and index again fills
/// them, at the cost of writing the whole file once more: that pays after a run that wrote most
/// of the database (a first ingest, a batch that doubled the archive), not after a few new
/// files in a large one.
/// </summary>
public static class Compaction
{
    /// <param name="pagesBefore">Pages in use when the run began.</param>
    /// <param name="pagesAfter">Pages in use when it ended.</param>
    public static bool Pays(long pagesBefore, long pagesAfter) => pagesAfter >= 2 * pagesBefore;
}
