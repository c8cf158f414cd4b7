using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace PolicyAsCode.AspNetCore;

/// <summary>
/// Builds the <see cref="PolicyContext"/> of a request: the jurisdiction it is served in and the facts established about
/// its user. Replace the default (<see cref="ClaimsPolicyContextResolver"/>) to read them from elsewhere, such as a
/// user's stored setting; leave unknown what is not established, so the stricter bounds apply.
/// </summary>
public interface IPolicyContextResolver
{
    /// <summary>The context of <paramref name="http"/>'s request.</summary>
    ValueTask<PolicyContext> ResolveAsync(HttpContext http, CancellationToken cancellationToken);
}
