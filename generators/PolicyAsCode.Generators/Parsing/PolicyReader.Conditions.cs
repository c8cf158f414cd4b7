using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PolicyAsCode.Generators.Diagnostics;
using PolicyAsCode.Generators.Model;

namespace PolicyAsCode.Generators.Parsing;

// Conditions of bounds, hazard rules and waiver claims. Each side of a condition has two spellings: When takes one
// fact, WhenAll several (and likewise Unless, UnlessAll), because "When = Fact.Minor | Fact.RolePlay" reads as
// "when Minor or RolePlay" while it has always meant "when both". Both spellings mean the same (every fact named must
// hold), so the model keeps one mask per side; a condition written so that it reads otherwise is reported (PAC0021,
// PAC0022) and blocks the generator rather than being compiled with a meaning its reader would not expect.
internal sealed partial class PolicyReader
{
    /// <summary>
    /// Reads the condition of <paramref name="attribute"/> (a rule that <paramref name="rule"/> names in messages) into
    /// one mask per side; false, with the problems added, when it is written so that it reads otherwise than it means.
    /// </summary>
    private bool TryReadCondition(AttributeData attribute, RuleName rule, bool hasUnless, out uint when, out uint unless)
    {
        // Most rules have no condition: nothing to read, and no syntax to look at.
        if (!HasCondition(attribute))
        {
            when = 0;
            unless = 0;
            return true;
        }

        var syntax = attribute.ApplicationSyntaxReference?.GetSyntax(_cancellation) as AttributeSyntax;
        var fallback = SourceLocation.From(attribute.ApplicationSyntaxReference);
        var read = TryReadFacts(attribute, syntax, fallback, rule, KnownNames.When, KnownNames.WhenAll, out when);
        unless = 0;
        if (hasUnless)
        {
            read &= TryReadFacts(attribute, syntax, fallback, rule, KnownNames.Unless, KnownNames.UnlessAll, out unless);
        }

        return read;
    }

    private static bool HasCondition(AttributeData attribute)
    {
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key is KnownNames.When or KnownNames.WhenAll or KnownNames.Unless or KnownNames.UnlessAll)
            {
                return true;
            }
        }

        return false;
    }

    private bool TryReadFacts(AttributeData attribute, AttributeSyntax? syntax, SourceLocation? fallback, RuleName rule, string single, string all, out uint facts)
    {
        var one = NamedUInt(attribute, single);
        facts = one | NamedUInt(attribute, all);
        var singleArgument = Argument(syntax, single);
        if (IsNamed(attribute, single) && IsNamed(attribute, all))
        {
            _problems.Add(Problems.ConditionSetTwice(rule.ToString(), single, all, FactsAsWritten(facts), Where(singleArgument) ?? fallback));
            return false;
        }

        // One bit is one fact; a second bit, however it was written (Fact.A | Fact.B, a constant, a cast), is "all of".
        if ((one & (one - 1)) != 0)
        {
            var written = singleArgument is null ? FactsAsWritten(one)
                : string.Join(" ", singleArgument.Expression.ToString().Split([' ', '\r', '\n', '\t'], System.StringSplitOptions.RemoveEmptyEntries));
            _problems.Add(Problems.SeveralFactsInOneCondition(rule.ToString(), single == KnownNames.Unless, Wording.Facts((Fact)one), written, Where(singleArgument) ?? fallback));
            return false;
        }

        return true;
    }

    private static bool IsNamed(AttributeData attribute, string name) => attribute.NamedArguments.Any(a => a.Key == name);

    private static AttributeArgumentSyntax? Argument(AttributeSyntax? syntax, string name) =>
        syntax?.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name);

    private static SourceLocation? Where(AttributeArgumentSyntax? argument) => SourceLocation.From(argument?.GetLocation());

    /// <summary>Facts as C# names them: <c>Fact.Minor | Fact.RolePlay</c> (a bit no fact has, as a cast).</summary>
    private static string FactsAsWritten(uint facts)
    {
        var parts = new List<string>();
        for (var bit = 1u; bit != 0; bit <<= 1)
        {
            if ((facts & bit) != 0)
            {
                parts.Add(System.Enum.IsDefined(typeof(Fact), bit) ? "Fact." + (Fact)bit : "(Fact)" + bit.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return string.Join(" | ", parts);
    }

    /// <summary>
    /// How a message names a rule ("EuLaw's AtMost(3) on Age"), put together only when a problem is reported: the
    /// reader reads thousands of rules, nearly all of them fine.
    /// </summary>
    private readonly struct RuleName(string tier, string source, string? dimension)
    {
        public override string ToString() => dimension is null ? $"{tier}'s {source}" : $"{tier}'s {source} on {dimension}";
    }
}
