using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json.Nodes;
using PolicyAsCode.Json;

namespace PolicyAsCode.Documents;

/// <summary>
/// The JSON Schema (draft 2020-12) of a policy's user preferences in one context: one property per dimension,
/// named as the preferences wire format names it (<see cref="PreferenceNames.JsonName"/>), holding exactly the
/// values a request may hold there and be granted as asked (<see cref="PolicyInterpreter.Allowed"/>), with its
/// title, the default a new user gets, and in the extension keyword <c>x-excluded</c> the values that exist but are
/// not offered, each with the tier, bound and reason that exclude it. It is built from <see cref="PreferenceChoices"/>,
/// so a schema and a settings page built from the choices say the same (docs/preferences-schema.md).
/// </summary>
/// <remarks>
/// <para>
/// The schema says what a settings UI may offer. It is not the reader's contract: the reader accepts any value of
/// a preference's type, and resolution clamps a value outside these bounds to the nearest allowed one.
/// </para>
/// <para>
/// Facts the context does not know are assumed to make conditional bounds apply, as resolution assumes them: with
/// no facts known, a bound written <c>When = Fact.Minor</c> narrows the schema, and a waiver the user may claim
/// only in a role-play does not widen it. Pass a context with the facts established to see what a known adult,
/// a consenting user or a role-play session may choose.
/// </para>
/// </remarks>
public static class PreferencesSchema
{
    /// <summary>The dialect every schema declares in <c>$schema</c>.</summary>
    public const string Dialect = "https://json-schema.org/draft/2020-12/schema";

    /// <summary>The schema of the preferences in <paramref name="jurisdiction"/>, with no facts known (conditional bounds apply).</summary>
    /// <param name="registry">The policy.</param>
    /// <param name="jurisdiction">
    /// A jurisdiction of the policy (one within another, DE within EU, applies the laws of both); any other (or null)
    /// applies every law at once.
    /// </param>
    /// <returns>A new schema object.</returns>
    public static JsonObject Create(PolicyRegistry registry, string? jurisdiction) => Create(registry, PolicyContext.In(jurisdiction));

    /// <summary>The schema of the preferences in <paramref name="context"/>.</summary>
    /// <param name="registry">The policy.</param>
    /// <param name="context">The jurisdiction and the facts known; unknown facts make conditional bounds apply.</param>
    /// <returns>A new schema object.</returns>
    public static JsonObject Create(PolicyRegistry registry, in PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var choices = PreferenceChoices.Create(registry, context);
        var jurisdiction = registry.MatchJurisdiction(context.Jurisdiction);
        var where = choices.Jurisdiction;

        // Named with the jurisdictions it sits within ("DE within EU"), as the kernel words it.
        var chain = jurisdiction >= 0 ? Wording.Jurisdiction(registry.Shape, jurisdiction) : null;

        var properties = new JsonObject();
        foreach (var dimension in choices.Dimensions)
        {
            var property = Property(dimension, OfferedFlags.Of(registry, dimension.Dimension));
            property["default"] = PreferencesJson.ValueNode(dimension.Dimension, dimension.Default);
            property["$comment"] = PolicyWording.BoundedBySentence(dimension.BoundedBy);
            if (Excluded(dimension) is { Count: > 0 } excluded)
            {
                property["x-excluded"] = excluded;
            }

            properties[dimension.JsonName] = property;
        }

        return new JsonObject
        {
            ["$schema"] = Dialect,
            ["$id"] = Id(registry, where, context),
            ["title"] = "Preferences of " + registry.UserTier.Name + " in " + (chain ?? "any jurisdiction (every law applies)"),
            ["description"] = Description(registry, jurisdiction, context),
            ["type"] = "object",
            ["additionalProperties"] = false,
            ["properties"] = properties,
        };
    }

    /// <summary>The schema of the preferences in <paramref name="context"/> as indented JSON text ending in a newline.</summary>
    /// <param name="registry">The policy.</param>
    /// <param name="context">The jurisdiction and the facts known; unknown facts make conditional bounds apply.</param>
    /// <returns>The schema's text, the same on every machine.</returns>
    public static string ToText(PolicyRegistry registry, in PolicyContext context) => DocumentJson.Write(Create(registry, context));

