using System.Collections.Generic;
using System.Linq;
using PolicyAsCode.Generators.Model;

namespace PolicyAsCode.Generators.Emitting;

/// <summary>
/// Emits the policy's registry: read at run time from the data of the user tier's <c>[PolicyRegistryData]</c>
/// (<see cref="RegistryDataEmitter"/>), or, for data longer than the runtime reads, constructed in C#.
/// </summary>
/// <remarks>
/// The constructor calls were a quarter of the generated code (2.4 KB per dimension of 6 tiers), which the compiler
/// parsed, bound and compiled, and the JIT compiled again at the first use, to build what the attribute already holds
/// as data. The data is read from the attribute, not from a string constant, so it costs no room in the assembly's
/// user-string heap (16 MB for the whole assembly).
/// </remarks>
internal static class RegistryEmitter
{
    private const string Immutable = "global::System.Collections.Immutable.ImmutableArray";

    // PolicyRegistryData reads at most this many characters (it guards pac against hostile data).
    private const int MaxReadable = 16 * 1024 * 1024;

    /// <summary>Whether the registry is read from data of <paramref name="dataLength"/> characters rather than constructed.</summary>
    public static bool ReadsData(int dataLength) => dataLength <= MaxReadable;

    public static void Emit(SourceWriter writer, PolicyModel policy, int dataLength)
    {
        if (ReadsData(dataLength))
        {
            const string Data = "global::PolicyAsCode.Compiled.PolicyRegistryDataAttribute";
            writer.Line("public static readonly global::PolicyAsCode.PolicyRegistry Registry = global::PolicyAsCode.PolicyRegistryData.Read(");
            writer.Line($"    (({Data})global::System.Attribute.GetCustomAttribute(typeof({policy.UserTier.Qualified}), typeof({Data}))!).Data, {RegistryDataEmitter.Format});");
            return;
        }

        writer.Line("public static readonly global::PolicyAsCode.PolicyRegistry Registry = new global::PolicyAsCode.PolicyRegistry(");
        writer.Line("    " + Literals.String(policy.UserTier.FullName) + ",");
        List(writer, "global::PolicyAsCode.TierInfo", policy.Tiers.Select(t =>
            $"new global::PolicyAsCode.TierInfo({t.Index}, {Literals.String(t.Name)}, {Literals.String(t.TypeName)}, {Literals.Rank(t.Rank)}, {Array("int", t.Within.Select(Literals.Int))})"), true);
        List(writer, "global::PolicyAsCode.DimensionInfo", policy.Dimensions.Select(Dimension), true);
        List(writer, "global::PolicyAsCode.BoundRule", policy.Bounds.Select(b => Bound(b)), true);
        List(writer, "global::PolicyAsCode.ForbidRule", policy.Forbids.Select(f =>
            $"new global::PolicyAsCode.ForbidRule({f.Index}, {f.Tier}, {Literals.Hazard(f.Hazards)}, {Condition(f.When, f.Unless)}, {Literals.String(f.Reason)}, {(f.IsUsersOwn ? Literals.Int(f.Dimension) : "null")}, {Risks(f.Mitigates)})"), true);
        List(writer, "global::PolicyAsCode.WaiverClaim", policy.Waivers.Select(w =>
            $"new global::PolicyAsCode.WaiverClaim({w.Index}, {w.Claimant}, {w.Dimension}, {w.Waived}, {Condition(w.When, 0)}, {Literals.Bool(w.IsDelegated)})"), true);
        List(writer, "global::PolicyAsCode.TierDefault", policy.Defaults.Select(d =>
            $"new global::PolicyAsCode.TierDefault({d.Tier}, {d.Dimension}, {Literals.Value(policy.Dimensions[d.Dimension].Kind, d.Value)})"), true);
        // The optional lists follow, each only when the policy has one (by name after the first): a policy without them reads as before.
        var optional = new List<(string? Name, string Type, IEnumerable<string> Items)>();
        if (policy.NeverTogether.Count > 0)
        {
            // In its position, unnamed, as it was before the lists after it existed.
            optional.Add((null, "global::PolicyAsCode.Fact", policy.NeverTogether.Select(Literals.Fact)));
        }

        if (policy.CustomBenefits.Count > 0)
        {
            optional.Add(("customBenefits", "global::PolicyAsCode.BenefitInfo", policy.CustomBenefits.Select(b =>
                $"new global::PolicyAsCode.BenefitInfo({Custom("Benefit", b.Member)}, {Entry(b)})")));
        }

        if (policy.CustomRisks.Count > 0)
        {
            optional.Add(("customRisks", "global::PolicyAsCode.RiskInfo", policy.CustomRisks.Select(r =>
                $"new global::PolicyAsCode.RiskInfo({Custom("Risk", r.Member)}, {Entry(r)})")));
        }

        if (policy.Learning.Count > 0)
        {
            optional.Add(("learningRules", "global::PolicyAsCode.LearningRule", policy.Learning.Select(l =>
                $"new global::PolicyAsCode.LearningRule({l.Tier}, {l.Dimension}, {Literals.Bool(l.NotLearnable)}, {Literals.Bound(l.Range)}, {Literals.String(l.Source)}, {Literals.String(l.Reason)})")));
        }

        List(writer, "global::PolicyAsCode.HazardInfo", policy.CustomHazards.Select(h =>
            $"new global::PolicyAsCode.HazardInfo({Literals.Hazard(h.Hazard)}, {Literals.String(h.Code)}, {Literals.String(h.Description)})"), optional.Count > 0);
        for (var i = 0; i < optional.Count; i++)
        {
            List(writer, optional[i].Type, optional[i].Items, i < optional.Count - 1, optional[i].Name);
        }

        writer.Line(");");
    }

