using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace PolicyAsCode.Documents;

/// <summary>Writes a <see cref="PolicyCard"/> as Markdown for an auditor: plain sentences, sources quoted as written.</summary>
internal static class PolicyCardMarkdown
{
    public static string Write(PolicyCard card)
    {
        var md = new StringBuilder();
        var named = new SortedDictionary<string, CardLink>(StringComparer.Ordinal);
        Line(md, "# Policy card: " + card.UserTier);
        Line(md);
        Line(md, "This card describes the policy `" + card.Policy + "`: what the users of an assistant may personalise, within which bounds, "
            + "who set each bound and why. It holds " + PolicyWording.Join(Holds(card), "and") + ".");
        Line(md);
        Line(md, "**How to read this card.** Each jurisdiction lists every preference a user may set: what a user may choose when nothing "
            + "is known about them (every bound that depends on a fact then applies), how that changes once facts about the user are known, "
            + "the default, and every bound with the tier that set it, its text as written in the policy, its reason and the benefits and risks "
            + "it is linked to. Law comes first, then the organisation, then the user tier; a lower tier can only narrow what a higher tier "
            + "allows. Then come the content each tier refuses and the waivers. Where a request names a jurisdiction this card does not list, "
            + "every law applies at once."
            + (FirstNested(card) is { } nested
                ? " A jurisdiction within another (its heading says so: \"" + Title(nested) + "\") applies its own law and the law of every "
                    + "jurisdiction it is within, the outer first; its own law may only narrow theirs, and every rule names the law that set it "
                    + "(\"" + nested.Laws[^1] + "\", \"" + nested.Laws[0] + "\")."
                : string.Empty));

        foreach (var jurisdiction in card.Jurisdictions)
        {
            Line(md);
            Line(md, "## In " + Title(jurisdiction));
            Line(md);
            if (!jurisdiction.Within.IsEmpty)
            {
                // The levels that apply, as the card's model lists them (the kernel decided which): never re-derived here.
                Line(md, jurisdiction.Name + " is within " + PolicyWording.Join(jurisdiction.Within.Select(w => w), "and") + ": a request in "
                    + jurisdiction.Name + " applies " + PolicyWording.Join(jurisdiction.Laws.Select(l => "the " + l), "and") + ". The law of "
                    + jurisdiction.Name + " may only narrow the laws it is within; each bound, refusal and waiver below names its level.");
                Line(md);
            }

            Line(md, "Tiers that apply: " + PolicyWording.Join(jurisdiction.Tiers.Select(t => t), "and") + ".");
            Line(md);
            Line(md, "### Preferences");
            foreach (var dimension in jurisdiction.Dimensions)
            {
                Dimension(md, dimension, named);
            }

            Line(md);
            Line(md, "### Content refused");
            Line(md);
            if (jurisdiction.Forbids.IsEmpty)
            {
                Line(md, "No tier refuses any content category here.");
            }

            var n = 0;
            foreach (var rule in jurisdiction.Forbids)
            {
                Remember(named, rule.Hazards);
                Remember(named, rule.Mitigates);
                var hazards = PolicyWording.Join(rule.Hazards.Select(Hazard), "and");
                var text = rule.UserList is { } list
                    ? "Each user may list, in `" + list + "`, content to refuse for themselves, from: " + hazards + "."
                    : Capitalise(rule.Tier) + " refuses " + hazards + ", " + (rule.Condition ?? "always") + ".";
                Line(md, Number(++n) + text + Reason(rule.Reason) + Links("Mitigates", rule.Mitigates));
            }

            Line(md);
            Line(md, "### Waivers");
            Line(md);
            if (jurisdiction.Waivers.IsEmpty)
            {
                Line(md, "No tier waives a bound here.");
            }

            n = 0;
            foreach (var waiver in jurisdiction.Waivers)
            {
                var when = waiver.Condition is null ? "at any time" : waiver.Condition + " (established, never assumed)";
                Line(md, Number(++n) + (waiver.IsDelegated
                    ? Capitalise(waiver.Claimant) + " may waive the " + waiver.WaivedTier + "'s `" + waiver.Bounds + "` on " + waiver.Dimension + ", " + when
                        + ". The " + waiver.WaivedTier + " delegated this waiver."
                    : Capitalise(waiver.Claimant) + " claims a waiver of the " + waiver.WaivedTier + "'s bounds on " + waiver.Dimension
                        + " that was not delegated to it; the claim has no effect."));
            }
        }

        Alignment(md, card.Alignment);
        Line(md);
        Line(md, "## Benefits, risks and hazards named in this card");
        Line(md);
        var order = new List<CardLink>(named.Values);
        order.Sort((a, b) => CatalogueOrder(a).CompareTo(CatalogueOrder(b)) is var c && c != 0 ? c : string.CompareOrdinal(a.Id, b.Id));
        foreach (var link in order)
        {
            Line(md, "- **" + link.Title + "** (`" + link.Id + "`)" + (link.Description.Length == 0 ? "." : ": " + link.Description));
        }

        return md.ToString();
    }

