using System.Collections.Generic;
using System.Text;

namespace PolicyAsCode.Testing;

/// <summary>The result of one case: passed, or failed with what differed from what it expected.</summary>
public sealed class PolicyCaseResult
{
    internal PolicyCaseResult(PolicyCase policyCase, IReadOnlyList<string> differences, IReadOnlyList<string> outcome, Exercised exercised)
    {
        Case = policyCase;
        Differences = differences;
        Outcome = outcome;
        Exercised = exercised;
    }

    /// <summary>The case.</summary>
    public PolicyCase Case { get; }

    /// <summary>Whether the policy did everything the case expects.</summary>
    public bool Passed => Differences.Count == 0;

    /// <summary>Each way the policy differed from the case, one line each: <c>effective maturity: expected "Teen", got "Mature"</c>.</summary>
    public IReadOnlyList<string> Differences { get; }

    /// <summary>What the policy did, one line each: the request, each adjustment explained, the decision.</summary>
    public IReadOnlyList<string> Outcome { get; }

    /// <summary>The rules the case exercised, for <see cref="PolicyCoverage"/>.</summary>
    internal Exercised Exercised { get; }

    /// <summary>
    /// The result as a reader wants it: <c>PASS</c> or <c>FAIL</c>, the case and where it is written, then for a failure
    /// the differences and what the policy did.
    /// </summary>
    public string Report()
    {
        var text = new StringBuilder();
        text.Append(Passed ? "PASS " : "FAIL ").Append(Case.File).Append(':').Append(Case.Line).Append(' ').Append(Case.Name).Append('\n');
        if (!Passed)
        {
            foreach (var difference in Differences)
            {
                text.Append("  - ").Append(difference).Append('\n');
            }

            foreach (var line in Outcome)
            {
                text.Append("    ").Append(line).Append('\n');
            }
        }

        return text.ToString();
    }

    /// <inheritdoc/>
    public override string ToString() => Report();
}
