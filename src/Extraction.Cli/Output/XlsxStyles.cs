using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Extraction.Cli.Output;

/// <summary>
/// The cell styles of an exported workbook: a bold header, ISO dates (yyyy-mm-dd, the form the
/// bulletins' dates are stored in, and one Excel and WPS read the same in every locale), and
/// numbers shown with a fixed number of decimals.
/// </summary>
internal static class XlsxStyles
{
    public const uint Header = 1;
    public const uint Date = 2;

    /// <summary>Styles of 0 to <see cref="MaxDecimals"/> decimals follow the date style.</summary>
    public const int MaxDecimals = 6;

    private const uint FirstCustomFormat = 164;

    public static uint Decimals(int decimals) => 3 + (uint)Math.Clamp(decimals, 0, MaxDecimals);

    public static Stylesheet Create()
    {
        var formats = new NumberingFormats(new NumberingFormat { NumberFormatId = FirstCustomFormat, FormatCode = "yyyy-mm-dd" });
        var cells = new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat { NumberFormatId = FirstCustomFormat, ApplyNumberFormat = true });
        for (var d = 0; d <= MaxDecimals; d++)
        {
            var id = FirstCustomFormat + 1 + (uint)d;
            formats.Append(new NumberingFormat { NumberFormatId = id, FormatCode = d == 0 ? "0" : "0." + new string('0', d) });
            cells.Append(new CellFormat { NumberFormatId = id, ApplyNumberFormat = true });
        }

        formats.Count = (uint)formats.ChildElements.Count;
        cells.Count = (uint)cells.ChildElements.Count;

        // A workbook's style sheet needs its fonts, the two fills Excel reserves, a border and a cell style.
        return new Stylesheet(
            formats,
            new Fonts(Font(bold: false), Font(bold: true)) { Count = 2 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
            new CellStyleFormats(new CellFormat()) { Count = 1 },
            cells,
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
    }

    private static Font Font(bool bold)
    {
        var font = new Font();
        if (bold)
        {
            font.Append(new Bold());
        }

        font.Append(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }, new FontFamilyNumbering { Val = 2 });
        return font;
    }
}
