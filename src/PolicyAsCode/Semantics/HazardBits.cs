namespace PolicyAsCode;

/// <summary>The hazard bits with a fixed meaning, for the runtime's taxonomy and the generator alike.</summary>
#if POLICYASCODE_GENERATOR
internal
#else
public
#endif
static class HazardBits
{
    /// <summary>The 14 MLCommons categories Llama Guard 3 reports, S1 to S14: bits 0 to 13.</summary>
    public const ulong Shipped = (1UL << 14) - 1;

    /// <summary>The bits a project may name with <c>[assembly: HazardCategory]</c>: <c>Hazard.Custom1</c> to <c>Custom8</c>, bits 32 to 39.</summary>
    public const ulong CustomRange = 0xFFUL << 32;
}
