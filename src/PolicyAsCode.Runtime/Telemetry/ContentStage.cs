namespace PolicyAsCode.Runtime;

/// <summary>Where in a conversation content was checked.</summary>
public enum ContentStage
{
    /// <summary>The user's input, before it reaches the model.</summary>
    Input,

    /// <summary>The model's output, before it reaches the user.</summary>
    Output,
}
