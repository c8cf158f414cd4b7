using System;

namespace PolicyAsCode;

/// <summary>On a dimension: the strictest values are the highest ones (by default the lowest ones are strictest).</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class HigherIsStricterAttribute : Attribute;
