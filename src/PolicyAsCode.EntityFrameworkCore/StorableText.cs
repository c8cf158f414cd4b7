using System;

namespace PolicyAsCode.EntityFrameworkCore;

/// <summary>
/// Refuses text no store can keep exactly: PostgreSQL's text rejects U+0000, and a lone surrogate has no UTF-8 form, so
/// SQLite would store a replacement character. Refusing both on every provider keeps "what you save is what you read"
/// true everywhere instead of true on one database and silently lossy on another.
/// </summary>
internal static class StorableText
{
    /// <summary>Checks a record's key: a policy name and a user id, neither empty, both text a database keeps exactly.</summary>
    public static void CheckKey(string policy, string userId)
    {
        ArgumentException.ThrowIfNullOrEmpty(policy);
        ArgumentException.ThrowIfNullOrEmpty(userId);
        Check(policy, nameof(policy));
        Check(userId, nameof(userId));
    }

    public static void Check(string text, string parameter)
    {
        ArgumentNullException.ThrowIfNull(text, parameter);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0')
            {
                throw new ArgumentException($"The text holds a NUL character (U+0000) at index {i}; the store cannot keep it. In JSON write it as \\u0000.", parameter);
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                throw new ArgumentException($"The text holds a lone UTF-16 surrogate (U+{(int)c:X4}) at index {i}; it has no UTF-8 form, so the store cannot keep it.", parameter);
            }
        }
    }
}
