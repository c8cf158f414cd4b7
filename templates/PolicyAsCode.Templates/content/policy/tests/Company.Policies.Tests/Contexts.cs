namespace Company.Policies.Tests;

/// <summary>The requests the tests ask about: who the user is and where they are served.</summary>
internal static class Contexts
{
    /// <summary>The jurisdiction the organisation-wide tests run in.</summary>
#if (euLaw)
    public const string Home = "EU";
#elif (usLaw)
    public const string Home = "US";
#else
    public const string Home = "UK";
#endif

    /// <summary>A user known to be an adult, nothing else known.</summary>
    public static PolicyContext Adult(string jurisdiction = Home) => PolicyContext.In(jurisdiction).With(Fact.Minor, false);

    /// <summary>A user known to be a minor.</summary>
    public static PolicyContext Minor(string jurisdiction = Home) => PolicyContext.In(jurisdiction).With(Fact.Minor, true);
}