    private static JsonObject Property(DimensionChoices choices, ulong offered)
    {
        var dimension = choices.Dimension;
        var allowed = choices.Allowed;
        var property = new JsonObject { ["title"] = choices.Title, ["description"] = choices.Description };
        switch (dimension.Kind)
        {
            case DimensionKind.Boolean:
                property["type"] = "boolean";
                var allowsFalse = Lattice.Contains(allowed, DimensionValue.OfPosition(0));
                var allowsTrue = Lattice.Contains(allowed, DimensionValue.OfPosition(1));
                if (allowsFalse != allowsTrue)
                {
                    property["const"] = allowsTrue;
                }

                break;
            case DimensionKind.Integer:
            case DimensionKind.Real:
                property["type"] = dimension.Kind == DimensionKind.Integer ? "integer" : "number";
                if (allowed.Lo > dimension.Domain.Lo)
                {
                    property["minimum"] = Number(dimension, allowed.Lo);
                }

                if (allowed.Hi < dimension.Domain.Hi)
                {
                    property["maximum"] = Number(dimension, allowed.Hi);
                }

                break;
            case DimensionKind.Set:
                property["type"] = "array";
                property["uniqueItems"] = true;
                // Only the flags offered (OfferedFlags): a custom hazard the policy never names is not listed.
                var permitted = DocumentJson.Strings(PreferenceFlags.Within(dimension, allowed.Ceiling & offered));
                if (permitted.Count == 0)
                {
                    property["maxItems"] = 0;
                }
                else
                {
                    property["items"] = new JsonObject { ["type"] = "string", ["enum"] = permitted };
                }

                // The floor's flags, each given by any member holding it (a composite member gives several).
                var required = PreferenceFlags.Requirements(dimension, allowed.Floor, allowed.Ceiling & offered);
                if (required.Count > 0)
                {
                    var all = new JsonArray();
                    foreach (var holders in required)
                    {
                        var item = holders.Count == 1 ? new JsonObject { ["const"] = holders[0] } : new JsonObject { ["enum"] = DocumentJson.Strings(holders) };
                        all.Add((JsonNode)new JsonObject { ["contains"] = item });
                    }

                    property["allOf"] = all;
                }

                break;
            default:
                property["type"] = "string";
                var members = new List<string>();
                for (var p = 0; p < dimension.Members.Length; p++)
                {
                    if (Lattice.Contains(allowed, DimensionValue.OfPosition(p)))
                    {
                        members.Add(dimension.Members[p]);
                    }
                }

                property["enum"] = DocumentJson.Strings(members);
                break;
        }

        return property;
    }

    private static JsonValue Number(DimensionInfo dimension, double value) => PreferenceChoicesJson.Number(dimension, value);

    // The values that exist but are not offered, each with what excludes it: the options a request of which
    // resolution adjusts, or for numbers the number just below the minimum and just above the maximum.
    private static JsonArray Excluded(DimensionChoices choices)
    {
        var excluded = new JsonArray();
        if (choices.Range is { } range)
        {
            if (range.BelowMinimum is { } below)
            {
                excluded.Add((JsonNode)Entry("below", Number(choices.Dimension, range.Minimum), below));
            }

            if (range.AboveMaximum is { } above)
            {
                excluded.Add((JsonNode)Entry("above", Number(choices.Dimension, range.Maximum), above));
            }

            return excluded;
        }

        foreach (var option in choices.Options)
        {
            if (option.ExcludedBy is { } exclusion)
            {
                excluded.Add((JsonNode)Entry("value", PreferenceChoicesJson.OptionValue(choices, option), exclusion));
            }
        }

        return excluded;
    }

    private static JsonObject Entry(string key, JsonNode value, Exclusion exclusion)
    {
        var entry = new JsonObject { [key] = value };
        foreach (var (name, node) in PreferenceChoicesJson.ExcludedBy(exclusion))
        {
            entry[name] = node?.DeepClone();
        }

        return entry;
    }


    private static string Id(PolicyRegistry registry, string? jurisdiction, in PolicyContext context)
    {
        var id = new StringBuilder("urn:policyascode:preferences:")
            .Append(Uri.EscapeDataString(registry.Name)).Append(':')
            .Append(jurisdiction is null ? "any" : Uri.EscapeDataString(jurisdiction));
        foreach (var fact in PolicyWording.Facts)
        {
            if ((context.Known & fact) != 0)
            {
                id.Append(':').Append(fact.ToString()).Append('=').Append((context.Facts & fact) != 0 ? "true" : "false");
            }
        }

        return id.ToString();
    }

    // "EU"; for a jurisdiction within others, the chain and every law that applies there, each with its level:
    // "DE within EU, where the law of EU and the law of DE within EU apply". The kernel decides which laws apply.
    private static string Where(PolicyRegistry registry, int jurisdiction)
    {
        var chain = Wording.Jurisdiction(registry.Shape, jurisdiction);
        if (registry.Shape.Enclosing(jurisdiction).IsEmpty)
        {
            return chain;
        }

        var laws = new List<string>();
        foreach (var tier in registry.Tiers)
        {
            if (tier.Rank == TierRank.Immutable && registry.TierApplies(tier.Index, jurisdiction))
            {
                laws.Add("the " + PolicyWording.Tier(tier));
            }
        }

        return chain + ", where " + PolicyWording.Join(laws, "and") + " apply";
    }

    private static string Description(PolicyRegistry registry, int jurisdiction, in PolicyContext context)
    {
        var known = new List<string>();
        foreach (var fact in PolicyWording.Facts)
        {
            if ((context.Known & fact) != 0)
            {
                known.Add(PolicyWording.FactText(fact) + ((context.Facts & fact) != 0 ? " (true)" : " (false)"));
            }
        }

        return "What a user of the policy " + registry.Name + " may choose "
            + (jurisdiction < 0 ? "where no jurisdiction of the policy is named (every law applies)" : "in " + Where(registry, jurisdiction))
            + (known.Count == 0 ? ", with nothing known about the user: " : ", knowing whether " + string.Join("; ", known) + ". For any other fact: ")
            + "every bound that depends on a fact not known applies, and no waiver that depends on one holds. "
            + "A settings UI may offer what this schema allows; the reader accepts any value of a preference's type, "
            + "and resolution clamps a value outside these bounds to the nearest allowed one.";
    }
}
