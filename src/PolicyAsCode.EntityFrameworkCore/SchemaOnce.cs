using System;
using System.Threading;
using System.Threading.Tasks;

namespace PolicyAsCode.EntityFrameworkCore;

/// <summary>
/// Creates a store's tables once, shared by every call waiting on it; a failed or cancelled attempt is retried by the
/// next call instead of being remembered, so a database that was briefly unreachable does not break the store for good.
/// </summary>
internal sealed class SchemaOnce(bool enabled, Func<Task> create)
{
    private readonly Lock _gate = new();
    private Task? _creation;

    public Task EnsureAsync(CancellationToken cancellationToken)
    {
        if (!enabled)
        {
            return Task.CompletedTask;
        }

        var current = Volatile.Read(ref _creation);
        if (current is { IsCompletedSuccessfully: true })
        {
            return current;
        }

        lock (_gate)
        {
            if (_creation is null || _creation.IsFaulted || _creation.IsCanceled)
            {
                // Not the caller's token: the creation is shared by every call waiting on it.
                _creation = create();
            }

            return _creation.WaitAsync(cancellationToken);
        }
    }
}
