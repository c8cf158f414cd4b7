using System;
using System.Collections.Generic;

namespace PolicyAsCode.Json;

/// <summary>
/// What a preferences reader made of a document: the requested values, the dimensions it could not read, and why.
/// Pass <see cref="Requested"/> and <see cref="Unreadable"/> to <c>Resolve</c>: the unreadable dimensions then resolve
/// fail-closed, to their strictest allowed value.
/// A readonly struct, so reading allocates no result object; <c>default</c> has no requested values and no errors.
/// </summary>
/// <typeparam name="T">The preferences: a user-tier record, or <see cref="DimensionValue"/>s in dimension order.</typeparam>
public readonly struct PreferencesReadResult<T>
{
    private readonly IReadOnlyList<PreferenceError>? _errors;

    /// <summary>Creates a result.</summary>
    public PreferencesReadResult(T requested, DimensionSet unreadable, IReadOnlyList<PreferenceError> errors, bool tooManyErrors)
    {
        Requested = requested;
        Unreadable = unreadable;
        _errors = errors;
        TooManyErrors = tooManyErrors;
    }

    /// <summary>
    /// The requested preferences: each value read from the document; a dimension the document leaves out, or that is
    /// unreadable, holds its default for the context.
    /// </summary>
    public T Requested { get; }

    /// <summary>The dimensions whose value could not be read: every dimension after a document-level error.</summary>
    public DimensionSet Unreadable { get; }

    /// <summary>The errors, in document order, at most <see cref="PreferencesReaderOptions.MaxErrors"/>.</summary>
    public IReadOnlyList<PreferenceError> Errors => _errors ?? Array.Empty<PreferenceError>();

    /// <summary>Whether more errors were found than <see cref="PreferencesReaderOptions.MaxErrors"/> allowed recording. Unreadable dimensions are still all in <see cref="Unreadable"/>.</summary>
    public bool TooManyErrors { get; }

    /// <summary>Whether the document had no error at all (an unknown property counts as one).</summary>
    public bool IsValid => Errors.Count == 0 && !TooManyErrors;
}
