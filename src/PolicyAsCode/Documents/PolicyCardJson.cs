using System;
using System.Collections.Immutable;
using System.Text.Json;

namespace PolicyAsCode.Documents;

/// <summary>Writes a <see cref="PolicyCard"/> as JSON: the model's fields in camelCase, absent values as null.</summary>
internal static class PolicyCardJson
{
    public static string Write(PolicyCard card) => DocumentJson.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString("policy", card.Policy);
        w.WriteString("userTier", card.UserTier);
        Strings(w, "organisations", card.Organisations);
        Array(w, "jurisdictions", card.Jurisdictions, jurisdiction => Jurisdiction(w, jurisdiction));
        Alignment(w, card.Alignment);
        w.WriteEndObject();
    });

    private static void Alignment(Utf8JsonWriter w, CardAlignment alignment)
    {
        w.WriteStartObject("alignment");
        w.WriteString("datasheet", alignment.Datasheet);
        Array(w, "jurisdictions", alignment.Jurisdictions, jurisdiction =>
        {
            w.WriteStartObject();
            w.WriteString("jurisdiction", jurisdiction.Name);
            Array(w, "dimensions", jurisdiction.Dimensions, learning =>
            {
                w.WriteStartObject();
                w.WriteString("name", learning.Dimension);
                w.WriteBoolean("learnable", learning.Learnable);
                w.WriteString("within", learning.Within);
                w.WriteString("range", learning.Range);
                w.WriteString("offBy", learning.OffBy);
                w.WriteString("reason", learning.Reason);
                w.WriteEndObject();
            });
            w.WriteEndObject();
        });
        w.WriteEndObject();
    }

    private static void Jurisdiction(Utf8JsonWriter w, CardJurisdiction jurisdiction)
    {
        w.WriteStartObject();
        w.WriteString("jurisdiction", jurisdiction.Name);
        Strings(w, "within", jurisdiction.Within);
        Strings(w, "laws", jurisdiction.Laws);
        Strings(w, "tiers", jurisdiction.Tiers);
        Array(w, "dimensions", jurisdiction.Dimensions, dimension => Dimension(w, dimension));
        Array(w, "forbids", jurisdiction.Forbids, rule =>
        {
            w.WriteStartObject();
            w.WriteString("tier", rule.Tier);
            w.WriteString("rank", PolicyWording.Rank(rule.Rank));
            Links(w, "hazards", rule.Hazards);
            w.WriteString("condition", rule.Condition);
            w.WriteString("reason", rule.Reason);
            w.WriteString("userList", rule.UserList);
            Links(w, "mitigates", rule.Mitigates);
            w.WriteEndObject();
        });
        Array(w, "waivers", jurisdiction.Waivers, waiver =>
        {
            w.WriteStartObject();
            w.WriteString("dimension", waiver.Dimension);
            w.WriteString("waivedTier", waiver.WaivedTier);
            w.WriteString("bounds", waiver.Bounds);
            w.WriteString("claimant", waiver.Claimant);
            w.WriteString("condition", waiver.Condition);
            w.WriteBoolean("isDelegated", waiver.IsDelegated);
            w.WriteEndObject();
        });
        w.WriteEndObject();
    }

    private static void Dimension(Utf8JsonWriter w, CardDimension dimension)
    {
        w.WriteStartObject();
        w.WriteString("name", dimension.Name);
        w.WriteString("jsonName", dimension.JsonName);
        w.WriteString("description", dimension.Description);
        w.WriteString("default", dimension.Default);
        w.WriteString("allows", dimension.Allows);
        w.WriteString("allowsWhenNoFactHolds", dimension.AllowsWhenNoFactHolds);
        Array(w, "whenFacts", dimension.WhenFacts, fact =>
        {
            w.WriteStartObject();
            w.WriteString("fact", fact.Fact);
            w.WriteString("allows", fact.Allows);
            w.WriteEndObject();
        });
        Array(w, "bounds", dimension.Bounds, bound =>
        {
            w.WriteStartObject();
            w.WriteString("tier", bound.Tier);
            w.WriteString("rank", PolicyWording.Rank(bound.Rank));
            w.WriteString("source", bound.Source);
            w.WriteString("allows", bound.Allows);
            w.WriteString("condition", bound.Condition);
            w.WriteString("reason", bound.Reason);
            w.WriteString("waivableBy", bound.WaivableBy);
            Links(w, "enables", bound.Enables);
            Links(w, "mitigates", bound.Mitigates);
            w.WriteEndObject();
        });
        Links(w, "enables", dimension.Enables);
        Links(w, "mitigates", dimension.Mitigates);
        w.WriteEndObject();
    }

    private static void Links(Utf8JsonWriter w, string name, ImmutableArray<CardLink> links) =>
        Array(w, name, links, link =>
        {
            w.WriteStartObject();
            w.WriteString("id", link.Id);
            w.WriteString("title", link.Title);
            w.WriteString("description", link.Description);
            w.WriteEndObject();
        });

    private static void Strings(Utf8JsonWriter w, string name, ImmutableArray<string> values) => Array(w, name, values, w.WriteStringValue);

    private static void Array<T>(Utf8JsonWriter w, string name, ImmutableArray<T> items, Action<T> write)
    {
        w.WriteStartArray(name);
        foreach (var item in items)
        {
            write(item);
        }

        w.WriteEndArray();
    }
}
