using PolicyAsCode.Runtime;

namespace PolicyAsCode.Extensions.AI;

/// <summary>Writes the message a user sees when content is refused. Replace it to change wording or language.</summary>
public interface IRefusalMessageRenderer
{
    /// <summary>The message for a refusal at <paramref name="stage"/> by <paramref name="decision"/> under <paramref name="registry"/>.</summary>
    string Render(ContentStage stage, in Decision decision, PolicyRegistry registry);
}
