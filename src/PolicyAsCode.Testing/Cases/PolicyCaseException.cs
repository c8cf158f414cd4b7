using System;

namespace PolicyAsCode.Testing;

/// <summary>
/// A case file that cannot be used: unreadable (malformed JSON or YAML, a missing or mistyped field) or not about this
/// policy (a jurisdiction, dimension, tier, bound or hazard it does not have). The message names the file, the line and
/// the case, and says why; <c>pac test</c> prints it and exits 2, the xUnit helper fails with it.
/// </summary>
public sealed class PolicyCaseException : Exception
{
    /// <summary>Creates the exception for a fault at <paramref name="line"/> of <paramref name="file"/>.</summary>
    /// <param name="file">The case file, as it was named.</param>
    /// <param name="line">The 1-based line of the fault, or 0 when it has none.</param>
    /// <param name="caseName">The case the fault is in, or null when it is outside any case.</param>
    /// <param name="reason">Why the file cannot be used.</param>
    public PolicyCaseException(string file, int line, string? caseName, string reason)
        : base(Describe(file, line, caseName, reason))
    {
        File = file;
        Line = line;
        CaseName = caseName;
        Reason = reason;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public PolicyCaseException()
        : this(string.Empty, 0, null, "unreadable case file")
    {
    }

    /// <summary>Creates the exception with a message only.</summary>
    /// <param name="message">Why the file cannot be used.</param>
    public PolicyCaseException(string message)
        : this(string.Empty, 0, null, message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">Why the file cannot be used.</param>
    /// <param name="innerException">The cause.</param>
    public PolicyCaseException(string message, Exception innerException)
        : base(message, innerException)
    {
        File = string.Empty;
        Reason = message;
    }

    /// <summary>The case file.</summary>
    public string File { get; }

    /// <summary>The 1-based line of the fault, or 0.</summary>
    public int Line { get; }

    /// <summary>The case the fault is in, or null.</summary>
    public string? CaseName { get; }

    /// <summary>Why the file cannot be used.</summary>
    public string Reason { get; }

    private static string Describe(string file, int line, string? caseName, string reason)
    {
        var where = file.Length == 0 ? string.Empty : line > 0 ? $"{file}:{line}: " : $"{file}: ";
        var which = caseName is null ? string.Empty : $"case \"{caseName}\": ";
        return where + which + reason;
    }
}
