using System;

namespace PolicyAsCode.AspNetCore;

/// <summary>One user's stored preferences for one policy: the document as they last saved it, and under which policy.</summary>
/// <param name="Policy">The policy's name (<see cref="PolicyRegistry.Name"/>); one store may hold several policies.</param>
/// <param name="UserId">The user the record belongs to.</param>
/// <param name="Json">The preferences document (docs/preferences-json.md) as saved: what the user asked for, never the effective values.</param>
/// <param name="PolicyVersion">The policy version (fingerprint and overlay revision) in force when it was saved.</param>
/// <param name="Revision">The record's revision: 1 on the first save, one more on each save after. A save names the revision it replaces.</param>
/// <param name="UpdatedAt">When it was last saved.</param>
public sealed record StoredPreferences(string Policy, string UserId, string Json, string PolicyVersion, long Revision, DateTimeOffset UpdatedAt);
