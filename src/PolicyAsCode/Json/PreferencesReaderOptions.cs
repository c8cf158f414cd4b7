using System;
using System.ComponentModel;

namespace PolicyAsCode.Json;

/// <summary>Limits a preferences reader keeps, so an untrusted document cannot make it work or allocate without bound.</summary>
public sealed class PreferencesReaderOptions
{
    /// <summary>The default of <see cref="MaxBytes"/>: 64 KiB.</summary>
    public const int DefaultMaxBytes = 64 * 1024;

    /// <summary>The default of <see cref="MaxDepth"/>: 4.</summary>
    public const int DefaultMaxDepth = 4;

    /// <summary>The default of <see cref="MaxErrors"/>: 32.</summary>
    public const int DefaultMaxErrors = 32;

    /// <summary>The options every reader uses when given none.</summary>
    public static PreferencesReaderOptions Default { get; } = new();

    /// <summary>The longest document read, in bytes; a longer one is a <see cref="PreferenceErrorKind.TooLarge"/> error. At least 1.</summary>
    public int MaxBytes
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            field = value;
        }
    } = DefaultMaxBytes;

    /// <summary>
    /// How deep arrays and objects may nest, the root object counting 1 and a set's array 2; deeper is a
    /// <see cref="PreferenceErrorKind.TooDeep"/> error. From 2 to 64.
    /// </summary>
    public int MaxDepth
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 2);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 64);
            field = value;
        }
    } = DefaultMaxDepth;

    /// <summary>
    /// Whether the generated reader first tries its strict scan of the common document shape
    /// (<see cref="Compiled.PreferencesFastPath"/>), which gives exactly the full reader's result. True; false only to test the
    /// full reader alone.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public bool FastPath { get; init; } = true;

    /// <summary>How many errors are recorded; later ones are counted in no list, only flagged by <see cref="PreferencesReadResult{T}.TooManyErrors"/>. At least 1.</summary>
    public int MaxErrors
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            field = value;
        }
    } = DefaultMaxErrors;
}
