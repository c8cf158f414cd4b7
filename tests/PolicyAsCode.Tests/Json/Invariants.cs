using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using QuickStart.Policies;
using PolicyAsCode.Compiled;

namespace PolicyAsCode.Json.Tests;

/// <summary>What must hold for every document: checked by the hostile table and the fuzz test alike.</summary>
internal static class Invariants
{
    public static readonly PolicyRegistry Registry = LearnerPreferences.Registry;

    public static readonly PolicyInterpreter Interpreter = new(Registry);

    public static readonly PolicyContext[] Contexts =
    [
        PolicyContext.In("EU"),
        PolicyContext.In("EU").With(Fact.Minor, true),
        PolicyContext.In("US").With(Fact.ConsentsToMemory, true),
        PolicyContext.In(null),
        PolicyContext.In("EU").With(Fact.RolePlay, true),
    ];

    /// <summary>
    /// Reads <paramref name="document"/> with the generated and the registry-driven reader and returns the generated
    /// result, or a description of the first broken invariant: an exception, a disagreement between the readers, an
    /// error without a path, an error's dimension left readable, a resolution outside the bounds, or an unreadable
    /// dimension that did not fail closed.
    /// </summary>
    public static (PreferencesReadResult<LearnerPreferences> Result, string? Broken) Check(ReadOnlySpan<byte> document, in PolicyContext context, PreferencesReaderOptions? options = null)
    {
        PreferencesReadResult<LearnerPreferences> generated;
        PreferencesReadResult<DimensionValue[]> interpreted;
        try
        {
            generated = LearnerPreferences.ReadPreferences(document, in context, options);
            interpreted = PreferencesJson.Read(Registry, document, in context, options);
        }
        catch (Exception exception)
        {
            return (default, "a reader threw " + exception);
        }

        if (FastPathBroken(document, in context, options, generated, interpreted) is { } fastPath)
        {
            return (generated, fastPath);
        }

        var values = LearnerPreferences.Encode(generated.Requested);
        if (!values.AsSpan().SequenceEqual(interpreted.Requested))
        {
            return (generated, $"requested values differ: generated {string.Join(",", values)}, registry {string.Join(",", interpreted.Requested)}");
        }

        if (generated.Unreadable != interpreted.Unreadable || generated.TooManyErrors != interpreted.TooManyErrors)
        {
            return (generated, "unreadable sets or error caps differ");
        }

        if (!generated.Errors.SequenceEqual(interpreted.Errors))
        {
            return (generated, $"errors differ: generated [{string.Join("; ", generated.Errors)}], registry [{string.Join("; ", interpreted.Errors)}]");
        }

        foreach (var error in generated.Errors)
        {
            if (error.Path.Length == 0 || error.Path[0] != '$' || string.IsNullOrEmpty(error.Message))
            {
                return (generated, $"error without a path or message: {error}");
            }

            if (error.Dimension >= 0 && !generated.Unreadable.Contains(error.Dimension))
            {
                return (generated, $"{error} names a dimension that is still readable");
            }

            if (Unsafe(error) is { } raw)
            {
                return (generated, raw);
            }
        }

        if (generated.Errors.Count == 0 && !generated.TooManyErrors && !generated.Unreadable.IsEmpty)
        {
            return (generated, "unreadable dimensions without an error");
        }

        var resolution = LearnerPreferences.Resolve(generated.Requested, in context, generated.Unreadable);
        var effective = LearnerPreferences.Encode(resolution.Effective);
        var reference = Interpreter.Resolve(interpreted.Requested, in context, interpreted.Unreadable);
        if (!effective.AsSpan().SequenceEqual(reference.Effective))
        {
            return (generated, "the generated and interpreted resolutions differ");
        }

        foreach (var dimension in Registry.Dimensions)
        {
            var d = dimension.Index;
            if (!Lattice.Contains(Interpreter.Allowed(d, in context), effective[d]))
            {
                return (generated, $"{dimension.Name} resolved to {dimension.Format(effective[d])}, outside what the policy allows");
            }

            if (generated.Unreadable.Contains(d)
                && !resolution.Adjustments.Any(a => a.Dimension.Index == d && a.Cause is AdjustmentCause.FailedClosed or AdjustmentCause.Contradiction))
            {
                return (generated, $"{dimension.Name} is unreadable but did not fail closed");
            }
        }

        return (generated, null);
    }

