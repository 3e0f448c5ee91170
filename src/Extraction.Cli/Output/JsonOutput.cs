using System.Text.Json;
using Extraction.Model;
using Extraction.Storage;

namespace Extraction.Cli.Output;

/// <summary>Rows as a JSON array of objects keyed by column name; numbers stay numbers.</summary>
internal static class JsonOutput
{
    private const int FlushEvery = 256;

    public static void Write(TextWriter w, QueryResult result) => Write(w, result.Columns, result.Rows);

    /// <summary>Streams the rows: what is written is passed on every few hundred rows, never held whole.</summary>
    public static void Write(TextWriter w, IReadOnlyList<string> columns, IEnumerable<object?[]> rows)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = BulletinJson.Options.Encoder }))
        {
            writer.WriteStartArray();
            var count = 0;
            foreach (var row in rows)
            {
                if (++count % FlushEvery == 0)
                {
                    Drain(writer, stream, w);
                }

                writer.WriteStartObject();
                for (var i = 0; i < row.Length; i++)
                {
                    writer.WritePropertyName(columns[i]);
                    switch (row[i])
                    {
                        case null: writer.WriteNullValue(); break;
                        case long l: writer.WriteNumberValue(l); break;
                        case double d: writer.WriteNumberValue(d); break;
                        default: writer.WriteStringValue(CellText.Format(row[i])); break;
                    }
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        Drain(null, stream, w);
        w.WriteLine();
    }

    private static void Drain(Utf8JsonWriter? writer, MemoryStream stream, TextWriter w)
    {
        writer?.Flush();
        w.Write(System.Text.Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length));
        stream.SetLength(0);
    }
}
