using System.Xml.Linq;

namespace Extraction.Readers.Docx;

/// <summary>
/// Finds the text boxes (w:txbxContent) inside a drawing, picture or object. Word stores a text box twice,
/// as a DrawingML shape in mc:Choice and as a VML shape in mc:Fallback; only the chosen branch is searched,
/// so each box is read once. Boxes inside a box are read when that box is.
/// </summary>
internal static class TextBoxes
{
    public static void Collect(XElement element, List<XElement> boxes)
    {
        // An explicit stack: drawings can nest groups deeply, and the search must not recurse without bound.
        var pending = new Stack<XElement>();
        pending.Push(element);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            if (current.IsW("txbxContent"))
            {
                boxes.Add(current);
                continue;
            }

            if (current.IsAlternateContent())
            {
                if (current.ChosenBranch() is { } branch)
                {
                    pending.Push(branch);
                }

                continue;
            }

            // Pushed in reverse so that boxes come out in document order.
            foreach (var child in current.Elements().Reverse())
            {
                pending.Push(child);
            }
        }
    }
}
