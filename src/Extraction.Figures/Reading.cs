using Extraction.Model;
using Extraction.Rules;

namespace Extraction.Figures;

/// <summary>A figure as read from the text, before the words around it are considered.</summary>
internal readonly record struct Reading(int Start, int End, decimal Value, decimal? ValueMax, UnitRule? Unit, Qualifier? Qualifier, bool IsRank);
