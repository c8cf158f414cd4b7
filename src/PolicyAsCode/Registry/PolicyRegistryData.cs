using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;

namespace PolicyAsCode;

/// <summary>
/// Reads a registry from the constant data the generator puts on each user tier
/// (<see cref="Compiled.PolicyRegistryDataAttribute"/>): the same policy the generated <c>Registry</c> property builds,
/// readable from the assembly's metadata without running it. The format is JSON, versioned by <see cref="Format"/>;
/// every object must hold exactly its fields, so data of another version is never half understood. Format 2 added the
/// project's own benefits and risks (<c>benefits</c>, <c>risks</c>); format 3 each dimension's <c>instructions</c>
/// (<see cref="InstructionAttribute"/>); data of older formats, which lack them, still reads.
/// </summary>
public static class PolicyRegistryData
{
    /// <summary>The version of the format this library reads and the generator writes.</summary>
    public const int Format = 3;

    /// <summary>The oldest version of the format this library still reads.</summary>
    public const int OldestFormat = 1;

    // Large enough for any real policy, small enough that hostile data costs little to reject.
    private const int MaxLength = 16 * 1024 * 1024;

    /// <summary>Reads a registry from <paramref name="data"/> of format <see cref="Format"/>.</summary>
    /// <exception cref="FormatException">The data is not a registry of this format; the message names the path of the fault.</exception>
    public static PolicyRegistry Read(string data) => Read(data, Format);

    /// <summary>Reads a registry from <paramref name="data"/> of <paramref name="format"/>, from <see cref="OldestFormat"/> to <see cref="Format"/>.</summary>
    /// <exception cref="FormatException">The data is not a registry of that format, or this library does not read the format; the message names the path of the fault.</exception>
    public static PolicyRegistry Read(string data, int format)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (format is < OldestFormat or > Format)
        {
            throw new FormatException($"the policy data is of format {format}; this library reads formats {OldestFormat} to {Format}.");
        }

        if (data.Length > MaxLength)
        {
            throw new FormatException($"the policy data is {data.Length} characters long; at most {MaxLength} are read.");
        }

