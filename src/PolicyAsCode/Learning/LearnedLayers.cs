// serve: placeholder until learn merges
using System;
using System.Collections.Generic;
using System.Text.Json;
using PolicyAsCode.Json;

namespace PolicyAsCode.Learning;

/// <summary>The one place explicit &gt; learned &gt; default is applied.</summary>
public static class LearnedLayers
{
    /// <summary>Layers <paramref name="learned"/> under the explicit choices; the caller resolves the result.</summary>
    public static LearnedRequest<T> Compose<T>(PolicyRegistry registry, T explicitOrDefault, DimensionSet explicitDimensions, LearnedPreferences learned, in PolicyContext context)
        where T : class, IUserTierPolicy<T>
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(learned);
        var values = T.Encode(explicitOrDefault);
        var applied = new List<LearnedChange>();
        var ignored = new List<IgnoredChange>();
        foreach (var change in learned.Changes)
        {
            if (explicitDimensions.Contains(change.Dimension))
            {
                ignored.Add(new IgnoredChange(change, "you chose " + change.DimensionName + " yourself"));
                continue;
            }

            values[change.Dimension] = change.To;
            applied.Add(change);
        }

        return new LearnedRequest<T>(T.Decode(values), applied, ignored);
    }

    /// <summary>The dimensions a stored preferences document sets, and that read.</summary>
    public static DimensionSet ExplicitDimensions(PolicyRegistry registry, ReadOnlySpan<byte> storedJson)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var read = PreferencesJson.Read(registry, storedJson, PolicyContext.In(null));
        var set = DimensionSet.Empty;
        var reader = new Utf8JsonReader(storedJson);
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1)
                {
                    var name = reader.GetString();
                    foreach (var dimension in registry.Dimensions)
                    {
                        if (PreferenceNames.JsonName(dimension.Name) == name && !read.Unreadable.Contains(dimension.Index))
                        {
                            set = set.With(dimension.Index);
                        }
                    }
                }
            }
        }
        catch (JsonException)
        {
        }
        catch (InvalidOperationException)
        {
        }

        return set;
    }
}
