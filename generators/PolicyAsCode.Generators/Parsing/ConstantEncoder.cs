using System;
using System.Globalization;
using Microsoft.CodeAnalysis;
using PolicyAsCode.Generators.Model;

namespace PolicyAsCode.Generators.Parsing;

/// <summary>Turns constants written in attributes and initialisers into values on a dimension's lattice.</summary>
internal static class ConstantEncoder
{
    /// <summary>Encodes an attribute argument; <paramref name="dimensionType"/> is the dimension's type, to check enum arguments.</summary>
    public static bool TryEncode(DimensionModel dimension, ITypeSymbol dimensionType, TypedConstant constant, out DimensionValue value, out string error)
    {
        value = default;
        if (constant.Kind == TypedConstantKind.Array || constant.Kind == TypedConstantKind.Type || constant.Kind == TypedConstantKind.Error)
        {
            error = $"{Describe(constant)} is not a single constant of type {dimension.TypeName}";
            return false;
        }

        if (dimensionType.TypeKind == TypeKind.Enum && !SymbolEqualityComparer.Default.Equals(constant.Type, dimensionType))
        {
            error = $"{Describe(constant)} is not a member of {dimension.TypeName}";
            return false;
        }

        return TryEncodeRaw(dimension, constant.IsNull ? null : constant.Value, out value, out error);
    }

    /// <summary>Encodes a constant's raw value (enum constants as their underlying number).</summary>
    public static bool TryEncodeRaw(DimensionModel dimension, object? raw, out DimensionValue value, out string error)
    {
        value = default;
        error = string.Empty;
        switch (dimension.Kind)
        {
            case DimensionKind.Boolean:
                if (raw is bool flag)
                {
                    value = DimensionValue.OfPosition(flag ? 1 : 0);
                    return true;
                }

                break;
            case DimensionKind.Integer:
                if (raw is int or short or sbyte or byte or ushort)
                {
                    value = DimensionValue.OfNumber(Convert.ToInt32(raw, CultureInfo.InvariantCulture));
                    return true;
                }

                break;
            case DimensionKind.Real:
                if (raw is double or float or int or long or short or sbyte or byte or ushort or uint)
                {
                    var number = Convert.ToDouble(raw, CultureInfo.InvariantCulture);
                    if (double.IsNaN(number) || double.IsInfinity(number))
                    {
                        error = "a bound must be a finite number";
                        return false;
                    }

                    value = DimensionValue.OfNumber(number);
                    return true;
                }

                break;
            case DimensionKind.Choice:
                if (raw is string text)
                {
                    for (var i = 0; i < dimension.Members.Count; i++)
                    {
                        if (dimension.Members[i].Name == text)
                        {
                            value = DimensionValue.OfPosition(i);
                            return true;
                        }
                    }

                    error = $"\"{text}\" is not one of the values {dimension.Name} allows";
                    return false;
                }

                break;
            case DimensionKind.Ordinal:
                if (IsIntegral(raw))
                {
                    var number = ToInt64(raw!);
                    for (var i = 0; i < dimension.Members.Count; i++)
                    {
                        if (dimension.Members[i].Value == number)
                        {
                            value = DimensionValue.OfPosition(i);
                            return true;
                        }
                    }

                    error = $"{number.ToString(CultureInfo.InvariantCulture)} is not a defined member of {dimension.TypeName}";
                    return false;
                }

                break;
            case DimensionKind.Set:
                if (IsIntegral(raw))
                {
                    var mask = unchecked((ulong)ToInt64(raw!));
                    if ((mask & ~dimension.Domain.Ceiling) != 0)
                    {
                        error = $"0x{mask:X} holds flags {dimension.TypeName} does not define";
                        return false;
                    }

                    value = DimensionValue.OfMask(mask);
                    return true;
                }

                break;
        }

        error = $"{(raw is null ? "null" : raw.ToString())} is not a value of type {dimension.TypeName}";
        return false;
    }

    private static bool IsIntegral(object? raw) => raw is int or long or short or sbyte or byte or ushort or uint or ulong;

    private static long ToInt64(object raw) => raw is ulong u ? unchecked((long)u) : Convert.ToInt64(raw, CultureInfo.InvariantCulture);

    private static string Describe(TypedConstant constant) => constant.Kind switch
    {
        TypedConstantKind.Array => "a list",
        TypedConstantKind.Type => "a type",
        TypedConstantKind.Error => "an invalid expression",
        _ => constant.IsNull ? "null" : (constant.Value?.ToString() ?? "null"),
    };
}
