using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace PolicyAsCode.Tool;

/// <summary>
/// The policies of an assembly file, read from its metadata alone (System.Reflection.Metadata): the user tiers that carry
/// the generator's <c>[PolicyRegistryData(format, data)]</c>, with that data. Nothing is loaded into the runtime and
/// none of the assembly's code runs; a file that cannot be decoded is bad input, never a crash.
/// </summary>
internal static class PolicyMetadata
{
    private const string AttributeNamespace = "PolicyAsCode.Compiled";
    private const string AttributeName = "PolicyRegistryDataAttribute";

    // The image is read whole; a policy assembly is kilobytes to a few megabytes.
    private const long MaxImageBytes = 256L * 1024 * 1024;

    /// <summary>One user tier's policy data, undecoded.</summary>
    /// <param name="FullName">The type's full name as reflection writes it (<c>Ns.Outer+Inner</c>).</param>
    /// <param name="Name">Its simple name.</param>
    /// <param name="Format">The data's format version.</param>
    /// <param name="Data">The registry as data, undecoded.</param>
    internal sealed record Entry(string FullName, string Name, int Format, string Data);

    /// <summary>Reads the policy data of every user tier of <paramref name="assemblyPath"/>.</summary>
    /// <param name="assemblyPath">The assembly file, as given.</param>
    /// <param name="implementsPolicy">Whether any type refers to <c>PolicyAsCode.IUserTierPolicy&lt;T&gt;</c>: a policy
    /// built by a generator that wrote no data.</param>
    /// <exception cref="PacInputException">A directory, a missing file, a file that is not a .NET assembly, or a
    /// corrupted one.</exception>
    public static List<Entry> Read(string assemblyPath, out bool implementsPolicy)
    {
        var path = Path.GetFullPath(assemblyPath);
        if (Directory.Exists(path))
        {
            throw new PacInputException($"{assemblyPath}: is a directory, not an assembly; give the policy's .dll.");
        }

        if (!File.Exists(path))
        {
            throw new PacInputException($"{assemblyPath}: no such file.");
        }

        try
        {
            using var stream = File.OpenRead(path);
            if (stream.Length > MaxImageBytes)
            {
                throw new PacInputException($"{assemblyPath}: is {stream.Length} bytes long; pac reads policy assemblies of at most {MaxImageBytes} bytes.");
            }

            using var image = new PEReader(stream, PEStreamOptions.PrefetchEntireImage);
            if (!image.HasMetadata)
            {
                throw new PacInputException($"{assemblyPath}: not a .NET assembly.");
            }

            var metadata = image.GetMetadataReader();
            if (!metadata.IsAssembly)
            {
                throw new PacInputException($"{assemblyPath}: not a .NET assembly (a module without a manifest).");
            }

            implementsPolicy = RefersToUserTierPolicy(metadata);
            return Entries(metadata);
        }
        catch (PacInputException)
        {
            throw;
        }
        catch (IOException e)
        {
            throw new PacInputException($"{assemblyPath}: could not be read: {LoadedPolicy.OneLine(e.Message)}", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new PacInputException($"{assemblyPath}: could not be read: {LoadedPolicy.OneLine(e.Message)}", e);
        }
#pragma warning disable CA1031 // the image is untrusted: whatever its decoder throws on it is bad input, said on one line
        catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            throw new PacInputException($"{assemblyPath}: not a .NET assembly, or a corrupted one ({e.GetType().Name}: {LoadedPolicy.OneLine(e.Message)}).", e);
        }
    }

    private static List<Entry> Entries(MetadataReader metadata)
    {
        var entries = new List<Entry>();
        foreach (var handle in metadata.TypeDefinitions)
        {
            var type = metadata.GetTypeDefinition(handle);
            foreach (var attributeHandle in type.GetCustomAttributes())
            {
                var attribute = metadata.GetCustomAttribute(attributeHandle);
                if (IsPolicyData(metadata, attribute.Constructor))
                {
                    var (format, data) = Arguments(metadata, attribute);
                    entries.Add(new Entry(FullName(metadata, type), metadata.GetString(type.Name), format, data));
                }
            }
        }

        return entries;
    }

    // The attribute's constructor, (int format, string data), on the type PolicyAsCode.Compiled.PolicyRegistryDataAttribute.
    private static bool IsPolicyData(MetadataReader metadata, EntityHandle constructor)
    {
        StringHandle name, space;
        BlobHandle signature;
        switch (constructor.Kind)
        {
            case HandleKind.MemberReference:
                var member = metadata.GetMemberReference((MemberReferenceHandle)constructor);
                if (member.Parent.Kind != HandleKind.TypeReference)
                {
                    return false;
                }

                var reference = metadata.GetTypeReference((TypeReferenceHandle)member.Parent);
                (name, space, signature) = (reference.Name, reference.Namespace, member.Signature);
                break;
            case HandleKind.MethodDefinition:
                var method = metadata.GetMethodDefinition((MethodDefinitionHandle)constructor);
                var definition = metadata.GetTypeDefinition(method.GetDeclaringType());
                (name, space, signature) = (definition.Name, definition.Namespace, method.Signature);
                break;
            default:
                return false;
        }

        if (!metadata.StringComparer.Equals(name, AttributeName) || !metadata.StringComparer.Equals(space, AttributeNamespace))
        {
            return false;
        }

        var blob = metadata.GetBlobReader(signature);
        blob.ReadSignatureHeader();
        return blob.ReadCompressedInteger() == 2
            && blob.ReadSignatureTypeCode() == SignatureTypeCode.Void
            && blob.ReadSignatureTypeCode() == SignatureTypeCode.Int32
            && blob.ReadSignatureTypeCode() == SignatureTypeCode.String;
    }

    // ECMA-335 II.23.3: the prolog 0x0001, then the fixed arguments: an int32 and a SerString.
    private static (int Format, string Data) Arguments(MetadataReader metadata, CustomAttribute attribute)
    {
        var blob = metadata.GetBlobReader(attribute.Value);
        if (blob.ReadUInt16() != 1)
        {
            throw new BadImageFormatException("a custom attribute blob has no prolog");
        }

        var format = blob.ReadInt32();
        var data = blob.ReadSerializedString() ?? throw new BadImageFormatException("the policy data is null");
        return (format, data);
    }

    private static string FullName(MetadataReader metadata, TypeDefinition type)
    {
        var name = metadata.GetString(type.Name);
        var seen = 0;
        while (type.GetDeclaringType() is { IsNil: false } outer)
        {
            type = metadata.GetTypeDefinition(outer);
            name = metadata.GetString(type.Name) + "+" + name;
            if (++seen > 64)
            {
                throw new BadImageFormatException("nested types form a cycle");
            }
        }

        var space = metadata.GetString(type.Namespace);
        return space.Length == 0 ? name : space + "." + name;
    }

    private static bool RefersToUserTierPolicy(MetadataReader metadata)
    {
        foreach (var handle in metadata.TypeReferences)
        {
            var reference = metadata.GetTypeReference(handle);
            if (metadata.StringComparer.Equals(reference.Name, "IUserTierPolicy`1") && metadata.StringComparer.Equals(reference.Namespace, "PolicyAsCode"))
            {
                return true;
            }
        }

        return false;
    }
}
