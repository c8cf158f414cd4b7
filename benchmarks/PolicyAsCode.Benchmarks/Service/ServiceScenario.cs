namespace PolicyAsCode.Benchmarks.Service;

/// <summary>What the stored preferences document asks of the policy.</summary>
public enum ServiceScenario
{
    /// <summary>An EU adult whose every stored value is inside every bound: nothing moves.</summary>
    Unchanged,

    /// <summary>An EU minor asking for mature content, sarcasm, a month of memory and more: seven values are clamped, each explained.</summary>
    Clamped,
}

/// <summary>The signed-in user and their stored document in each scenario (the documents of the resolve benchmarks' Unchanged and ManyClamps).</summary>
public static class ServiceUsers
{
    /// <summary>The user's id, which both endpoints look up in the store.</summary>
    public const string Id = "learner-1";

    /// <summary>The header <see cref="HeaderUsers"/> signs the user in from: id, jurisdiction and facts as claims.</summary>
    public static string Header(ServiceScenario scenario) => scenario == ServiceScenario.Unchanged
        ? Id + ";jurisdiction=EU;minor=false;consents=true"
        : Id + ";jurisdiction=EU;minor=true;consents=false";

    /// <summary>The preferences document stored for the user, as they saved it.</summary>
    public static string Document(ServiceScenario scenario) => scenario == ServiceScenario.Unchanged
        ? """{"maturity":"Teen","tone":"Playful","memoryDays":7,"creativity":0.5,"topics":["Science","History"],"language":"fr","avoidHazards":["Hate"]}"""
        : """{"maturity":"Mature","tone":"Sarcastic","memoryDays":30,"topics":["Romance","Science"],"creativity":1.0,"discloseAi":false,"language":"nl"}""";

    /// <summary>How many values the policy moves in the scenario.</summary>
    public static int Moved(ServiceScenario scenario) => scenario == ServiceScenario.Unchanged ? 0 : 7;
}
