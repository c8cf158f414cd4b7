using System.Collections.Generic;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using PolicyAsCode.Json;

namespace PolicyAsCode.AspNetCore;

// RFC 9457 problem documents, written without reflection-based serialisation (the package is AOT-compatible).
internal static class Problems
{
    public const string ContentType = "application/problem+json";

    // A problem's type names it for good (docs/aspnetcore.md lists them); its title and detail are for a person.
    public static IResult Of(int status, string type, string title, string detail, JsonObject? extensions = null)
    {
        var problem = new JsonObject
        {
            ["type"] = "urn:policyascode:problem:" + type,
            ["title"] = title,
            ["status"] = status,
            ["detail"] = detail,
        };
        if (extensions is not null)
        {
            foreach (var (name, value) in extensions.DeepClone().AsObject())
            {
                problem[name] = value?.DeepClone();
            }
        }

        return Results.Text(problem.ToJsonString(), ContentType, statusCode: status);
    }

    // What a preferences document got wrong, each with its JSON path, for a 422 or a partial save.
    public static JsonArray Errors(IReadOnlyList<PreferenceError> errors)
    {
        var array = new JsonArray();
        foreach (var error in errors)
        {
            array.Add((JsonNode)new JsonObject
            {
                ["path"] = error.Path,
                ["kind"] = error.Kind.ToString(),
                ["message"] = error.Message,
            });
        }

        return array;
    }
}
