using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace PolicyAsCode.AspNetCore;

/// <summary>
/// An endpoint filter that resolves the request's user before the handler runs and keeps the result in
/// <see cref="HttpContext.Items"/> under <see cref="ItemKey"/>, so code without dependency injection (a Razor view,
/// a middleware after the endpoint) finds it. Handlers can equally take a <see cref="UserResolution{TPreferences}"/> parameter.
/// </summary>
/// <typeparam name="TPreferences">The policy's user-tier record.</typeparam>
public sealed class PolicyResolutionFilter<TPreferences> : IEndpointFilter
    where TPreferences : class, IUserTierPolicy<TPreferences>
{
    /// <summary>The key of the <see cref="UserResolution{TPreferences}"/> in <see cref="HttpContext.Items"/>.</summary>
    public static readonly object ItemKey = typeof(UserResolution<TPreferences>);

    /// <inheritdoc/>
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var current = http.RequestServices.GetRequiredService<CurrentResolution<TPreferences>>();
        http.Items[ItemKey] = await current.GetAsync(http.RequestAborted).ConfigureAwait(false);
        return await next(context).ConfigureAwait(false);
    }
}
