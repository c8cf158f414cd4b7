using System;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace PolicyAsCode.Generators.Diagnostics;

/// <summary>
/// Every message PolicyAsCode reports, one descriptor per kind of problem, each with the message format its
/// arguments fill. An id (<see cref="DiagnosticRules"/>) may have several: PAC0009 says "must be partial" and
/// "must not be generic" with descriptors of the same id, title and help page. Problems and findings are built by
/// named factories (<see cref="Problems"/>, and the analysers' <c>Findings</c>) that pick one of these.
/// </summary>
internal static partial class Descriptors
{
    private static ImmutableArray<DiagnosticDescriptor> _all;

    /// <summary>
    /// Every descriptor, in id order. Gathered from this class's fields rather than listed by hand, so one cannot be
    /// declared and left out of the analyser's supported diagnostics. (Read on first use, after every part's fields
    /// are set: field initialisers of a partial class run in no defined order across its files.)
    /// </summary>
    public static ImmutableArray<DiagnosticDescriptor> All
    {
        get
        {
            if (_all.IsDefault)
            {
                _all = typeof(Descriptors).GetFields(BindingFlags.Public | BindingFlags.Static)
                    .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
                    .Select(f => (DiagnosticDescriptor)f.GetValue(null))
                    .OrderBy(d => d.Id, StringComparer.Ordinal)
                    .ThenBy(d => d.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal)
                    .ToImmutableArray();
            }

            return _all;
        }
    }
}
