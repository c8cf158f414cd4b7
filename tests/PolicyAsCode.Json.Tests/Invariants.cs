using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using QuickStart.Policies;

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
    public static (PreferencesReadResult<LearnerPreferences>? Result, string? Broken) Check(ReadOnlySpan<byte> document, in PolicyContext context, PreferencesReaderOptions? options = null)
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
            return (null, "a reader threw " + exception);
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

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    public static IEnumerable<int> All => Enumerable.Range(0, Registry.Dimensions.Length);
}
