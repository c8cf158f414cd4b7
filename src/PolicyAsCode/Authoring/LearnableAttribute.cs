using System;

namespace PolicyAsCode;

/// <summary>
/// On a user-tier dimension: its value may be learned from the user's feedback (docs/feedback.md). Without it, a
/// dimension is never learned. Only ordinal (a non-flags enum), integer, real and boolean dimensions can be learned.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class LearnableAttribute : Attribute;
