using CsCheck;
using Xunit;

namespace PolicyAsCode.Tests.Interpretation;

/// <summary>
/// <see cref="PolicyInterpreter.Allowed"/> describes resolution exactly: what schemas, policy cards and diffs print
/// is what resolution grants.
/// </summary>
public sealed class AllowedProperties
{
    [Fact]
    public void A_readable_request_is_granted_as_asked_exactly_when_it_lies_within_the_allowed_bound() =>
        RandomPolicies.Case.Sample(c =>
        {
            var interpreter = new PolicyInterpreter(c.Registry);
            var resolution = interpreter.Resolve(c.Requested, c.Context, c.Unreadable);
            foreach (var dimension in c.Registry.Dimensions)
            {
                var d = dimension.Index;
                var allowed = interpreter.Allowed(d, c.Context);
                var effective = resolution.Effective[d];
                Assert.True(Lattice.Contains(allowed, effective), $"{dimension.Name}: granted {dimension.Format(effective)} outside {dimension.Format(allowed)}");

                var (value, readable) = Oracle.Requested(c, dimension);
                var adjustment = Oracle.AdjustmentOf(resolution, d);
                if (!readable)
                {
                    continue;
                }

                if (adjustment is { Cause: AdjustmentCause.Contradiction })
                {
                    Assert.Equal(allowed, Lattice.Build(dimension.Domain, BoundForm.Locked, effective, effective));
                    continue;
                }

                var grantedAsAsked = adjustment is null or { Cause: AdjustmentCause.Waived };
                Assert.True(grantedAsAsked == Lattice.Contains(allowed, value),
                    $"{dimension.Name}: asked {dimension.Format(value)}, allowed {dimension.Format(allowed)}, adjustment {adjustment?.Cause}");
            }
        }, iter: 10_000, print: RandomPolicies.Describe);
}
