using System;
using System.Collections.Immutable;
using System.Linq;

namespace PolicyAsCode.Runtime;

/// <summary>The result of compiling an overlay against a policy: the overlaid registry, or the errors.</summary>
/// <param name="Overlay">The overlay compiled.</param>
/// <param name="Registry">The compiled registry with the overlay's rules added to the organisation tier; null when rejected.</param>
/// <param name="Errors">Every problem found; empty when the overlay was accepted.</param>
public sealed record OverlayCompilation(PolicyOverlay Overlay, PolicyRegistry? Registry, ImmutableArray<OverlayError> Errors)
{
    /// <summary>Equality by value, including the contents of <see cref="Errors"/>.</summary>
    public bool Equals(OverlayCompilation? other) =>
        other is not null && Equals(Overlay, other.Overlay) && ReferenceEquals(Registry, other.Registry) && RecordEquality.Same(Errors, other.Errors);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Overlay, Registry, RecordEquality.Hash(Errors));

    /// <summary>Whether the overlay was accepted.</summary>
    public bool Succeeded => Registry is not null && Errors.IsEmpty;

    /// <summary>Whether any error is a widening.</summary>
    public bool IsWidening => Errors.Any(e => e.Kind == OverlayErrorKind.Widening);

    /// <summary>Every error, one per line.</summary>
    public string Describe() => string.Join(Environment.NewLine, Errors.Select(e => e.Message));
}
