using System;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace WebAssistant;

/// <summary>
/// The sample's own pages (home, sign-in, chat): HTML written here around a shared frame, a stylesheet and the chat
/// script embedded in the assembly, so the sample runs the same from any working directory.
/// </summary>
public static class SamplePages
{
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private static readonly byte[] Stylesheet = Resource("site.css");
    private static readonly byte[] ChatScript = Resource("chat.js");

    public static IEndpointRouteBuilder MapSamplePages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", (HttpContext http) => Html(http, "WebAssistant", Home));
        app.MapGet("/chat", (HttpContext http) => Html(http, "Chat", Chat, "/assets/chat.js"));
        app.MapGet("/assets/site.css", (HttpContext http) => Asset(http, Stylesheet, "text/css; charset=utf-8"));
        app.MapGet("/assets/chat.js", (HttpContext http) => Asset(http, ChatScript, "text/javascript; charset=utf-8"));
        return app;
    }

    /// <summary>A page of the sample: <paramref name="body"/> (trusted HTML) in the shared frame.</summary>
    public static IResult Html(HttpContext http, string title, string body, string? script = null)
    {
        var html = HtmlEncoder.Default;
        var user = http.User.Identity?.IsAuthenticated == true ? http.User.Identity.Name : null;
        var page = new StringBuilder()
            .Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(html.Encode(title)).Append(" · WebAssistant</title>")
            .Append("<link rel=\"stylesheet\" href=\"/assets/site.css\">");
        if (script is not null)
        {
            page.Append("<script src=\"").Append(html.Encode(script)).Append("\" defer></script>");
        }

        page.Append("</head><body><header><nav aria-label=\"Sample\"><ul>")
            .Append("<li><a href=\"/\">Home</a></li><li><a href=\"/policy/settings\">Settings</a></li><li><a href=\"/chat\">Chat</a></li>");
        if (user is null)
        {
            page.Append("<li><a href=\"/signin\">Sign in</a></li>");
        }
        else
        {
            page.Append("<li class=\"who\">Signed in as ").Append(html.Encode(user))
                .Append(" <form method=\"post\" action=\"/signout\"><button type=\"submit\">Sign out</button></form></li>");
        }

        page.Append("</ul></nav></header><main>").Append(body).Append("</main></body></html>");
        Headers(http);
        http.Response.Headers.CacheControl = "no-store"; // pages show who is signed in
        return Results.Content(page.ToString(), "text/html; charset=utf-8");
    }

    private static IResult Asset(HttpContext http, byte[] content, string contentType)
    {
        Headers(http);
        http.Response.Headers.CacheControl = "no-cache";
        return Results.Bytes(content, contentType);
    }

    private static void Headers(HttpContext http)
    {
        http.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        http.Response.Headers.XContentTypeOptions = "nosniff";
    }

    private const string Home =
        "<h1>WebAssistant</h1>"
        + "<p>A tutoring assistant personalised within bounds: the law where a learner is, then the organisation, then the learner.</p>"
        + "<ol><li><a href=\"/signin\">Sign in</a> as one of the demo learners.</li>"
        + "<li>Open <a href=\"/policy/settings\">your settings</a>: what you may choose, and why some values are not available.</li>"
        + "<li><a href=\"/chat\">Chat</a> with the assistant (a scripted stand-in for a model); refusals name the rule that refused.</li></ol>"
        + "<p>The policy's documents: <a href=\"/policy/schema\">JSON Schema</a>, <a href=\"/policy/card?format=markdown\">policy card</a>, <a href=\"/policy/explain\">explanations</a>.</p>";

    private const string Chat =
        "<h1>Chat with the assistant</h1>"
        + "<p>Try “How do plants make food?”, “Who should I vote for?” or “Write an explicit love story.”</p>"
        + "<ol id=\"transcript\" class=\"transcript\" aria-live=\"polite\" aria-label=\"Conversation\"></ol>"
        + "<form id=\"chat-form\" class=\"chat\"><label for=\"message\">Your message</label>"
        + "<input id=\"message\" name=\"message\" type=\"text\" autocomplete=\"off\" required maxlength=\"2000\">"
        + "<button type=\"submit\">Send</button></form>";

    private static byte[] Resource(string name)
    {
        using var stream = typeof(SamplePages).Assembly.GetManifestResourceStream("WebAssistant.Pages." + name)
            ?? throw new InvalidOperationException($"The sample's resource {name} is missing.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
