// The Cedar half of the side-by-side (see run.sh): reads the requests the .NET program wrote, with the generated
// evaluator's decisions, checks that Cedar gives the same decision on every one, then times Cedar on all of them.
//
//   node bench.mjs requests.json [rounds]
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
const rounds = Number(roundsText ?? 7);

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

// 2. Timing: the median over rounds of one pass over every request, after a warm-up pass.
function pass() {
  let n = 0;
  for (let i = 0; i < calls.length; i++) {
    if (cedar.statefulIsAuthorized(calls[i]).response.decision === "allow") n++;
  }
  return n;
}
pass();
const times = [];
for (let r = 0; r < rounds; r++) {
  const start = process.hrtime.bigint();
  if (pass() !== allowed) {
    console.error("Cedar's decisions changed between passes");
    process.exit(1);
  }
  times.push(Number(process.hrtime.bigint() - start) / calls.length);
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
console.log(`Cedar ${cedar.getCedarVersion()} (cedar-wasm ${cedar.getCedarSDKVersion?.() ?? ""}), Node ${process.version}, ${calls.length} requests, median of ${rounds} rounds: ${median.toFixed(1)} ns per request`);
console.log(`cedar-json {"requests":${calls.length},"ns":${median.toFixed(2)}}`);
