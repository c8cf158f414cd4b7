using System.Linq;
using System.Text.Json;
using Json.Schema;

namespace PolicyAsCode.Documents.Tests.Support;

/// <summary>Builds and evaluates schemas with JsonSchema.Net, each in a registry of its own (schemas of one policy share no state).</summary>
internal static class Schemas
{
    public static JsonSchema Build(string text) =>
        JsonSchema.FromText(text, new BuildOptions { SchemaRegistry = new SchemaRegistry() });

    public static EvaluationResults Evaluate(JsonSchema schema, string document)
    {
        using var parsed = JsonDocument.Parse(document);
        return schema.Evaluate(parsed.RootElement.Clone(), new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    public static bool Accepts(JsonSchema schema, string document) => Evaluate(schema, document).IsValid;

    /// <summary>The errors of an evaluation, one a line, for assertion messages.</summary>
    public static string Errors(EvaluationResults results) =>
        string.Join("\n", (results.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => d.InstanceLocation + ": " + e.Key + " " + e.Value)));
}