    // What the card holds: every law its jurisdictions apply (each once, with its level), the organisations, the user tier.
    private static List<string> Holds(PolicyCard card)
    {
        var parts = new List<string>();
        foreach (var jurisdiction in card.Jurisdictions)
        {
            foreach (var law in jurisdiction.Laws)
            {
                if (!parts.Contains("the " + law))
                {
                    parts.Add("the " + law);
                }
            }
        }

        if (!card.Organisations.IsEmpty)
        {
            parts.Add("the organisation " + PolicyWording.Join(card.Organisations.Select(o => o), "and"));
        }

        parts.Add("the preferences of the user tier " + card.UserTier);
        return parts;
    }

    // The first jurisdiction within another, the card's own example of how nested laws read; null when there is none.
    private static CardJurisdiction? FirstNested(PolicyCard card)
    {
        foreach (var jurisdiction in card.Jurisdictions)
        {
            if (!jurisdiction.Within.IsEmpty && jurisdiction.Laws.Length > 1)
            {
                return jurisdiction;
            }
        }

        return null;
    }

    /// <summary>A jurisdiction with the ones it sits within, as the kernel words it: "DE within EU".</summary>
    private static string Title(CardJurisdiction jurisdiction) =>
        jurisdiction.Within.IsEmpty ? jurisdiction.Name : jurisdiction.Name + " " + Wording.Within(jurisdiction.Within);

    private static void Dimension(StringBuilder md, CardDimension dimension, SortedDictionary<string, CardLink> named)
    {
        Line(md);
        Line(md, "#### " + dimension.Name);
        Line(md);
        Line(md, (dimension.Description is { Length: > 0 } description ? Sentence(description) + " " : string.Empty)
            + "Written `" + dimension.JsonName + "` in preference files.");
        Line(md);
        Line(md, "- A user may choose: " + dimension.Allows + ".");
        if (dimension.AllowsWhenNoFactHolds is { } none)
        {
            Line(md, "- Once it is known that none of the facts this policy depends on holds: " + none + ".");
        }

        foreach (var fact in dimension.WhenFacts)
        {
            Line(md, "- If " + fact.Fact + " (and no other fact holds): " + fact.Allows + ".");
        }

        Line(md, "- Default: " + dimension.Default + ".");
        if (!dimension.Enables.IsEmpty || !dimension.Mitigates.IsEmpty)
        {
            Line(md, "-" + Links("Enables", dimension.Enables) + Links("Mitigates", dimension.Mitigates));
        }

        Remember(named, dimension.Enables);
        Remember(named, dimension.Mitigates);
        Line(md);
        if (dimension.Bounds.IsEmpty)
        {
            Line(md, "No tier bounds this preference: any value of its type may be chosen.");
            return;
        }

        Line(md, "Bounds, higher tiers first:");
        Line(md);
        var n = 0;
        foreach (var bound in dimension.Bounds)
        {
            Remember(named, bound.Enables);
            Remember(named, bound.Mitigates);
            Line(md, Number(++n) + Capitalise(bound.Tier) + (bound.Condition is null ? string.Empty : ", " + bound.Condition) + ": `" + bound.Source
                + "` allows " + bound.Allows + "." + Reason(bound.Reason)
                + (bound.WaivableBy is null ? string.Empty : " It may be waived by " + bound.WaivableBy + ".")
                + Links("Enables", bound.Enables) + Links("Mitigates", bound.Mitigates));
        }
    }

