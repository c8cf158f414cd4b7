var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder(args);
var app = builder.Build();
app.Run();

/// <summary>The web sample's entry point (public for WebApplicationFactory).</summary>
public partial class Program;
