using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Xunit.Sdk;

namespace PolicyAsCode.Testing;

/// <summary>
/// Theory data: one test case per case of a case file (or of every case file in a folder), each passed as a
/// <see cref="PolicyCase"/> and shown by its name.
/// <code>
/// [Theory, PolicyCases("cases")]
/// public void Case(PolicyCase policyCase) => PolicyCaseAssert.Passes&lt;UserPreferences&gt;(policyCase);
/// </code>
/// A relative path is looked up from the test's output folder (copy the files there) and then from the current folder.
/// An unreadable file fails the theory with the file, line, case and reason.
/// </summary>
/// <param name="path">A case file (<c>.json</c>, <c>.yaml</c>, <c>.yml</c>) or a folder of them.</param>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class PolicyCasesAttribute(string path) : DataAttribute
{
    /// <summary>The case file or folder.</summary>
    public string Path { get; } = path;

    /// <inheritdoc/>
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) =>
        PolicyCaseFile.Read(Path).Select(c => new object[] { c }).ToList();
}
