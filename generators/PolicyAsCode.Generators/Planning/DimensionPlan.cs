using System.Collections.Generic;
using PolicyAsCode.Generators.Model;

namespace PolicyAsCode.Generators.Planning;

/// <summary>
/// Everything the evaluator decides about one dimension before a line is printed: which bounds always bind, the folded
/// chain, whether it can contradict, and the tests of the fast path and of the full path. Which bound an adjustment cites is not planned: the
/// runtime's <c>Citation</c> answers it when a resolution is explained.
/// </summary>
internal sealed class DimensionPlan
{
    /// <summary>The names the dimension's resolve method gives the value asked for, the value granted and the waiver.</summary>
    public const string Requested = "requested";

    public const string Granted = "granted";

    public const string Waived = "waived";

    public DimensionPlan(
        DimensionModel dimension,
        IReadOnlyList<ChainStep> chain,
        Bound always,
        bool waivable,
        FoldedChain? folded,
        Test readable,
        Test inside,
        TypedRead read,
        FastPath fastPath)
    {
        Dimension = dimension;
        Chain = chain;
        Always = always;
        Waivable = waivable;
        Folded = folded;
        Readable = readable;
        Inside = inside;
        Read = read;
        FastPath = fastPath;
        Constant = folded is { SelectsByContext: false, CanContradict: false } && !waivable ? new ConstantResolution(dimension, folded.Strict[0]) : null;
    }

    public DimensionModel Dimension { get; }

    public int Index => Dimension.Index;

    /// <summary>The bounds on the dimension in canonical order, each with the tests that decide it.</summary>
    public IReadOnlyList<ChainStep> Chain { get; }

    /// <summary>The domain narrowed by every bound that applies in every context.</summary>
    public Bound Always { get; }

    /// <summary>Whether the user tier may waive some bound on it.</summary>
    public bool Waivable { get; }

    /// <summary>The chain folded into tables, or null when it reads too many tests and is emitted as it is.</summary>
    public FoldedChain? Folded { get; }

    /// <summary>
    /// How the dimension resolves against constants when its strict bound is the same in every context and nothing can
    /// contradict or be waived; otherwise null.
    /// </summary>
    public ConstantResolution? Constant { get; }

    /// <summary>Whether narrowing can meet an empty intersection; when it cannot, no contradiction is tracked.</summary>
    public bool CanContradict => Folded?.CanContradict ?? Chain.Count > 0;

    /// <summary>Whether the encoded value can be read: supplied, not listed unreadable, of the dimension's type.</summary>
    public Test Readable { get; }

    /// <summary>Whether a readable encoded value lies inside every bound that applies: granted as asked.</summary>
    public Test Inside { get; }

    /// <summary>How the fast paths (compiled and overlaid) read the value from the typed property.</summary>
    public TypedRead Read { get; }

    public FastPath FastPath { get; }
}

/// <summary>How a fast path reads a dimension's value from the typed property: the local, how tests read it, and whether it is of the dimension's type.</summary>
/// <param name="Declaration">The local's declaration, from <c>source</c>.</param>
/// <param name="Access">How a test reads the local.</param>
/// <param name="Domain">Whether the value is of the dimension's type (finite, a member, only known flags).</param>
internal sealed record TypedRead(string Declaration, ValueAccess Access, Test Domain);

/// <summary>How the fast path reads a dimension: the local it declares from the typed property, and its whole test.</summary>
/// <param name="Declaration">The local's declaration.</param>
/// <param name="Inside">Whether the value is readable and inside every applicable bound.</param>
internal sealed record FastPath(string Declaration, Test Inside);
