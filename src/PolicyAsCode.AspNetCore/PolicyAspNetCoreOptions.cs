using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using System.Security.Claims;

namespace PolicyAsCode.AspNetCore;

/// <summary>
/// How a request's user and <see cref="PolicyContext"/> are found. Every source is optional; whatever no source
/// establishes stays unknown, and an unknown jurisdiction or fact makes the stricter bounds apply (fail closed).
/// </summary>
public sealed class PolicyAspNetCoreOptions
{
    /// <summary>The claim naming the user whose preferences are read and written (<see cref="ClaimTypes.NameIdentifier"/>).</summary>
    public string UserIdClaim { get; set; } = ClaimTypes.NameIdentifier;

    /// <summary>The claim naming the user's jurisdiction, matched to the policy's laws ignoring case. Null: no claim is read.</summary>
    public string? JurisdictionClaim { get; set; } = "jurisdiction";

    /// <summary>
    /// The user's stored jurisdiction (for example a verified billing or residence address), asked when no claim names
    /// one; null (the default): none is asked. It is given the request and returns the jurisdiction, or null. The
    /// jurisdiction decides which laws bind, so return only a setting the user cannot change at will: one a user could
    /// set freely would let them pick the laxest jurisdiction. Where no such setting exists, return null, and every law
    /// applies.
    /// </summary>
    public Func<HttpContext, CancellationToken, ValueTask<string?>>? StoredJurisdiction { get; set; }

    /// <summary>
    /// A request header naming the jurisdiction, read when neither a claim nor the stored setting names one (null, the default: never read). A client
    /// can send any header, so set this only where a trusted proxy sets it (a geolocating edge) and strips the client's.
    /// </summary>
    public string? JurisdictionHeader { get; set; }

    /// <summary>
    /// For each fact, the claim that establishes it: a value of <c>true</c> or <c>false</c> (ignoring case) makes the fact
    /// known; no such claim, or any other value, leaves it unknown, so the bounds that depend on it apply.
    /// </summary>
    public IDictionary<Fact, string> FactClaims { get; } = new Dictionary<Fact, string>();

    /// <summary>
    /// When <c>PUT {prefix}/preferences</c> may store the readable part of a document that has errors, if the caller asks
    /// with <c>?storeReadable=true</c>. True; false refuses every document with an error.
    /// </summary>
    public bool AllowStoringReadablePart { get; set; } = true;
}
