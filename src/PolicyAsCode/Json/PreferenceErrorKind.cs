namespace PolicyAsCode.Json;

/// <summary>What is wrong at one place of a preferences document.</summary>
public enum PreferenceErrorKind
{
    /// <summary>The document is not well-formed JSON: malformed, truncated, a comment, a trailing comma, more than one value. Every dimension is unreadable.</summary>
    Syntax = 1,

    /// <summary>The document is longer than <see cref="PreferencesReaderOptions.MaxBytes"/>; it is not read. Every dimension is unreadable.</summary>
    TooLarge,

    /// <summary>Arrays and objects nest deeper than <see cref="PreferencesReaderOptions.MaxDepth"/>. Every dimension is unreadable.</summary>
    TooDeep,

    /// <summary>The document's root is not a JSON object. Every dimension is unreadable.</summary>
    NotAnObject,

    /// <summary>A property that names no dimension; it is skipped and affects no dimension.</summary>
    UnknownProperty,

    /// <summary>A dimension given more than once; the dimension is unreadable.</summary>
    DuplicateProperty,

    /// <summary>A value of the wrong JSON type for its dimension (including <c>null</c>); the dimension is unreadable.</summary>
    WrongType,

    /// <summary>
    /// A value of the right JSON type that is no value of the dimension's type: an unknown member name, an integer
    /// outside <see cref="int"/> or with a fraction, a number outside the finite doubles, a flag listed twice in a set.
    /// The dimension is unreadable. (A value inside the domain but outside the policy's bounds is no error: resolution clamps it.)
    /// </summary>
    OutsideDomain,
}
