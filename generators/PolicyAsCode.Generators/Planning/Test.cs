using System;
using System.Collections.Generic;

namespace PolicyAsCode.Generators.Planning;

/// <summary>
/// A condition the generated code tests, known at build time to hold always, never, or only as an expression says.
/// Combining simplifies: <c>never &amp;&amp; x</c> is never, <c>always &amp;&amp; x</c> is <c>x</c>, and a negated
/// comparison is written as its opposite (<c>x == 0UL</c>, not <c>!(x != 0UL)</c>), so the emitters print a test or
/// a constant outcome and never inspect the text.
/// </summary>
internal readonly struct Test : IEquatable<Test>
{
    private readonly TestKind _kind;
    private readonly string? _text;
    private readonly string? _negated;
    private readonly Precedence _precedence;
    private readonly string? _eager;
    private readonly string? _eagerNegated;

    private Test(TestKind kind, string? text, string? negated, Precedence precedence, string? eager = null, string? eagerNegated = null)
    {
        _kind = kind;
        _text = text;
        _negated = negated;
        _precedence = precedence;
        _eager = eager ?? text;
        _eagerNegated = eagerNegated ?? negated;
    }

    private enum TestKind
    {
        Always,
        Never,
        Expression,
    }

    // How tightly an expression binds, to parenthesise it only where C# (or a reader) needs it.
    private enum Precedence
    {
        Or,
        And,
        Comparison,
        Primary,
    }

    public static Test Always => new(TestKind.Always, null, null, Precedence.Primary);

    public static Test Never => new(TestKind.Never, null, null, Precedence.Primary);

    public bool IsAlways => _kind == TestKind.Always;

    public bool IsNever => _kind == TestKind.Never;

    /// <summary>Whether the outcome depends on the expression, not known at build time.</summary>
    public bool IsExpression => _kind == TestKind.Expression;

    /// <summary>A boolean name or call, e.g. <c>scope.EuLawApplies</c>, <c>double.IsFinite(value)</c>.</summary>
    public static Test Name(string name) => new(TestKind.Expression, name, "!" + name, Precedence.Primary);

    /// <summary>A comparison and its opposite, e.g. <c>x &lt; 3UL</c> and <c>x &gt;= 3UL</c>.</summary>
    public static Test Comparison(string comparison, string opposite) => new(TestKind.Expression, comparison, opposite, Precedence.Comparison);

    /// <summary>A constant outcome.</summary>
    public static Test Constant(bool holds) => holds ? Always : Never;

    public Test Not() => _kind switch
    {
        TestKind.Always => Never,
        TestKind.Never => Always,
        _ when _negated is not null => new Test(TestKind.Expression, _negated, _text, _precedence, _eagerNegated, _eager),
        _ => new Test(TestKind.Expression, "!(" + _text + ")", _text, Precedence.Primary, "!(" + _eager + ")", _eager),
    };

    public Test And(Test other)
    {
        if (IsNever || other.IsNever)
        {
            return Never;
        }

        if (IsAlways)
        {
            return other;
        }

        if (other.IsAlways || Equals(other))
        {
            return this;
        }

        return new Test(TestKind.Expression, Wrap(Precedence.And) + " && " + other.Wrap(Precedence.And), null, Precedence.And, EagerWrap(Precedence.And) + " & " + other.EagerWrap(Precedence.And));
    }

    public Test Or(Test other)
    {
        if (IsAlways || other.IsAlways)
        {
            return Always;
        }

        if (IsNever)
        {
            return other;
        }

        if (other.IsNever || Equals(other))
        {
            return this;
        }

        // An && inside || is parenthesised although C# would not need it: it reads unambiguously.
        return new Test(TestKind.Expression, InOr() + " || " + other.InOr(), null, Precedence.Or, EagerInOr() + " | " + other.EagerInOr());
    }

    /// <summary><c>!when || then</c>: the test holds wherever <paramref name="when"/> does not.</summary>
    public static Test Implies(Test when, Test then) => when.Not().Or(then);

    public static Test All(IEnumerable<Test> tests)
    {
        var all = Always;
        foreach (var test in tests)
        {
            all = all.And(test);
        }

        return all;
    }

    public static Test Any(IEnumerable<Test> tests)
    {
        var any = Never;
        foreach (var test in tests)
        {
            any = any.Or(test);
        }

        return any;
    }

    /// <summary>The C# text: <c>true</c>, <c>false</c> or the expression.</summary>
    public override string ToString() => _kind switch
    {
        TestKind.Always => "true",
        TestKind.Never => "false",
        _ => _text!,
    };

    /// <summary>
    /// The same test with every operand evaluated (<c>&amp;</c> and <c>|</c> for <c>&amp;&amp;</c> and <c>||</c>), which
    /// the JIT computes with flags instead of jumps: for tests of a context's facts, which need no guard, where a
    /// jump that depends on the request would be mispredicted. <c>true</c> or <c>false</c> for a constant outcome.
    /// </summary>
    public string Eager => _kind switch
    {
        TestKind.Always => "true",
        TestKind.Never => "false",
        _ => _eager!,
    };

    public bool Equals(Test other) => _kind == other._kind && string.Equals(_text, other._text, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is Test other && Equals(other);

    public override int GetHashCode() => ((int)_kind * 397) ^ (_text is null ? 0 : StringComparer.Ordinal.GetHashCode(_text));

    // The text, in parentheses when it binds more loosely than the place it goes.
    private string Wrap(Precedence place) => _precedence < place ? "(" + ToString() + ")" : ToString();

    private string InOr() => _precedence == Precedence.And ? "(" + ToString() + ")" : ToString();

    private string EagerWrap(Precedence place) => _precedence < place ? "(" + Eager + ")" : Eager;

    private string EagerInOr() => _precedence == Precedence.And ? "(" + Eager + ")" : Eager;
}