        try
        {
            using var document = JsonDocument.Parse(data);
            return Registry(document.RootElement, format);
        }
        catch (JsonException e)
        {
            throw new FormatException("the policy data is not valid JSON: " + e.Message, e);
        }
        catch (ArgumentException e)
        {
            // The registry refuses what no generator writes (more hazard rules than a decision can track).
            throw new FormatException("the policy data is not a valid registry: " + e.Message, e);
        }
    }

    private static PolicyRegistry Registry(JsonElement root, int format)
    {
        string[] fields = format >= 2
            ? ["name", "tiers", "dimensions", "bounds", "forbids", "waivers", "defaults", "hazards", "neverTogether", "benefits", "risks"]
            : ["name", "tiers", "dimensions", "bounds", "forbids", "waivers", "defaults", "hazards", "neverTogether"];
        var o = Fields(root, "$", fields);
        var tiers = List(o[1], "$.tiers", Tier);
        var dimensions = List(o[2], "$.dimensions", (e, p) => Dimension(e, p, format));
        var bounds = List(o[3], "$.bounds", Rule);
        var forbids = List(o[4], "$.forbids", Forbid);
        var waivers = List(o[5], "$.waivers", Waiver);
        var defaults = List(o[6], "$.defaults", (e, p) => Default(e, p, dimensions));
        var hazards = List(o[7], "$.hazards", Hazard);
        var never = List(o[8], "$.neverTogether", (e, p) => (Fact)UInt(e, p));
        var benefits = format >= 2 ? List(o[9], "$.benefits", (e, p) => Custom(e, p, "benefit", (n, entry) => new BenefitInfo((Benefit)n, entry))) : [];
        var risks = format >= 2 ? List(o[10], "$.risks", (e, p) => Custom(e, p, "risk", (n, entry) => new RiskInfo((Risk)n, entry))) : [];

        Check(tiers.Length > 0, "$.tiers", "a policy has at least its user tier");
        for (var i = 0; i < tiers.Length; i++)
        {
            Check(tiers[i].Index == i, $"$.tiers[{i}].index", "must be the tier's position");
            foreach (var within in tiers[i].Within)
            {
                Check(within >= 0 && within < tiers.Length, $"$.tiers[{i}].within", "names no tier");
            }
        }

        for (var i = 0; i < dimensions.Length; i++)
        {
            Check(dimensions[i].Index == i, $"$.dimensions[{i}].index", "must be the dimension's position");
        }

        for (var i = 0; i < bounds.Length; i++)
        {
            Check(bounds[i].Index == i, $"$.bounds[{i}].index", "must be the bound's position");
            In(bounds[i].Dimension, dimensions.Length, $"$.bounds[{i}].dimension");
            In(bounds[i].Tier, tiers.Length, $"$.bounds[{i}].tier");
            Check(bounds[i].Bound.Kind == dimensions[bounds[i].Dimension].Kind, $"$.bounds[{i}].bound.kind", "must be its dimension's kind");
        }

        for (var i = 0; i < forbids.Length; i++)
        {
            Check(forbids[i].Index == i, $"$.forbids[{i}].index", "must be the rule's position");
            In(forbids[i].Tier, tiers.Length, $"$.forbids[{i}].tier");
            In(forbids[i].Dimension ?? 0, forbids[i].Dimension is null ? 1 : dimensions.Length, $"$.forbids[{i}].dimension");
        }

        for (var i = 0; i < waivers.Length; i++)
        {
            Check(waivers[i].Index == i, $"$.waivers[{i}].index", "must be the waiver's position");
            In(waivers[i].Claimant, tiers.Length, $"$.waivers[{i}].claimant");
            In(waivers[i].Waived, tiers.Length, $"$.waivers[{i}].waived");
            In(waivers[i].Dimension, dimensions.Length, $"$.waivers[{i}].dimension");
        }

        for (var i = 0; i < defaults.Length; i++)
        {
            In(defaults[i].Tier, tiers.Length, $"$.defaults[{i}].tier");
        }

        return new PolicyRegistry(Text(o[0], "$.name"), tiers, dimensions, bounds, forbids, waivers, defaults, hazards, never, benefits, risks);
    }

    private static TierInfo Tier(JsonElement e, string path)
    {
        var o = Fields(e, path, "index", "name", "type", "rank", "within");
        var rank = Int(o[3], path + ".rank");
        Check(rank is (int)TierRank.Immutable or (int)TierRank.Organisation or (int)TierRank.User, path + ".rank", "is no tier rank");
        return new TierInfo(Int(o[0], path + ".index"), Text(o[1], path + ".name"), Text(o[2], path + ".type"), (TierRank)rank, List(o[4], path + ".within", Int));
    }

    private static DimensionInfo Dimension(JsonElement e, string path, int format)
    {
        string[] fields = format >= 3
            ? ["index", "name", "kind", "type", "members", "memberValues", "domain", "higherIsStricter", "default", "hasInitialiser", "description", "enables", "mitigates", "instructions"]
            : ["index", "name", "kind", "type", "members", "memberValues", "domain", "higherIsStricter", "default", "hasInitialiser", "description", "enables", "mitigates"];
        var o = Fields(e, path, fields);
        var kind = Name<DimensionKind>(o[2], path + ".kind");
        var members = List(o[4], path + ".members", Text);
        var values = List(o[5], path + ".memberValues", Long);
        Check(members.Length == values.Length && members.Length <= Lattice.MaxMembers, path + ".memberValues", "must give one value per member, at most " + Lattice.MaxMembers);
        return new DimensionInfo(
            Int(o[0], path + ".index"), Text(o[1], path + ".name"), kind, Text(o[3], path + ".type"), members, values,
            Bound(o[6], path + ".domain", kind), Bool(o[7], path + ".higherIsStricter"), Value(o[8], path + ".default", kind),
            Bool(o[9], path + ".hasInitialiser"), OptionalText(o[10], path + ".description"),
            List(o[11], path + ".enables", (x, p) => (Benefit)Int(x, p)), List(o[12], path + ".mitigates", (x, p) => (Risk)Int(x, p)))
        {
            Instructions = format >= 3 ? List(o[13], path + ".instructions", (x, p) => Instruction(x, p, kind)) : [],
        };
    }

    private static InstructionText Instruction(JsonElement e, string path, DimensionKind kind)
    {
        var o = Fields(e, path, "text", "for", "waived");
        return new InstructionText(
            Text(o[0], path + ".text"),
            o[1].ValueKind == JsonValueKind.Null ? null : Value(o[1], path + ".for", kind),
            Bool(o[2], path + ".waived"));
    }

    private static BoundRule Rule(JsonElement e, string path)
    {
        var o = Fields(e, path, "index", "dimension", "tier", "form", "bound", "when", "unless", "waivableBy", "source", "reason", "enables", "mitigates");
        var bound = o[4];
        var kind = Name<DimensionKind>(Fields(bound, path + ".bound", "kind", "lo", "hi", "floor", "ceiling")[0], path + ".bound.kind");
        int? waivableBy = o[7].ValueKind == JsonValueKind.Null ? null : Int(o[7], path + ".waivableBy");
        return new BoundRule(
            Int(o[0], path + ".index"), Int(o[1], path + ".dimension"), Int(o[2], path + ".tier"), Name<BoundForm>(o[3], path + ".form"),
            Bound(bound, path + ".bound", kind), Condition(o[5], o[6], path), waivableBy is { } rank ? (TierRank)rank : null,
            Text(o[8], path + ".source"), OptionalText(o[9], path + ".reason"),
            List(o[10], path + ".enables", (x, p) => (Benefit)Int(x, p)), List(o[11], path + ".mitigates", (x, p) => (Risk)Int(x, p)));
    }

    private static ForbidRule Forbid(JsonElement e, string path)
    {
        var o = Fields(e, path, "index", "tier", "hazards", "when", "unless", "reason", "dimension", "mitigates");
        int? dimension = o[6].ValueKind == JsonValueKind.Null ? null : Int(o[6], path + ".dimension");
        return new ForbidRule(
            Int(o[0], path + ".index"), Int(o[1], path + ".tier"), (Hazard)Mask(o[2], path + ".hazards"), Condition(o[3], o[4], path),
            OptionalText(o[5], path + ".reason"), dimension, List(o[7], path + ".mitigates", (x, p) => (Risk)Int(x, p)));
    }

    private static WaiverClaim Waiver(JsonElement e, string path)
    {
        var o = Fields(e, path, "index", "claimant", "dimension", "waived", "when", "delegated");
        return new WaiverClaim(
            Int(o[0], path + ".index"), Int(o[1], path + ".claimant"), Int(o[2], path + ".dimension"), Int(o[3], path + ".waived"),
            new Condition((Fact)UInt(o[4], path + ".when"), Fact.None), Bool(o[5], path + ".delegated"));
    }

    private static TierDefault Default(JsonElement e, string path, ImmutableArray<DimensionInfo> dimensions)
    {
        var o = Fields(e, path, "tier", "dimension", "value");
        var dimension = Int(o[1], path + ".dimension");
        In(dimension, dimensions.Length, path + ".dimension");
        return new TierDefault(Int(o[0], path + ".tier"), dimension, Value(o[2], path + ".value", dimensions[dimension].Kind));
    }

    private static HazardInfo Hazard(JsonElement e, string path)
    {
        var o = Fields(e, path, "hazard", "code", "description");
        return new HazardInfo((Hazard)Mask(o[0], path + ".hazard"), Text(o[1], path + ".code"), Text(o[2], path + ".description"));
    }

    // A project's own benefit or risk; the registry checks the member, the id and that none repeats.
    private static T Custom<T>(JsonElement e, string path, string kind, Func<int, TaxonomyEntry, T> create)
    {
        var o = Fields(e, path, kind, "id", "level", "title", "description");
        return create(
            Int(o[0], path + "." + kind),
            new TaxonomyEntry(Text(o[1], path + ".id"), Text(o[3], path + ".title"), Name<TaxonomyLevel>(o[2], path + ".level"), Text(o[4], path + ".description")));
    }

    private static Bound Bound(JsonElement e, string path, DimensionKind kind)
    {
        var o = Fields(e, path, "kind", "lo", "hi", "floor", "ceiling");
        Check(Name<DimensionKind>(o[0], path + ".kind") == kind, path + ".kind", "must be the dimension's kind, " + kind);
        return new Bound(kind, Number(o[1], path + ".lo"), Number(o[2], path + ".hi"), Mask(o[3], path + ".floor"), Mask(o[4], path + ".ceiling"));
    }

    // Numbers are JSON numbers; members and sets are masks (hex strings), as the lattice encodes them.
    private static DimensionValue Value(JsonElement e, string path, DimensionKind kind) =>
        kind is DimensionKind.Integer or DimensionKind.Real ? DimensionValue.OfNumber(Number(e, path)) : DimensionValue.OfMask(Mask(e, path));

    private static Condition Condition(JsonElement when, JsonElement unless, string path) =>
        new((Fact)UInt(when, path + ".when"), (Fact)UInt(unless, path + ".unless"));

    // The values of an object's fields in the order named; exactly those fields, each once.
    private static JsonElement[] Fields(JsonElement e, string path, params string[] names)
    {
        Check(e.ValueKind == JsonValueKind.Object, path, "must be an object");
        var values = new JsonElement[names.Length];
        var seen = new bool[names.Length];
        foreach (var property in e.EnumerateObject())
        {
            var i = Array.IndexOf(names, property.Name);
            Check(i >= 0, path, $"has a field this format does not know: \"{property.Name}\"");
            Check(!seen[i], path, $"has the field \"{property.Name}\" twice");
            seen[i] = true;
            values[i] = property.Value;
        }

        var missing = Array.IndexOf(seen, false);
        Check(missing < 0, path, missing < 0 ? string.Empty : $"misses the field \"{names[missing]}\"");
        return values;
    }

    private static ImmutableArray<T> List<T>(JsonElement e, string path, Func<JsonElement, string, T> item)
    {
        Check(e.ValueKind == JsonValueKind.Array, path, "must be an array");
        var builder = ImmutableArray.CreateBuilder<T>(e.GetArrayLength());
        var i = 0;
        foreach (var element in e.EnumerateArray())
        {
            builder.Add(item(element, path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]"));
            i++;
        }

        return builder.MoveToImmutable();
    }

    private static string Text(JsonElement e, string path)
    {
        Check(e.ValueKind == JsonValueKind.String, path, "must be a string");
        return e.GetString()!;
    }

    private static string? OptionalText(JsonElement e, string path) => e.ValueKind == JsonValueKind.Null ? null : Text(e, path);

    private static bool Bool(JsonElement e, string path)
    {
        Check(e.ValueKind is JsonValueKind.True or JsonValueKind.False, path, "must be true or false");
        return e.GetBoolean();
    }

    private static int Int(JsonElement e, string path)
    {
        Check(e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out _), path, "must be a 32-bit integer");
        return e.GetInt32();
    }

    private static uint UInt(JsonElement e, string path)
    {
        Check(e.ValueKind == JsonValueKind.Number && e.TryGetUInt32(out _), path, "must be an unsigned 32-bit integer");
        return e.GetUInt32();
    }

    private static long Long(JsonElement e, string path)
    {
        Check(e.ValueKind == JsonValueKind.Number && e.TryGetInt64(out _), path, "must be a 64-bit integer");
        return e.GetInt64();
    }

    // A mask is "0x" and hex digits: a JSON number would lose bits above 2^53 in many readers.
    private static ulong Mask(JsonElement e, string path)
    {
        var text = e.ValueKind == JsonValueKind.String ? e.GetString()! : string.Empty;
        Check(
            text.StartsWith("0x", StringComparison.Ordinal) && text.Length is > 2 and <= 18
            && ulong.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out _),
            path,
            "must be a mask, \"0x\" and up to 16 hex digits");
        return ulong.Parse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
    }

    // A finite number is a JSON number written to round-trip; the others are named, as JSON has no literal for them.
    private static double Number(JsonElement e, string path)
    {
        if (e.ValueKind == JsonValueKind.String)
        {
            return e.GetString() switch
            {
                "NaN" => double.NaN,
                "Infinity" => double.PositiveInfinity,
                "-Infinity" => double.NegativeInfinity,
                _ => throw Fault(path, "must be a number, \"NaN\", \"Infinity\" or \"-Infinity\""),
            };
        }

        Check(e.ValueKind == JsonValueKind.Number && e.TryGetDouble(out var number) && double.IsFinite(number), path, "must be a finite number");
        return e.GetDouble();
    }

    private static T Name<T>(JsonElement e, string path)
        where T : struct, Enum
    {
        var text = e.ValueKind == JsonValueKind.String ? e.GetString()! : string.Empty;
        Check(Array.IndexOf(Enum.GetNames<T>(), text) >= 0, path, $"must name a {typeof(T).Name}");
        return Enum.Parse<T>(text);
    }

    private static void In(int index, int count, string path) => Check(index >= 0 && index < count, path, "is out of range");

    private static void Check(bool condition, string path, string message)
    {
        if (!condition)
        {
            throw Fault(path, message);
        }
    }

    private static FormatException Fault(string path, string message) => new($"policy data {path} {message}.");
}