    // Whose feedback may move what: the datasheet first, then per jurisdiction what learning may reach and where it is off.
    private static void Alignment(StringBuilder md, CardAlignment alignment)
    {
        Line(md);
        Line(md, "## Alignment");
        Line(md);
        Line(md, "Besides what users choose, an assistant may learn preferences from each user's feedback. A learned value never overrides "
            + "what the user chose, stays within the learning range below and every bound above, and can be undone by the user.");
        Line(md);
        Line(md, alignment.Datasheet is { } datasheet
            ? "Whose feedback this is: the feedback datasheet is published at " + datasheet + "."
            : "Whose feedback this is: no datasheet published.");
        foreach (var jurisdiction in alignment.Jurisdictions)
        {
            Line(md);
            Line(md, "### Learning in " + jurisdiction.Name);
            Line(md);
            if (jurisdiction.Dimensions.IsEmpty)
            {
                Line(md, "No preference is learned from feedback.");
                continue;
            }

            foreach (var learning in jurisdiction.Dimensions)
            {
                Line(md, "- " + learning.Dimension + ": " + (learning.Learnable
                    ? "learned from feedback; learning may reach " + learning.Within + "." + (learning.Range is { } range ? " Learning is held to that by " + range + "." : string.Empty)
                    : "not learned" + (learning.OffBy is { } tier ? "; " + tier + " switches learning off here" : string.Empty) + ".")
                    + (learning.Reason is { Length: > 0 } reason ? " Reason: " + Sentence(reason) : string.Empty));
            }

            Line(md);
            Line(md, "Every other preference is only ever set by the user.");
        }
    }

    // Benefits, then risks, then hazards, each in the taxonomy's own order; the project's hazards last.
    private static int CatalogueOrder(CardLink link)
    {
        var offset = 0;
        foreach (var catalogue in new[] { Taxonomy.Benefits, Taxonomy.Risks, Taxonomy.Hazards })
        {
            for (var i = 0; i < catalogue.Length; i++)
            {
                if (catalogue[i].Id == link.Id)
                {
                    return offset + i;
                }
            }

            offset += catalogue.Length;
        }

        return offset;
    }

    private static string Reason(string? reason) => reason is { Length: > 0 } ? " Reason: " + Sentence(reason) : " No reason is given.";

    private static string Links(string verb, ImmutableArray<CardLink> links) =>
        links.IsEmpty ? string.Empty : " " + verb + ": " + string.Join("; ", links.Select(l => l.Title)) + ".";

    // A shipped hazard shows its code after its title, "Sexual content (S12)"; a project's own is titled by its code.
    private static string Hazard(CardLink link)
    {
        var code = link.Id.StartsWith("hazard.", StringComparison.Ordinal) ? link.Id["hazard.".Length..] : link.Title;
        return string.Equals(link.Title, code, StringComparison.Ordinal) ? link.Title : link.Title + " (" + code + ")";
    }

    private static void Remember(SortedDictionary<string, CardLink> named, ImmutableArray<CardLink> links)
    {
        foreach (var link in links)
        {
            named.TryAdd(link.Id, link);
        }
    }

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture) + ". ";

    private static string Sentence(string text) => Capitalise(text) + (text.EndsWith('.') ? string.Empty : ".");

    private static string Capitalise(string text) =>
        text.Length == 0 ? text : string.Concat(char.ToUpperInvariant(text[0]).ToString(), text.AsSpan(1));

    private static void Line(StringBuilder md, string text = "") => md.Append(text).Append('\n');

    private static List<string> Select<T>(this ImmutableArray<T> items, Func<T, string> text)
    {
        var list = new List<string>(items.Length);
        foreach (var item in items)
        {
            list.Add(text(item));
        }

        return list;
    }
}
