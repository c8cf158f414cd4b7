using System;
using System.Buffers;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text;
using System.Text.Json;
using PolicyAsCode.Json;

namespace PolicyAsCode.Compiled;

/// <summary>
/// The preferences reader: the one piece of code that walks a document, reads each kind of value and records errors
/// with their paths, shared by the generated <c>ReadPreferences</c> and <see cref="PreferencesJson.Read"/>. Not meant
/// for hand-written code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class PreferencesJsonSupport
{
    /// <summary>Reads a preferences document. Never throws for any <paramref name="utf8"/>.</summary>
    /// <typeparam name="TSchema">The policy's names (a struct, so the calls through it are direct).</typeparam>
    /// <typeparam name="T">The preferences returned.</typeparam>
    /// <param name="registry">The policy: dimension kinds, names and flag values.</param>
    /// <param name="schema">Name matching, defaults and the result's construction.</param>
    /// <param name="utf8">The document, UTF-8.</param>
    /// <param name="options">Limits; <see cref="PreferencesReaderOptions.Default"/> when null.</param>
    public static PreferencesReadResult<T> Read<TSchema, T>(PolicyRegistry registry, ref TSchema schema, ReadOnlySpan<byte> utf8, PreferencesReaderOptions? options)
        where TSchema : struct, IPreferenceSchema<T>
    {
        ArgumentNullException.ThrowIfNull(registry);
        var count = registry.Dimensions.Length;
        var values = count <= 64 ? stackalloc DimensionValue[count] : new DimensionValue[count];
        var states = count <= 256 ? stackalloc byte[count] : new byte[count];
        var walker = new Walker<TSchema>(registry, ref schema, values, states, options ?? PreferencesReaderOptions.Default);
        walker.Walk(utf8);

        var unreadable = DimensionSet.Empty;
        var words = (count + 63) / 64;
        var given = words <= 4 ? stackalloc ulong[words] : new ulong[words];
        given.Clear();
        for (var d = 0; d < count; d++)
        {
            if (!walker.Failed && states[d] == Walker<TSchema>.Read)
            {
                given[d >> 6] |= 1UL << d;
            }

            if (walker.Failed || states[d] == Walker<TSchema>.Unreadable)
            {
                unreadable = unreadable.With(d);
            }
        }

        var errors = walker.Errors is null ? Array.Empty<PreferenceError>() : walker.Errors.ToArray();
        return new PreferencesReadResult<T>(schema.Build(values, given), unreadable, errors, walker.TooManyErrors);
    }

    private static ReadOnlySpan<byte> ByteOrderMark => [0xEF, 0xBB, 0xBF];

    /// <summary>Why a value is rejected: what its message will say, if it is recorded.</summary>
    private enum Problem
    {
        WrongType,
        NoFlagName,
        NotAnInt32,
        NotFinite,
        NoMember,
        ListedTwice,
    }

    // Generic over the schema only, so it is compiled for each schema struct, never shared over the result type.
    private ref struct Walker<TSchema>
        where TSchema : struct, IPreferenceNames
    {
        public const byte Absent = 0;
        public const byte Read = 1;
        public const byte Unreadable = 2;

        private readonly PolicyRegistry _registry;
        private readonly ref TSchema _schema;
        private readonly Span<DimensionValue> _values;
        private readonly Span<byte> _states;
        private readonly PreferencesReaderOptions _options;
        private Utf8JsonReader _reader;
        private StringBuilder? _text;

        public Walker(PolicyRegistry registry, ref TSchema schema, Span<DimensionValue> values, Span<byte> states, PreferencesReaderOptions options)
        {
            _registry = registry;
            _schema = ref schema;
            _values = values;
            _states = states;
            _options = options;
        }

        public List<PreferenceError>? Errors { get; private set; }

        public bool TooManyErrors { get; private set; }

        /// <summary>Whether a document-level error made every dimension unreadable.</summary>
        public bool Failed { get; private set; }

        public void Walk(ReadOnlySpan<byte> utf8)
        {
            if (utf8.Length > _options.MaxBytes)
            {
                if (Failing())
                {
                    Record("$", PreferenceErrorKind.TooLarge, $"The document has {utf8.Length} bytes; at most {_options.MaxBytes} are read.", -1);
                }

                return;
            }

            if (utf8.StartsWith(ByteOrderMark))
            {
                utf8 = utf8[ByteOrderMark.Length..];
            }

            // The reader's own depth limit is one above ours, so the container that is too deep is read and reported here.
            _reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = _options.MaxDepth + 1 });
            try
            {
                WalkDocument();
            }
            catch (JsonException exception)
            {
                // The parser's message may quote the document's bytes: escaped like every other untrusted text.
                if (Failing())
                {
                    Record("$", PreferenceErrorKind.Syntax, "The document is not well-formed JSON: " + UntrustedText.Escape(exception.Message), -1);
                }
            }
        }

        private void WalkDocument()
        {
            if (!_reader.Read())
            {
                Fail(PreferenceErrorKind.Syntax, "The document is empty.");
                return;
            }

            if (_reader.TokenType != JsonTokenType.StartObject)
            {
                if (Failing())
                {
                    Record("$", PreferenceErrorKind.NotAnObject, $"The document is {PreferenceErrorText.Describe(_reader.TokenType)}, not an object.", -1);
                }

                return;
            }

            while (true)
            {
                if (!Next())
                {
                    return;
                }

                if (_reader.TokenType == JsonTokenType.EndObject)
                {
                    break;
                }

                var d = MatchProperty();
                if (d < 0 || _states[d] != Absent)
                {
                    if (d < 0)
                    {
                        if (Recording())
                        {
                            RecordUnknownProperty();
                        }
                    }
                    else
                    {
                        _states[d] = Unreadable;
                        if (Recording())
                        {
                            Record(PathOf(d, -1), PreferenceErrorKind.DuplicateProperty, AppendJsonName(Text(), d).Append(" is given more than once.").ToString(), d);
                        }
                    }

                    if (!Next() || !Skip())
                    {
                        return;
                    }

                    continue;
                }

                if (!Next() || !ReadValue(d))
                {
                    return;
                }
            }

            // After the root, only white space may follow; the reader reports anything else as a syntax error.
            if (_reader.Read())
            {
                Fail(PreferenceErrorKind.Syntax, "The document holds more than one JSON value.");
            }
        }

        private void RecordUnknownProperty()
        {
            Span<char> buffer = stackalloc char[PreferenceErrorText.MaxQuotedLength];
            var name = PreferenceErrorText.TextOf(_reader.ValueSpan, _reader.ValueIsEscaped, buffer, out var cut);
            var path = PreferenceErrorText.AppendPath(Text(), name, cut, -1).ToString();
            Record(path, PreferenceErrorKind.UnknownProperty, PreferenceErrorText.AppendQuoted(Text(), name, cut).Append(" names no dimension; it is ignored.").ToString(), -1);
        }

        private bool ReadValue(int d)
        {
            var kind = _registry.Dimensions[d].Kind;
            var token = _reader.TokenType;
            switch (kind)
            {
                case DimensionKind.Boolean when token is JsonTokenType.True or JsonTokenType.False:
                    return Accept(d, DimensionValue.OfPosition(token == JsonTokenType.True ? 1 : 0));
                case DimensionKind.Integer when token == JsonTokenType.Number:
                    return _reader.TryGetInt32(out var integer)
                        ? Accept(d, DimensionValue.OfNumber(integer))
                        : Reject(d, -1, Problem.NotAnInt32);
                case DimensionKind.Real when token == JsonTokenType.Number:
                    return _reader.TryGetDouble(out var real) && double.IsFinite(real)
                        ? Accept(d, DimensionValue.OfNumber(real))
                        : Reject(d, -1, Problem.NotFinite);
                case DimensionKind.Ordinal or DimensionKind.Choice when token == JsonTokenType.String:
                    return TryMatchMember(d, out var member)
                        ? Accept(d, DimensionValue.OfPosition(member))
                        : Reject(d, -1, Problem.NoMember);
                case DimensionKind.Set when token == JsonTokenType.StartArray:
                    return ReadSet(d);
                default:
                    Reject(d, -1, Problem.WrongType);
                    return Skip();
            }
        }

        private bool ReadSet(int d)
        {
            if (!WithinDepth())
            {
                return false;
            }

            var flags = _registry.Dimensions[d].MemberValues;
            var mask = 0UL;
            var listed = 0UL;
            var bad = false;
            for (var index = 0; ; index++)
            {
                if (!Next())
                {
                    return false;
                }

                if (_reader.TokenType == JsonTokenType.EndArray)
                {
                    break;
                }

                if (_reader.TokenType != JsonTokenType.String)
                {
                    bad = true;
                    Reject(d, index, Problem.NoFlagName);
                    if (!Skip())
                    {
                        return false;
                    }
                }
                else if (!TryMatchMember(d, out var member))
                {
                    bad = true;
                    Reject(d, index, Problem.NoMember);
                }
                else if (member < 64 && ((listed >> member) & 1UL) != 0)
                {
                    bad = true;
                    Reject(d, index, Problem.ListedTwice);
                }
                else
                {
                    listed |= member < 64 ? 1UL << member : 0UL;
                    mask |= unchecked((ulong)flags[member]);
                }
            }

            return bad ? MarkUnreadable(d) : Accept(d, DimensionValue.OfMask(mask));
        }

        // An escaped text is unescaped first; an escaped lone surrogate, which no name holds, matches nothing (and throws
        // nothing: an exception per name would make a hostile document cost far more than a plain one).
        // Only escaped text takes that path, so the common one stays a direct call.
        private int MatchProperty() => _reader.ValueIsEscaped ? MatchEscaped(-1) : _schema.MatchProperty(_reader.ValueSpan);

        private bool TryMatchMember(int d, out int member)
        {
            member = _reader.ValueIsEscaped ? MatchEscaped(d) : _schema.MatchMember(d, _reader.ValueSpan);
            return member >= 0;
        }

        // The property (d < 0) or member of d that the current escaped text names, or -1; unescaped text is never longer.
        // A long text borrows a pooled buffer, so a document of long escaped strings allocates nothing per string.
        private int MatchEscaped(int d)
        {
            var raw = _reader.ValueSpan;
            var rented = raw.Length <= 256 ? null : ArrayPool<byte>.Shared.Rent(raw.Length);
            var text = rented ?? stackalloc byte[256];
            var match = -1;
            if (JsonStringText.TryUnescape(raw, text, out var written))
            {
                match = d < 0 ? _schema.MatchProperty(text[..written]) : _schema.MatchMember(d, text[..written]);
            }

            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }

            return match;
        }

        private bool Accept(int d, DimensionValue value)
        {
            _values[d] = value;
            _states[d] = Read;
            return true;
        }

        private bool MarkUnreadable(int d)
        {
            _states[d] = Unreadable;
            return true;
        }

        // Marks d unreadable and records the problem with the current token; the message is built only when it is
        // recorded, so the errors past the cap cost nothing but this call.
        private bool Reject(int d, int index, Problem problem)
        {
            _states[d] = Unreadable;
            if (!Recording())
            {
                return true;
            }

            var token = _reader.TokenType;
            var kind = problem is Problem.WrongType or Problem.NoFlagName ? PreferenceErrorKind.WrongType : PreferenceErrorKind.OutsideDomain;
            var path = PathOf(d, index);
            var message = PreferenceErrorText.AppendIndex(AppendJsonName(Text(), d), index).Append(": ");
            if (token == JsonTokenType.String)
            {
                Span<char> buffer = stackalloc char[PreferenceErrorText.MaxQuotedLength];
                PreferenceErrorText.AppendQuoted(message, PreferenceErrorText.TextOf(_reader.ValueSpan, _reader.ValueIsEscaped, buffer, out var cut), cut);
            }
            else
            {
                message.Append("the value");
            }

            _ = problem switch
            {
                Problem.NotAnInt32 => message.Append(" must be a whole number from -2147483648 to 2147483647"),
                Problem.NotFinite => message.Append(" must be a finite number"),
                Problem.NoMember => message.Append(" must be one of ").Append(PreferenceErrorText.NamesOf(_registry.Dimensions[d])),
                Problem.ListedTwice => message.Append(" is listed twice"),
                Problem.NoFlagName => message.Append(" must be a flag name (a string), not ").Append(PreferenceErrorText.Describe(token)),
                _ => message.Append(" must be ").Append(PreferenceErrorText.Expected(_registry.Dimensions[d].Kind)).Append(", not ").Append(PreferenceErrorText.Describe(token)),
            };
            Record(path, kind, message.Append('.').ToString(), d);
            return true;
        }

        // Moves to the next token; a document that ends early is a syntax error.
        private bool Next()
        {
            if (_reader.Read())
            {
                return true;
            }

            Fail(PreferenceErrorKind.Syntax, "The document ends early.");
            return false;
        }

        // Skips the current value, containers included, within the depth limit.
        private bool Skip()
        {
            if (_reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
            {
                return true;
            }

            if (!WithinDepth())
            {
                return false;
            }

            var depth = _reader.CurrentDepth;
            while (Next())
            {
                switch (_reader.TokenType)
                {
                    case JsonTokenType.StartObject or JsonTokenType.StartArray when !WithinDepth():
                        return false;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray when _reader.CurrentDepth == depth:
                        return true;
                }
            }

            return false;
        }

        // The current token opens a container; the root object is depth 1.
        private bool WithinDepth()
        {
            if (_reader.CurrentDepth + 1 <= _options.MaxDepth)
            {
                return true;
            }

            if (Failing())
            {
                Record("$", PreferenceErrorKind.TooDeep, $"Arrays and objects nest deeper than {_options.MaxDepth}.", -1);
            }

            return false;
        }

        private void Fail(PreferenceErrorKind kind, string message)
        {
            if (Failing())
            {
                Record("$", kind, message, -1);
            }
        }

        // Makes every dimension unreadable; whether the error is recorded (the caller builds its message only then).
        private bool Failing()
        {
            Failed = true;
            return Recording();
        }

        // Whether one more error is recorded; once the limit is reached, only the fact that there were more is kept.
        private bool Recording()
        {
            if ((Errors?.Count ?? 0) < _options.MaxErrors)
            {
                return true;
            }

            TooManyErrors = true;
            return false;
        }

        private void Record(string path, PreferenceErrorKind kind, string message, int dimension) =>
            (Errors ??= []).Add(new PreferenceError(path, kind, message, dimension));

        // One builder per read, for the recorded errors' paths and messages: each costs only its final string.
        private StringBuilder Text() => (_text ??= new StringBuilder(256)).Clear();

        // A dimension's JSON name (PreferenceNames.JsonName), without building it as a string of its own.
        private readonly StringBuilder AppendJsonName(StringBuilder text, int d)
        {
            var name = _registry.Dimensions[d].Name;
            return name.Length == 0 ? text : text.Append(char.ToLowerInvariant(name[0])).Append(name.AsSpan(1));
        }

        private string PathOf(int d, int index)
        {
            var name = _registry.Dimensions[d].Name;
            var json = name.Length <= 128 ? stackalloc char[name.Length] : new char[name.Length];
            name.AsSpan().CopyTo(json);
            if (json.Length > 0)
            {
                json[0] = char.ToLowerInvariant(json[0]);
            }

            return PreferenceErrorText.AppendPath(Text(), json, false, index, int.MaxValue).ToString();
        }
    }
}
