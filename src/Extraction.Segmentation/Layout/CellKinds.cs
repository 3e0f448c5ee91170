using Extraction.Figures.Numbers;
using Extraction.Rules;

namespace Extraction.Segmentation.Layout;

/// <summary>What a cell holds, told from its text alone: what lets a row whose cells were merged or lost be put back under its columns.</summary>
public enum CellKind
{
    /// <summary>A row number: 1, 9*, 一.</summary>
    Ordinal,

    /// <summary>A figure and little else: 26000, 123.4, 80%, 1.2万户.</summary>
    Quantity,

    /// <summary>The name of one or more units: 市妇联, 县住建局、县财政局.</summary>
    Unit,

    /// <summary>A piece of a unit's name broken off by the layout (市人力资源).</summary>
    UnitPiece,

    /// <summary>A status only: 超额完成, 顺利推进.</summary>
    Status,

    Text,
}

internal sealed class CellKinds(RuleSet rules)
{
    /// <summary>At most this many letters beside the digits of a quantity (万户, 万元).</summary>
    private const int MaxQuantityLetters = 3;

    private const int MaxUnitList = 60;

    public CellKind Of(string cell)
    {
        var text = rules.Folding.Fold(cell.Trim());
        if (Numeral.ToInt(text.TrimEnd('*', '＊')) is not null && text.Length <= 4)
        {
            return CellKind.Ordinal;
        }

        if (rules.Table?.StatusCell?.IsMatch(text.TrimEnd('。')) == true)
        {
            return CellKind.Status;
        }

        var digits = text.Count(Numeral.IsArabicDigit);
        if (digits > 0 && text.Count(char.IsLetter) <= MaxQuantityLetters)
        {
            return CellKind.Quantity;
        }

        var separator = rules.DepartmentSeparator;
        if (digits == 0 && text.Length <= MaxUnitList && text.AsSpan().IndexOfAny("。：:；;") < 0)
        {
            var names = DepartmentList.Names(separator, text).ToList();
            if (names.Count > 0 && names.All(n => DepartmentList.EndsLikeUnit(separator, n)))
            {
                return CellKind.Unit;
            }

            if (names.Count == 1 && DepartmentList.IsBrokenName(separator, names[0]))
            {
                return CellKind.UnitPiece;
            }
        }

        return CellKind.Text;
    }
}
