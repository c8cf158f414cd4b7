using System;

namespace PolicyAsCode.Testing;

/// <summary>A case the policy failed, or rules no case exercised; the message is the report.</summary>
public sealed class PolicyCaseFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PolicyCaseFailedException()
    {
    }

    /// <summary>Creates the exception with the report as its message.</summary>
    /// <param name="message">The report.</param>
    public PolicyCaseFailedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">The report.</param>
    /// <param name="innerException">The cause.</param>
    public PolicyCaseFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
