using System.Text.Json;
using Extraction.Model;
using Extraction.Storage;

namespace Extraction.Cli.Output;

/// <summary>Rows as a JSON array of objects keyed by column name; numbers stay numbers.</summary>
internal static class JsonOutput
{
    public static void Write(TextWriter w, QueryResult result)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = BulletinJson.Options.Encoder }))
        {
            writer.WriteStartArray();
            foreach (var row in result.Rows)
            {
                writer.WriteStartObject();
                for (var i = 0; i < row.Length; i++)
                {
                    writer.WritePropertyName(result.Columns[i]);
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

        w.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }
}
