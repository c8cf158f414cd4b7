// The side-by-side table of one run of run.sh, from the JSON lines bench.mjs and the .NET program printed.
//
//   node report.mjs cedar.txt dotnet.txt
//
// Ratios: median against median, and the conservative one, Cedar's first quartile against the .NET side's third.
import { readFileSync } from "node:fs";

const [cedarPath, dotnetPath] = process.argv.slice(2);
// The members of every line tagged so (run.sh times each .NET way in its own process, one line each), merged.
function json(path, tag) {
  const lines = readFileSync(path, "utf8").split("\n").filter((l) => l.startsWith(`${tag} `));
  if (lines.length === 0) {
    console.error(`${path}: no ${tag} line`);
    process.exit(1);
  }
  return Object.assign({}, ...lines.map((line) => JSON.parse(line.slice(tag.length + 1))));
}
const cedar = json(cedarPath, "cedar-json");
const dotnet = json(dotnetPath, "dotnet-json");

const ns = (x) => x.toLocaleString("en-GB", { minimumFractionDigits: 1, maximumFractionDigits: 1 }).padStart(11);
const times = (x) => `${Math.round(x).toLocaleString("en-GB")} ×`.padStart(10);
const row = (name, t, ratio) =>
  `  ${name.padEnd(46)} ${ns(t.median)} ${ns(t.q1)} ${ns(t.q3)} ${ns(t.roundMin)} ${ns(t.roundMax)}${ratio ?? ""}`;
console.log(`\nper request, ns, ${cedar.requests} requests, identical decisions on every one:`);
console.log(`  ${"".padEnd(46)} ${"median".padStart(11)} ${"Q1".padStart(11)} ${"Q3".padStart(11)} ${"round min".padStart(11)} ${"round max".padStart(11)}  Cedar ÷ this: median, Q1 ÷ Q3`);
console.log(row("Cedar (cedar-wasm, statefulIsAuthorized)", cedar));
for (const [name, t] of [["generated evaluator, resolve + decide", dotnet.resolveDecide], ["generated evaluator, decide (resolved before)", dotnet.decide]]) {
  console.log(row(name, t, `  ${times(cedar.median / t.median)} ${times(cedar.q1 / t.q3)}`));
}
if (dotnet.byHand) {
  const f = dotnet.byHand;
  console.log(row("the decision by hand, no resolution", f, `  ${times(cedar.median / f.median)} ${times(cedar.q1 / f.q3)}`));
}
if (dotnet.byGate) {
  const g = dotnet.byGate;
  console.log(row("resolve + decide by the gate, no resolution", g, `  ${times(cedar.median / g.median)} ${times(cedar.q1 / g.q3)}`));
}
for (const part of ["unchanged", "moved"]) {
  const name = part === "moved" ? "resolve + decide, a value clamped" : "resolve + decide, nothing moves";
  console.log(row(`  ${name} (${dotnet[part].requests})`, dotnet[part].timing));
}
const d = dotnet.resolveDecide;
console.log(`\n.NET: ${d.bytesPerRequest} B allocated per request; during the timed rounds ${d.collections + dotnet.decide.collections} collections, ${d.compilations + dotnet.decide.compilations} methods compiled, ${d.withoutNoGcRegion + dotnet.decide.withoutNoGcRegion} rounds without a no-GC region; ${d.rounds} rounds after ${d.warmUpPasses} warm-up rounds (${d.warmUpSeconds} s)`);
console.log(`Cedar: ${cedar.rounds} rounds after ${cedar.warmUpPasses} warm-up rounds${cedar.gcBetweenRounds ? ", heap collected before each" : ""}`);
const goal = (t) => (cedar.median / t.median >= 10_000 ? "met" : "not met");
console.log(`goal (resolve + decide at least 10,000 × faster, median against median): by Resolve then Decide ${goal(d)}; by the gate ${dotnet.byGate ? goal(dotnet.byGate) : "not timed"}; in this run`);
