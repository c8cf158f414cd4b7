// This folder is compiled into both the runtime library and the source generator, so that the
// generator folds bounds and the runtime narrows them with one and the same lattice.
namespace PolicyAsCode;

/// <summary>The kind of values a dimension takes, which fixes the shape of its lattice.</summary>
#if POLICYASCODE_GENERATOR
internal
#else
public
#endif
enum DimensionKind : byte
{
    /// <summary>A <see cref="bool"/>: a set over the two members false and true.</summary>
    Boolean,

    /// <summary>An ordered enum: a set over its members, ranked by underlying value.</summary>
    Ordinal,

    /// <summary>An <see cref="int"/> range: a closed interval.</summary>
    Integer,

    /// <summary>A <see cref="double"/> range: a closed interval of finite numbers.</summary>
    Real,

    /// <summary>A <c>[Flags]</c> enum: an interval of the subset lattice, from required flags to permitted flags.</summary>
    Set,

    /// <summary>A string drawn from an allowed list: a set over the list's positions.</summary>
    Choice,
}
