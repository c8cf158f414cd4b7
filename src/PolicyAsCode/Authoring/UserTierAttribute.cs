using System;

namespace PolicyAsCode;

/// <summary>
/// Marks a <c>partial record</c> as tier 3: the user's preferences. Its properties are the dimensions a user
/// may personalise and its initialisers the user defaults. The generator adds the evaluator to this record.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class UserTierAttribute : Attribute
{
    /// <summary>The tiers this tier narrows: usually one organisation tier.</summary>
    public Type[] Within { get; set; } = [];
}
