using System.Collections.Generic;

namespace PolicyAsCode.Testing;

/// <summary>
/// One test case of a policy, as a case file writes it: a request (jurisdiction, facts, preferences in the wire format,
/// optionally the hazards a classifier detected in some content) and what the policy must make of it. Read with
/// <see cref="PolicyCaseFile"/>; run with <see cref="PolicyCaseRunner"/>, <c>PolicyCaseAssert</c> or <c>pac test</c>.
/// </summary>
public sealed class PolicyCase
{
    internal PolicyCase(
        string name, int number, string? jurisdiction, Fact facts, Fact known, string preferences, IReadOnlyList<string>? hazards,
        CaseExpectations expect, CaseDocument document, string path)
    {
        Name = name;
        Number = number;
        Jurisdiction = jurisdiction;
        Facts = facts;
        Known = known | facts;
        Preferences = preferences;
        Hazards = hazards;
        Expect = expect;
        Document = document;
        Path = path;
    }

    /// <summary>The case's name, unique in its file.</summary>
    public string Name { get; }

    /// <summary>The case's position in its file, from 1.</summary>
    public int Number { get; }

    /// <summary>The jurisdiction of the request, or null when it names none (every law applies).</summary>
    public string? Jurisdiction { get; }

    /// <summary>The facts that hold.</summary>
    public Fact Facts { get; }

    /// <summary>The facts whose truth is known (always including <see cref="Facts"/>); the others are unknown.</summary>
    public Fact Known { get; }

    /// <summary>The requested preferences, a JSON document in the wire format (docs/preferences-json.md); <c>{}</c> asks for the defaults.</summary>
    public string Preferences { get; }

    /// <summary>The hazards detected in the content to decide on (by <see cref="Hazard"/> name or custom hazard code), or null when the case decides on no content.</summary>
    public IReadOnlyList<string>? Hazards { get; }

    /// <summary>What the policy must make of the request.</summary>
    public CaseExpectations Expect { get; }

    /// <summary>The file the case was read from.</summary>
    public string File => Document.File;

    /// <summary>The line the case starts on.</summary>
    public int Line => Document.LineOf(Path);

    /// <summary>The request's context: jurisdiction and facts.</summary>
    public PolicyContext Context => new(Jurisdiction, Facts, Known);

    internal CaseDocument Document { get; }

    /// <summary>The JSON path of the case in its file: <c>$.cases[2]</c>.</summary>
    internal string Path { get; }

    /// <summary>The case's name: what a test runner shows for it.</summary>
    public override string ToString() => Name;

    /// <summary>A fault of this case at <paramref name="path"/>: the file, line and case are named.</summary>
    internal PolicyCaseException Fault(string path, string reason) => Document.Fault(path, Name, reason);
}