    // A project's own benefit or risk by its member name (Custom1 is 9001, ..., Custom8 is 9008); any other number as a cast.
    private static string Custom(string taxonomy, int member) =>
        member is >= 9001 and <= 9008
            ? $"global::PolicyAsCode.{taxonomy}.Custom{member - 9000}"
            : $"(global::PolicyAsCode.{taxonomy})({Literals.Int(member)})";

    private static string Entry(TaxonomyModel t) =>
        $"new global::PolicyAsCode.TaxonomyEntry({Literals.String(t.Id)}, {Literals.String(t.Title)}, global::PolicyAsCode.TaxonomyLevel.{(t.Level == 0 ? "Individual" : "Societal")}, {Literals.String(t.Description)})";

    private static string Dimension(DimensionModel d) =>
        $"new global::PolicyAsCode.DimensionInfo({d.Index}, {Literals.String(d.Name)}, global::PolicyAsCode.DimensionKind.{d.Kind}, {Literals.String(d.TypeName)}, "
        + $"{Array("string", d.Members.Select(m => Literals.String(m.Name)))}, {Array("long", d.Members.Select(m => Literals.Long(m.Value)))}, "
        + $"{Literals.Bound(d.Domain)}, {Literals.Bool(d.HigherIsStricter)}, {Literals.Value(d.Kind, d.Default)}, {Literals.Bool(d.HasInitialiser)}, "
        + $"{Literals.String(d.Description)}, {Benefits(d.Enables)}, {Risks(d.Mitigates)})"
        + Initialisers(d);

    // Only dimensions with [Instruction] or [Learnable] get an initialiser, so policies without either emit what they did before.
    private static string Initialisers(DimensionModel d)
    {
        var parts = new List<string>();
        if (d.Instructions.Count > 0)
        {
            parts.Add("Instructions = [" + string.Join(", ", d.Instructions.Select(i =>
                $"new global::PolicyAsCode.InstructionText({Literals.String(i.Template)}, {(i.For is { } only ? Literals.Value(d.Kind, only) : "null")}, {Literals.Bool(i.Waived)})")) + "]");
        }

        if (d.Learnable)
        {
            parts.Add("Learnable = true");
        }

        return parts.Count == 0 ? string.Empty : " { " + string.Join(", ", parts) + " }";
    }

    private static string Bound(BoundModel b) =>
        $"new global::PolicyAsCode.BoundRule({b.Index}, {b.Dimension}, {b.Tier}, global::PolicyAsCode.BoundForm.{b.Form}, {Literals.Bound(b.Bound)}, "
        + $"{Condition(b.When, b.Unless)}, {(b.WaivableBy == 0 ? "null" : Literals.Rank(b.WaivableBy))}, "
        + $"{Literals.String(b.Source)}, {Literals.String(b.Reason)}, {Benefits(b.Enables)}, {Risks(b.Mitigates)})";

    public static string Condition(uint when, uint unless) =>
        when == 0 && unless == 0 ? "default(global::PolicyAsCode.Condition)" : $"new global::PolicyAsCode.Condition({Literals.Fact(when)}, {Literals.Fact(unless)})";

    // Calls of the short constructors TableHelpers emits.
    private static string Benefits(EquatableArray<int> links) => $"Benefits({string.Join(", ", links.Select(Literals.Int))})";

    private static string Risks(EquatableArray<int> links) => $"Risks({string.Join(", ", links.Select(Literals.Int))})";

    private static string Array(string type, IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count == 0 ? $"{Immutable}<{type}>.Empty" : $"{Immutable}.Create<{type}>({string.Join(", ", list)})";
    }

    private static void List(SourceWriter writer, string type, IEnumerable<string> items, bool comma, string? name = null)
    {
        var list = items.ToList();
        var label = name is null ? string.Empty : name + ": ";
        if (list.Count == 0)
        {
            writer.Line($"    {label}{Immutable}<{type}>.Empty" + (comma ? "," : string.Empty));
            return;
        }

        writer.Line($"    {label}{Immutable}.Create<{type}>(");
        for (var i = 0; i < list.Count; i++)
        {
            writer.Line("        " + list[i] + (i < list.Count - 1 ? "," : string.Empty));
        }

        writer.Line("    )" + (comma ? "," : string.Empty));
    }
}
