using System.CommandLine;
using System.IO;
using System.Linq;

namespace PolicyAsCode.Tool;

/// <summary>
/// <c>pac replay &lt;assembly&gt; &lt;records.jsonl&gt;...</c>: makes every recorded resolution and decision again under the
/// policy of the assembly and reports what moved, per dimension and bound and per hazard rule, with examples. Exit 1
/// when anything moved wider (a value looser than recorded, a refusal now allowed), 0 otherwise, 2 for bad input.
/// </summary>
internal static class ReplayCommand
{
    public static Command Create(TextWriter output, TextWriter text, Terminal terminal, Option<string?> policy)
    {
        var assembly = new Argument<FileInfo>("assembly") { Description = "The policy assembly to replay under (.dll), typically the new version." };
        var records = new Argument<FileInfo[]>("records") { Description = "Decision-record files (JSON Lines), as AddDecisionRecords writes them; several (rotated) files are read in the order given.", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string>("--format", "-f") { Description = "text or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var command = new Command("replay", "Replay recorded resolutions and decisions under another version of the policy and report what would change, per dimension and bound, with examples. Exits 1 when anything moves wider.") { assembly, records, format, policy };
        command.SetAction(r =>
        {
            using var loaded = LoadedPolicy.Load(r.GetValue(assembly)!.ToString(), r.GetValue(policy));
            var files = r.GetValue(records)!.Select(f => f.ToString()).ToList();
            var result = PolicyReplay.Run(loaded.Registry, files);
            if (r.GetValue(format) == "json")
            {
                ReplayReport.WriteJson(output, loaded, files, result);
            }
            else
            {
                ReplayReport.WriteText(text, terminal, loaded, files, result);
            }

            return result.Widened ? PacApp.Widened : PacApp.Ok;
        });
        return command;
    }
}
