// The Cedar half of the side-by-side (see run.sh): reads the requests the .NET program wrote, with the generated
// evaluator's decisions, checks that Cedar gives the same decision on every one, then times Cedar on all of them.
//
//   node --expose-gc bench.mjs requests.json [rounds]
//
// The policy set and the schema are parsed once (preparsePolicySet, preparseSchema); every request then goes through
// statefulIsAuthorized. The agreement pass validates each request against the schema; the timed passes do not, as
// the .NET evaluator validates nothing either (its inputs are typed).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import * as cedar from "@cedar-policy/cedar-wasm/nodejs";

const here = dirname(fileURLToPath(import.meta.url));
const [requestsPath, roundsText] = process.argv.slice(2);
if (!requestsPath) {
  console.error("usage: node bench.mjs requests.json [rounds]");
  process.exit(2);
}
const rounds = Number(roundsText ?? 11);

function check(answer, what) {
  if (answer.type !== "success") {
    console.error(`${what} failed:`, JSON.stringify(answer.errors ?? answer, null, 2));
    process.exit(1);
  }
  return answer;
}

// One policy per part, named by its @id annotation, so a refusal names its rule.
const text = readFileSync(join(here, "quickstart.cedar"), "utf8");
const parts = check(cedar.policySetTextToParts(text), "splitting the policy set").policies;
const staticPolicies = Object.fromEntries(parts.map((p) => [/@id\("([^"]+)"\)/.exec(p)[1], p]));
check(cedar.preparsePolicySet("quickstart", { staticPolicies }), "parsing the policy set");
check(cedar.preparseSchema("quickstart", readFileSync(join(here, "quickstart.cedarschema"), "utf8")), "parsing the schema");

const requests = JSON.parse(readFileSync(requestsPath, "utf8"));
const calls = requests.map((r) => {
  const context = {};
  if (r.jurisdiction !== undefined) context.jurisdiction = r.jurisdiction;
  if (r.minor !== undefined) context.minor = r.minor;
  return {
    principal: { type: "User", id: "learner" },
    action: { type: "Action", id: "view" },
    resource: { type: "Content", id: "content" },
    context,
    entities: [
      { uid: { type: "User", id: "learner" }, attrs: { maturity: r.maturity, avoid: r.avoid }, parents: [] },
      { uid: { type: "Content", id: "content" }, attrs: { hazards: r.hazards, maturity: r.contentMaturity }, parents: [] },
    ],
    preparsedPolicySetId: "quickstart",
  };
});

// 1. Agreement, request by request, validated against the schema.
let mismatches = 0;
let allowed = 0;
for (let i = 0; i < calls.length; i++) {
  const answer = check(cedar.statefulIsAuthorized({ ...calls[i], preparsedSchemaName: "quickstart", validateRequest: true }), `request ${i}`);
  const { decision, diagnostics } = answer.response;
  if (diagnostics.errors.length > 0) {
    console.error(`request ${i}: evaluation errors`, JSON.stringify(diagnostics.errors));
    process.exit(1);
  }
  if (decision === "allow") allowed++;
  if (decision !== requests[i].decision) {
    if (mismatches++ < 5) {
      console.error(`request ${i} ${JSON.stringify(requests[i])}: Cedar says ${decision} (${diagnostics.reason.join(", ")})`);
    }
  }
}
if (mismatches > 0) {
  console.error(`Cedar and the generated evaluator disagree on ${mismatches} of ${calls.length} requests`);
  process.exit(1);
}
console.log(`Cedar agrees with the generated evaluator on all ${calls.length} requests (${allowed} allowed, ${calls.length - allowed} denied)`);

// 2. Timing, as the .NET side does it (PassTimer.cs): warm-up passes, then rounds, each a pass over every request
// starting from a collected heap, each request timed on its own. A request's figure is its median over the rounds, so
// a round the scheduler interrupts moves one request's sample, not the figure; the pass's figure is their sum.
const n = calls.length;
function round(samples) {
  globalThis.gc?.();
  let allowedInRound = 0;
  for (let i = 0; i < n; i++) {
    const start = process.hrtime.bigint();
    if (cedar.statefulIsAuthorized(calls[i]).response.decision === "allow") allowedInRound++;
    samples[i] = Number(process.hrtime.bigint() - start);
  }
  if (allowedInRound !== allowed) {
    console.error("Cedar's decisions changed between passes");
    process.exit(1);
  }
}
const warmUpRounds = 2;
const scratch = new Float64Array(n);
for (let r = 0; r < warmUpRounds; r++) round(scratch);
const samples = Array.from({ length: rounds }, () => new Float64Array(n));
for (let r = 0; r < rounds; r++) round(samples[r]);

function quantile(sorted, p) {
  const position = (sorted.length - 1) * p;
  const lower = Math.floor(position);
  const upper = Math.min(lower + 1, sorted.length - 1);
  return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
}
let median = 0, q1 = 0, q3 = 0;
const column = new Float64Array(rounds);
for (let i = 0; i < n; i++) {
  for (let r = 0; r < rounds; r++) column[r] = samples[r][i];
  column.sort();
  median += quantile(column, 0.5);
  q1 += quantile(column, 0.25);
  q3 += quantile(column, 0.75);
}
const totals = Float64Array.from(samples, (s) => s.reduce((a, b) => a + b, 0)).sort();
const figures = {
  median: median / n, q1: q1 / n, q3: q3 / n,
  roundMin: totals[0] / n, roundMedian: quantile(totals, 0.5) / n, roundMax: totals[rounds - 1] / n,
  rounds, warmUpPasses: warmUpRounds, gcBetweenRounds: typeof globalThis.gc === "function",
};
const f = (x) => x.toFixed(1);
console.log(`Cedar ${cedar.getCedarVersion()} (cedar-wasm ${cedar.getCedarSDKVersion?.() ?? ""}), Node ${process.version}, ${n} requests: median ${f(figures.median)} ns per request (quartiles ${f(figures.q1)}..${f(figures.q3)}; whole rounds ${f(figures.roundMin)} / ${f(figures.roundMedian)} / ${f(figures.roundMax)} min / median / max), ${rounds} rounds after ${warmUpRounds} warm-up rounds${figures.gcBetweenRounds ? ", collected before each" : ""}`);
console.log(`cedar-json ${JSON.stringify({ requests: n, ...figures })}`);