    /// <summary>
    /// Why an error's path or message could act on a terminal or log viewer: a raw C0 or C1 control or DEL, a line or
    /// paragraph separator, a bidirectional control, or a lone surrogate; null when it holds none (they must be escaped).
    /// </summary>
    public static string? Unsafe(PreferenceError error)
    {
        foreach (var (what, text) in new[] { ("path", error.Path), ("message", error.Message) })
        {
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                    continue;
                }

                if (char.IsControl(c) || char.IsSurrogate(c) || c is '\u2028' or '\u2029' or '\u061c' or '\u200e' or '\u200f'
                    || c is >= '\u202a' and <= '\u202e' || c is >= '\u2066' and <= '\u2069')
                {
                    return $"the {what} holds a raw U+{(int)c:X4} at {i}: {text}";
                }
            }
        }

        return null;
    }

    /// <summary>How many documents the fast path's scan accepted, over every <see cref="Check"/>.</summary>
    public static int Scanned;

    /// <summary>
    /// The fast path against the full reader alone: the generated reader with and without it gives the same result in
    /// every field, and whenever the scan accepts a document, the full reader found no error and read exactly the values
    /// the scan did (bit for bit).
    /// </summary>
    private static string? FastPathBroken(ReadOnlySpan<byte> document, in PolicyContext context, PreferencesReaderOptions? options, PreferencesReadResult<LearnerPreferences> generated, PreferencesReadResult<DimensionValue[]> interpreted)
    {
        var limits = options ?? PreferencesReaderOptions.Default;
        var full = LearnerPreferences.ReadPreferences(document, in context, FullReaderOnly(limits));
        if (full.Requested != generated.Requested || full.Unreadable != generated.Unreadable || full.TooManyErrors != generated.TooManyErrors
            || !full.Errors.SequenceEqual(generated.Errors))
        {
            return $"the fast path changed the result: full reader {full.Requested} [{string.Join("; ", full.Errors)}], with fast path {generated.Requested} [{string.Join("; ", generated.Errors)}]";
        }

        var count = Registry.Dimensions.Length;
        Span<DimensionValue> values = stackalloc DimensionValue[count];
        var names = default(RegistryNames);
        if (!PreferencesFastPath.TryScan(Registry, ref names, document, limits.MaxBytes, values, out var given))
        {
            return null;
        }

        Interlocked.Increment(ref Scanned);
        if (!full.IsValid || !interpreted.IsValid)
        {
            return $"the scan accepted a document the full reader reports errors in: [{string.Join("; ", full.Errors)}]";
        }

        for (var d = 0; d < count; d++)
        {
            if (((given >> d) & 1UL) != 0 && (values[d].Bits != interpreted.Requested[d].Bits
                || BitConverter.DoubleToInt64Bits(values[d].Number) != BitConverter.DoubleToInt64Bits(interpreted.Requested[d].Number)))
            {
                return $"{Registry.Dimensions[d].Name}: the scan read {values[d]}, the full reader {interpreted.Requested[d]}";
            }
        }

        return null;
    }

    /// <summary>The same limits, with the fast path off: the generated reader's full reader alone.</summary>
    public static PreferencesReaderOptions FullReaderOnly(PreferencesReaderOptions limits) =>
        new() { MaxBytes = limits.MaxBytes, MaxDepth = limits.MaxDepth, MaxErrors = limits.MaxErrors, FastPath = false };

    /// <summary>The QuickStart policy's JSON names from its registry, for calling the scan directly.</summary>
    public readonly struct RegistryNames : IPreferenceNames
    {
        private static readonly byte[][] Properties = [.. Registry.Dimensions.Select(d => Encoding.UTF8.GetBytes(PreferenceNames.JsonName(d.Name)))];

        private static readonly byte[][][] Members = [.. Registry.Dimensions.Select(d => d.Kind is DimensionKind.Ordinal or DimensionKind.Choice or DimensionKind.Set ? d.Members.Select(Encoding.UTF8.GetBytes).ToArray() : [])];

        public int MatchProperty(ReadOnlySpan<byte> name) => IndexOf(Properties, name);

        public int MatchMember(int dimension, ReadOnlySpan<byte> text) => IndexOf(Members[dimension], text);

        private static int IndexOf(byte[][] candidates, ReadOnlySpan<byte> text)
        {
            for (var i = 0; i < candidates.Length; i++)
            {
                if (text.SequenceEqual(candidates[i]))
                {
                    return i;
                }
            }

            return -1;
        }
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    public static IEnumerable<int> All => Enumerable.Range(0, Registry.Dimensions.Length);
}
