using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using PolicyAsCode.Runtime;

namespace PolicyAsCode.Extensions.AI.LlamaGuard;

/// <summary>
/// Parses Llama Guard 3's output format: a first line <c>safe</c> or <c>unsafe</c>; after <c>unsafe</c>, a second line
/// listing the violated categories, comma-separated (<c>S1,S10</c>). S1 to S14 map to the 14 MLCommons hazards of
/// <see cref="Hazard"/>; a policy's custom categories map by their code. Blank lines, surrounding white space and a
/// trailing end-of-turn token are tolerated. Anything else fails closed: an empty answer, another first line, text after
/// <c>safe</c>, <c>unsafe</c> without categories, an unknown or empty category, extra lines. A malformed answer's hazards
/// include <see cref="HazardClassification.Unclassifiable"/> (with any categories that could be read), which every policy refuses.
/// </summary>
public static class LlamaGuardOutputParser
{
    private static readonly string[] SpecialTokens = ["<|eot_id|>", "<|end_of_text|>", "<|eom_id|>", "</s>"];

    /// <summary>Parses one Llama Guard answer.</summary>
    /// <param name="output">The model's answer text.</param>
    /// <param name="customCategories">The policy's own categories, matched by <see cref="HazardInfo.Code"/>.</param>
    public static LlamaGuardVerdict Parse(string? output, IEnumerable<HazardInfo>? customCategories = null)
    {
        var text = output ?? string.Empty;
        foreach (var token in SpecialTokens)
        {
            text = text.Replace(token, "\n", StringComparison.Ordinal);
        }

        var lines = new List<string>();
        foreach (var line in text.Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.Length > 0)
            {
                lines.Add(trimmed);
            }
        }

        if (lines.Count == 0)
        {
            return Malformed("the answer is empty", Hazard.None, []);
        }

        var verdict = lines[0];
        if (string.Equals(verdict, "safe", StringComparison.OrdinalIgnoreCase))
        {
            return lines.Count == 1
                ? new LlamaGuardVerdict(true, Hazard.None, [], null)
                : Malformed($"unexpected text after 'safe': '{lines[1]}'", Hazard.None, []);
        }

        if (!string.Equals(verdict, "unsafe", StringComparison.OrdinalIgnoreCase))
        {
            return Malformed($"the first line is neither 'safe' nor 'unsafe': '{Shorten(verdict)}'", Hazard.None, []);
        }

        if (lines.Count < 2)
        {
            return Malformed("'unsafe' without a line of categories", Hazard.None, []);
        }

        var hazards = Hazard.None;
        var codes = ImmutableArray.CreateBuilder<string>();
        string? problem = null;
        foreach (var part in lines[1].Split(','))
        {
            var code = part.Trim();
            if (code.Length == 0)
            {
                problem ??= $"an empty category in '{lines[1]}'";
                continue;
            }

            codes.Add(code);
            var hazard = Map(code, customCategories);
            if (hazard == Hazard.None)
            {
                problem ??= $"unknown category '{Shorten(code)}'";
            }

            hazards |= hazard;
        }

        if (lines.Count > 2)
        {
            problem ??= $"unexpected text after the categories: '{Shorten(lines[2])}'";
        }

        return problem is null
            ? new LlamaGuardVerdict(false, hazards, codes.ToImmutable(), null)
            : Malformed(problem, hazards, codes.ToImmutable());
    }

    private static Hazard Map(string code, IEnumerable<HazardInfo>? customCategories)
    {
        if (customCategories is not null)
        {
            foreach (var custom in customCategories)
            {
                if (string.Equals(custom.Code, code, StringComparison.OrdinalIgnoreCase))
                {
                    return custom.Hazard;
                }
            }
        }

        return code.Length is >= 2 and <= 3 && (code[0] is 'S' or 's') ? Taxonomy.FromCode(code.ToUpperInvariant()) : Hazard.None;
    }

    private static LlamaGuardVerdict Malformed(string problem, Hazard readable, ImmutableArray<string> codes) =>
        new(false, readable | HazardClassification.Unclassifiable, codes, problem);

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
