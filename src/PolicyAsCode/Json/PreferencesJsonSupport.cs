using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace PolicyAsCode.Json;

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
        Span<DimensionValue> values = count <= 64 ? stackalloc DimensionValue[count] : new DimensionValue[count];
        Span<byte> states = count <= 256 ? stackalloc byte[count] : new byte[count];
        var walker = new Walker<TSchema>(registry, ref schema, values, states, options ?? PreferencesReaderOptions.Default);
        walker.Walk(utf8);

        var unreadable = DimensionSet.Empty;
        var words = (count + 63) / 64;
        Span<ulong> given = words <= 4 ? stackalloc ulong[words] : new ulong[words];
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
                Fail(PreferenceErrorKind.TooLarge, $"The document has {utf8.Length} bytes; at most {_options.MaxBytes} are read.");
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
                Fail(PreferenceErrorKind.Syntax, "The document is not well-formed JSON: " + exception.Message);
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
                Fail(PreferenceErrorKind.NotAnObject, $"The document is {Describe(_reader.TokenType)}, not an object.");
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
                            var name = Shorten(StringOf(ref _reader));
                            Record(PreferencesJsonSupport.PathOf(name, -1), PreferenceErrorKind.UnknownProperty, $"\"{name}\" names no dimension; it is ignored.", -1);
                        }
                    }
                    else
                    {
                        _states[d] = Unreadable;
                        if (Recording())
                        {
                            Record(PathOf(d, -1), PreferenceErrorKind.DuplicateProperty, $"{JsonNameOf(d)} is given more than once.", d);
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
                        : Reject(d, -1, PreferenceErrorKind.OutsideDomain, "must be a whole number from -2147483648 to 2147483647");
                case DimensionKind.Real when token == JsonTokenType.Number:
                    return _reader.TryGetDouble(out var real) && double.IsFinite(real)
                        ? Accept(d, DimensionValue.OfNumber(real))
                        : Reject(d, -1, PreferenceErrorKind.OutsideDomain, "must be a finite number");
                case DimensionKind.Ordinal or DimensionKind.Choice when token == JsonTokenType.String:
                    return TryMatchMember(d, out var member)
                        ? Accept(d, DimensionValue.OfPosition(member))
                        : Reject(d, -1, PreferenceErrorKind.OutsideDomain, "must be one of " + MembersOf(d));
                case DimensionKind.Set when token == JsonTokenType.StartArray:
                    return ReadSet(d);
                default:
                    Reject(d, -1, PreferenceErrorKind.WrongType, $"must be {Expected(kind)}, not {Describe(token)}");
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
                    Reject(d, index, PreferenceErrorKind.WrongType, $"must be a flag name (a string), not {Describe(_reader.TokenType)}");
                    if (!Skip())
                    {
                        return false;
                    }
                }
                else if (!TryMatchMember(d, out var member))
                {
                    bad = true;
                    Reject(d, index, PreferenceErrorKind.OutsideDomain, "must be one of " + MembersOf(d));
                }
                else if (member < 64 && ((listed >> member) & 1UL) != 0)
                {
                    bad = true;
                    Reject(d, index, PreferenceErrorKind.OutsideDomain, "is listed twice");
                }
                else
                {
                    listed |= member < 64 ? 1UL << member : 0UL;
                    mask |= unchecked((ulong)flags[member]);
                }
            }

            return bad ? MarkUnreadable(d) : Accept(d, DimensionValue.OfMask(mask));
        }

        // An escaped text is unescaped first, which throws for an escaped lone surrogate: no name has one, so no match.
        // Only escaped text takes the guarded path, so the common one stays a direct call.
        private int MatchProperty() => _reader.ValueIsEscaped ? MatchEscaped(-1) : _schema.MatchProperty(_reader.ValueSpan);

        private bool TryMatchMember(int d, out int member)
        {
            member = _reader.ValueIsEscaped ? MatchEscaped(d) : _schema.MatchMember(d, _reader.ValueSpan);
            return member >= 0;
        }

        // The property (d < 0) or member of d that the current escaped text names, or -1; unescaped text is never longer.
        private int MatchEscaped(int d)
        {
            var length = _reader.ValueSpan.Length;
            Span<byte> text = length <= 256 ? stackalloc byte[length] : new byte[length];
            try
            {
                text = text[.._reader.CopyString(text)];
            }
            catch (InvalidOperationException)
            {
                return -1;
            }

            return d < 0 ? _schema.MatchProperty(text) : _schema.MatchMember(d, text);
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

        private bool Reject(int d, int index, PreferenceErrorKind kind, string problem)
        {
            _states[d] = Unreadable;
            if (Recording())
            {
                var what = _reader.TokenType == JsonTokenType.String ? $"\"{Shorten(StringOf(ref _reader))}\"" : "the value";
                Record(PathOf(d, index), kind, $"{JsonNameOf(d)}{(index >= 0 ? $"[{index}]" : string.Empty)}: {what} {problem}.", d);
            }

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

            Fail(PreferenceErrorKind.TooDeep, $"Arrays and objects nest deeper than {_options.MaxDepth}.");
            return false;
        }

        private void Fail(PreferenceErrorKind kind, string message)
        {
            Failed = true;
            if (Recording())
            {
                Record("$", kind, message, -1);
            }
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

        private readonly string JsonNameOf(int d) => PreferenceNames.JsonName(_registry.Dimensions[d].Name);

        private readonly string PathOf(int d, int index) => PreferencesJsonSupport.PathOf(JsonNameOf(d), index);

        private readonly string MembersOf(int d) => "\"" + string.Join("\", \"", _registry.Dimensions[d].Members) + "\"";
    }

    private const int MaxNameLength = 64;

    /// <summary>A JSONPath-style path to a property of the root and, from 0, an element of its array.</summary>
    internal static string PathOf(string name, int index)
    {
        var path = new StringBuilder("$");
        if (IsPlain(name))
        {
            path.Append('.').Append(name);
        }
        else
        {
            path.Append("['");
            foreach (var c in name)
            {
                if (c is '\'' or '\\')
                {
                    path.Append('\\').Append(c);
                }
                else if (c < ' ')
                {
                    path.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                }
                else
                {
                    path.Append(c);
                }
            }

            path.Append("']");
        }

        if (index >= 0)
        {
            path.Append('[').Append(index.ToString(CultureInfo.InvariantCulture)).Append(']');
        }

        return path.ToString();
    }

    private static bool IsPlain(string name)
    {
        if (name.Length == 0 || char.IsAsciiDigit(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }

    // The current string or property name, unescaped; text that is not valid UTF-8 or UTF-16 is shown as written.
    private static string StringOf(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped && reader.ValueSpan.Length <= MaxNameLength * 6)
        {
            try
            {
                return reader.GetString() ?? string.Empty;
            }
            catch (InvalidOperationException)
            {
                // An escape of a lone surrogate: fall through to the text as written.
            }
        }

        var raw = reader.ValueSpan;
        return Encoding.UTF8.GetString(raw.Length > MaxNameLength * 4 ? raw[..(MaxNameLength * 4)] : raw);
    }

    private static string Shorten(string text)
    {
        if (text.Length <= MaxNameLength)
        {
            return text;
        }

        var cut = char.IsHighSurrogate(text[MaxNameLength - 1]) ? MaxNameLength - 1 : MaxNameLength;
        return string.Concat(text.AsSpan(0, cut), "…");
    }

    private static string Expected(DimensionKind kind) => kind switch
    {
        DimensionKind.Boolean => "true or false",
        DimensionKind.Integer => "a whole number",
        DimensionKind.Real => "a number",
        DimensionKind.Set => "an array of flag names",
        _ => "a string",
    };

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => "a " + token.ToString(),
    };
}
