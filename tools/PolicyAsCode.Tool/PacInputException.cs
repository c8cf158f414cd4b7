using System;

namespace PolicyAsCode.Tool;

/// <summary>Bad input (a missing or unreadable file, no policy, an unknown name): pac prints the message on one line and exits 2.</summary>
internal sealed class PacInputException : Exception
{
    public PacInputException()
    {
    }

    public PacInputException(string message)
        : base(message)
    {
    }

    public PacInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
