namespace Extraction.Rules;

/// <summary>A rule file that cannot be used: the message names the file, the rule and the reason.</summary>
public sealed class RuleLoadException(string message, Exception? inner = null) : Exception(message, inner);
