using System.Xml.Linq;

namespace Extraction.Readers.Docx;

/// <summary>
/// Names and small helpers for WordprocessingML read as plain XML. Elements are matched by local name
/// in either the transitional or the strict (ISO) namespace, so both kinds of .docx read the same.
/// </summary>
internal static class WordXml
{
    public static readonly XNamespace W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    public static readonly XNamespace WStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main";
    public static readonly XNamespace Mc = "http://schemas.openxmlformats.org/markup-compatibility/2006";
    public static readonly XNamespace Math = "http://schemas.openxmlformats.org/officeDocument/2006/math";
    public static readonly XNamespace MathStrict = "http://purl.oclc.org/ooxml/officeDocument/math";

    public static bool IsW(this XElement e) => e.Name.Namespace == W || e.Name.Namespace == WStrict;

    public static bool IsW(this XElement e, string localName) => e.Name.LocalName == localName && e.IsW();

    public static bool IsMath(this XElement e, string localName) =>
        e.Name.LocalName == localName && (e.Name.Namespace == Math || e.Name.Namespace == MathStrict);

    public static bool IsAlternateContent(this XElement e) => e.Name.LocalName == "AlternateContent" && e.Name.Namespace == Mc;

    public static XElement? WChild(this XElement? e, string localName)
    {
        if (e is null)
        {
            return null;
        }

        foreach (var child in e.Elements())
        {
            if (child.IsW(localName))
            {
                return child;
            }
        }

        return null;
    }

    /// <summary>A w: attribute; Word always qualifies them, some generators do not.</summary>
    public static string? WAttr(this XElement? e, string localName) =>
        e is null ? null : (string?)(e.Attribute(W + localName) ?? e.Attribute(WStrict + localName) ?? e.Attribute(localName));

    public static string? Val(this XElement? e) => e.WAttr("val");

    public static int? IntVal(this XElement? e) => int.TryParse(e.Val(), out var value) ? value : null;

    /// <summary>A toggle property (w:vanish, w:isLgl): present means on unless its value says off.</summary>
    public static bool? Toggle(this XElement? e) =>
        e is null ? null : e.Val() is not { } val || !(val is "0" or "false" or "off");

    /// <summary>
    /// The branch of an mc:AlternateContent to read: the first Choice, else the Fallback. Both hold the
    /// same content (a text box is stored once for new and once for old readers), so exactly one is read.
    /// </summary>
    public static XElement? ChosenBranch(this XElement alternateContent) =>
        alternateContent.Elements(Mc + "Choice").FirstOrDefault() ?? alternateContent.Elements(Mc + "Fallback").FirstOrDefault();

    /// <summary>Child elements, with each mc:AlternateContent replaced by the children of its chosen branch.</summary>
    public static IEnumerable<XElement> ContentElements(this XElement e)
    {
        foreach (var child in e.Elements())
        {
            if (!child.IsAlternateContent())
            {
                yield return child;
            }
            else if (child.ChosenBranch() is { } branch)
            {
                // Alternate content does not nest in practice; one level of unwrapping is enough here.
                foreach (var inner in branch.Elements())
                {
                    yield return inner;
                }
            }
        }
    }
}
