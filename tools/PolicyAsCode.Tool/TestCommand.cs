using System.CommandLine;
using System.IO;

namespace PolicyAsCode.Tool;

/// <summary>
/// <c>pac test &lt;assembly&gt; &lt;cases&gt;... [--coverage]</c>: runs case files (docs/testing-policies.md) against a
/// compiled policy with the reference interpreter, through the test kit's own runner, so a case passes here exactly
/// when it passes in the kit's xUnit helper. Exit 0 when every case passes, 1 when any fails, 2 for bad input.
/// </summary>
internal static class TestCommand
{
    /// <summary>Exit code of <c>pac test</c> when a case fails.</summary>
    public const int Failed = 1;

    public static Command Create(TextWriter output, Terminal terminal, Option<string?> policy)
    {
        var assembly = new Argument<FileInfo>("assembly") { Description = "The compiled policy assembly (.dll)." };
        var cases = new Argument<string[]>("cases")
        {
            Description = "Case files (.json, .yaml, .yml), or folders of them.",
            Arity = ArgumentArity.OneOrMore,
        };
        var coverage = new Option<bool>("--coverage")
        {
            Description = "Also report which bounds, waivers and hazard rules the cases exercised, and list the ones never exercised.",
        };
        var command = new Command("test", "Run a policy's test cases (JSON or YAML) against the compiled policy: each case passes or fails with what differed. Exits 1 when any case fails.")
        {
            assembly, cases, coverage, policy,
        };
        command.SetAction(r =>
        {
            using var loaded = LoadedPolicy.Load(r.GetValue(assembly)!.ToString(), r.GetValue(policy));
            return TestReport.Write(output, terminal, loaded, r.GetValue(cases)!, r.GetValue(coverage)) ? PacApp.Ok : Failed;
        });
        return command;
    }
}
