using System;

namespace PolicyAsCode;

/// <summary>
/// Declares that the named facts never all hold for one request, such as <c>Fact.Minor</c> and
/// <c>Fact.VerifiedAdult</c>. The analysers then do not report a conflict that arises only in such an impossible
/// context. It narrows nothing and widens nothing at run time: resolution still treats every context it is given as it is.
/// </summary>
/// <param name="facts">Two or more distinct single facts.</param>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true, Inherited = false)]
public sealed class NeverTogetherAttribute(params Fact[] facts) : Attribute
{
    /// <summary>The facts that never all hold together.</summary>
    public Fact[] Facts { get; } = facts;
}
