using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;

namespace PolicyAsCode.Extensions.AI;

/// <summary>
/// Stops a model's stream for real. Disposing a streamed HTTP response does not close its connection: the default
/// handler drains the rest of the response (up to 2 s or 1 MB) to reuse the connection, so the model keeps generating.
/// Only cancelling a read that is waiting on the connection aborts it. So a stop pulls whatever updates have already
/// arrived until a read has to wait, cancels that read (which closes the connection), and then disposes the stream.
/// </summary>
internal static class UpstreamStop
{
    // An upstream that never waits (an in-memory client) still ends the loop; what it produced is discarded anyway.
    private const int MaxArrivedUpdates = 1024;

    /// <summary>Stops <paramref name="updates"/>, whose reads observe <paramref name="upstream"/>; never throws.</summary>
    public static async ValueTask StopAsync(IAsyncEnumerator<ChatResponseUpdate> updates, CancellationTokenSource upstream)
    {
#pragma warning disable CA1031 // The answer is already refused: a failing or cancelled upstream is the expected end here.
        try
        {
            for (var i = 0; i < MaxArrivedUpdates; i++)
            {
                var next = updates.MoveNextAsync();
                if (!next.IsCompleted)
                {
                    Cancel(upstream);
                    await next.ConfigureAwait(false);
                    return;
                }

                if (!next.GetAwaiter().GetResult())
                {
                    return; // the stream had ended
                }
            }
        }
        catch (Exception)
        {
            // The aborted read reports its cancellation (or the closed connection); the stop succeeded.
        }
        finally
        {
            Cancel(upstream);
        }
#pragma warning restore CA1031
    }

    private static void Cancel(CancellationTokenSource upstream)
    {
#pragma warning disable CA1031 // A cancellation callback of the upstream that throws must not turn a refusal into an error.
        try
        {
            upstream.Cancel();
        }
        catch (Exception)
        {
        }
#pragma warning restore CA1031
    }
}
