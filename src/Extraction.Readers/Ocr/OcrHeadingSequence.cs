using System.Text.RegularExpressions;

namespace Extraction.Readers.Ocr;

/// <summary>
/// Mends heading numerals OCR misread ((世)办好…, 下)改善…, =、…, 二，…): headings of one
/// form — （一） or 一、 — count up through a document, so a paragraph that opens in that form
/// with a character that is no numeral, or with its mark misread, takes the numeral its place
/// in the count leaves, but only where the count leaves exactly that many (between （一） and
/// （三） one heading fits, 二), or it follows the last heading in full brackets. A sequence
/// that starts again (a new part's （一）) mends nothing across the restart.
/// </summary>
public static class OcrHeadingSequence
{
    private const string Numerals = "一二三四五六七八九十";

    // （X）or X) before a heading's words; X、 or a numeral and a misread 、 (二，三.).
    private static readonly Regex Bracketed = new(@"^(?<open>[（(]?)\s*(?<n>\p{IsCJKUnifiedIdeographs})\s*[）)]\s*(?=\p{IsCJKUnifiedIdeographs})", RegexOptions.CultureInvariant);
    private static readonly Regex Listed = new(@"^(?<n>\p{IsCJKUnifiedIdeographs}|=)\s*(?<mark>[、，,.．])\s*(?=\p{IsCJKUnifiedIdeographs})", RegexOptions.CultureInvariant);

    public static List<RawParagraph> Repair(List<RawParagraph> paragraphs)
    {
        var result = paragraphs.ToList();
        Mend(result, Bracketed, n => $"（{n}）", (_, _) => true);
        Mend(result, Listed, n => $"{n}、", (m, known) => known || m.Groups["mark"].Value == "、");
        return result;
    }

    /// <param name="candidate">Whether a paragraph in the form may be a heading (一、 with a character that is no numeral needs its 、).</param>
    private static void Mend(List<RawParagraph> paragraphs, Regex form, Func<char, string> write, Func<Match, bool, bool> candidate)
    {
        // (paragraph, numeral's value or 0 when misread, whether its marks are as printed)
        var entries = new List<(int Index, int Value, Match Match)>();
        for (var i = 0; i < paragraphs.Count; i++)
        {
            var match = form.Match(paragraphs[i].Text);
            if (match.Success)
            {
                var value = Numerals.IndexOf(match.Groups["n"].Value[0]) + 1;
                if (candidate(match, value > 0))
                {
                    entries.Add((i, value, match));
                }
            }
        }

        for (var start = 0; start < entries.Count;)
        {
            if (entries[start].Value > 0 && IsWritten(entries[start].Match, write))
            {
                start++;
                continue;
            }

            // A run of entries to mend: misread numerals, or numerals with misread marks.
            var end = start;
            while (end < entries.Count && !(entries[end].Value > 0 && IsWritten(entries[end].Match, write)))
            {
                end++;
            }

            var before = start > 0 ? entries[start - 1].Value : 0;
            var after = end < entries.Count ? entries[end].Value : 0;
            var run = entries[start..end];
            var fits = after > 0 ? after - before - 1 == run.Count : run.Count == 1 && before > 0 && run[0].Match.Groups["open"].Length > 0;
            for (var k = 0; k < run.Count; k++)
            {
                var value = before + k + 1;
                var read = run[k].Value;
                if (fits && value <= Numerals.Length && (read == 0 || read == value))
                {
                    var p = paragraphs[run[k].Index];
                    paragraphs[run[k].Index] = p with { Text = write(Numerals[value - 1]) + p.Text[run[k].Match.Length..] };
                }
            }

            start = end;
        }
    }

    // As the form writes it, in full-width brackets or half-width ones.
    private static bool IsWritten(Match match, Func<char, string> write)
    {
        var (read, written) = (match.Value.TrimEnd(), write(match.Groups["n"].Value[0]));
        return read == written || read == written.Replace('（', '(').Replace('）', ')');
    }
}
