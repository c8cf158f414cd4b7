using System;
using System.Collections.Generic;

namespace PolicyAsCode.Learning;

/// <summary>How <see cref="FeedbackExport"/> pseudonymises and redacts.</summary>
/// <param name="PseudonymKey">The secret key of the keyed hash (HMAC-SHA256) that turns ids into pseudonyms; at least 16 bytes. Keep it out of the export.</param>
/// <param name="RedactedDimensions">Dimensions whose nudges are left out; a record that loses one also loses its free text, which may speak of it.</param>
/// <param name="IncludeReasons">Whether consenting users' free-text reasons are exported at all.</param>
public sealed record FeedbackExportOptions(byte[] PseudonymKey, IReadOnlyCollection<string>? RedactedDimensions = null, bool IncludeReasons = true)
{
    /// <summary>The fewest bytes a pseudonym key may have.</summary>
    public const int MinKeyBytes = 16;

    internal void Check()
    {
        if (PseudonymKey is null || PseudonymKey.Length < MinKeyBytes)
        {
            throw new ArgumentException($"The pseudonym key must have at least {MinKeyBytes} bytes.", nameof(PseudonymKey));
        }
    }
}
