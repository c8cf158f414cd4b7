using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;

namespace PolicyAsCode.Extensions.AI.Tests.Monitoring;

/// <summary>One measurement a <see cref="MeterListener"/> saw.</summary>
public sealed record Seen(string Instrument, long Value, IReadOnlyDictionary<string, string> Tags)
{
    public string this[string tag] => Tags.TryGetValue(tag, out var value) ? value : "<absent>";
}

/// <summary>Every long measurement of one meter's instruments (the meter of one service provider, so parallel tests do not mix).</summary>
public sealed class MeasurementLog : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly List<Seen> _seen = [];

    public MeasurementLog(Meter meter)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter, meter))
            {
                lock (_seen)
                {
                    Published.Add(instrument.Name);
                }

                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var pairs = new Dictionary<string, string>();
            foreach (var tag in tags)
            {
                pairs[tag.Key] = Convert.ToString(tag.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "<null>";
            }

            lock (_seen)
            {
                _seen.Add(new Seen(instrument.Name, value, pairs));
            }
        });
        _listener.Start();
    }

    /// <summary>Names of the meter's instruments published while listening (including those that existed before).</summary>
    public HashSet<string> Published { get; } = [];

    /// <summary>Asks every observable instrument for its measurements, then returns everything seen so far.</summary>
    public List<Seen> Collect()
    {
        _listener.RecordObservableInstruments();
        lock (_seen)
        {
            return [.. _seen];
        }
    }

    /// <summary>Forgets what was seen.</summary>
    public void Clear()
    {
        lock (_seen)
        {
            _seen.Clear();
        }
    }

    public void Dispose() => _listener.Dispose();

    public static IEnumerable<Seen> Of(IEnumerable<Seen> seen, string prefix) => seen.Where(s => s.Instrument.StartsWith(prefix, StringComparison.Ordinal));
}
