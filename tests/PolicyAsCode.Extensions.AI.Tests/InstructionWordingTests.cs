using System;
using System.Collections.Immutable;
using System.Linq;
using PolicyAsCode.Runtime;
using PolicyAsCode.Extensions.AI.Tests.Support;
using QuickStart.Policies;
using Xunit;

namespace PolicyAsCode.Extensions.AI.Tests;

/// <summary>Instructions come from the policy's [Instruction] sentences, else its [Described] text and the value.</summary>
public class InstructionWordingTests
{
    private static readonly PolicyEngine<LearnerPreferences> Engine = new();

    [Fact]
    public void The_policy_words_each_dimension_through_its_instruction_attributes()
    {
        var tone = LearnerPreferences.Registry.Dimensions.Single(d => d.Name == "Tone");
        var memory = LearnerPreferences.Registry.Dimensions.Single(d => d.Name == "MemoryDays");

        Assert.Equal("Tone: {value:lower}.", Assert.Single(tone.Instructions).Template);
        Assert.Equal(2, memory.Instructions.Length);
        Assert.Equal("Memory: do not keep or reuse personal details beyond this conversation.", memory.InstructionFor(DimensionValue.OfNumber(0), waived: false)!.Template);
        Assert.Equal("Memory: you may remember personal details for at most {value} days.", memory.InstructionFor(DimensionValue.OfNumber(7), waived: false)!.Template);
    }

    [Fact]
    public void The_generated_registry_and_its_data_agree_on_instructions()
    {
        var data = (Compiled.PolicyRegistryDataAttribute)Attribute.GetCustomAttribute(typeof(LearnerPreferences), typeof(Compiled.PolicyRegistryDataAttribute))!;
        var read = PolicyRegistryData.Read(data.Data, data.Format);

        foreach (var (compiled, fromData) in LearnerPreferences.Registry.Dimensions.Zip(read.Dimensions))
        {
            Assert.True(compiled.Equals(fromData), $"{compiled.Name}: [{string.Join("; ", compiled.Instructions)}] vs [{string.Join("; ", fromData.Instructions)}]; {compiled} vs {fromData}");
        }

        Assert.Contains(read.Dimensions, d => d.Instructions.Length > 1);
    }

    [Fact]
    public void Rendered_instructions_read_as_the_policy_words_them()
    {
        var text = Render(new LearnerPreferences { Tone = Tone.Playful, Topics = Topics.Science | Topics.History, Language = "fr", MemoryDays = 0 }, Learners.UsAdult);

        Assert.Contains("- Tone: playful.", text, StringComparison.Ordinal);
        Assert.Contains("- Topics you may bring up on your own initiative: Science, History.", text, StringComparison.Ordinal);
        Assert.Contains("- Language: answer in French (fr).", text, StringComparison.Ordinal);
        Assert.Contains("- Memory: do not keep or reuse personal details beyond this conversation.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dimension_without_instructions_falls_back_to_its_description_and_value()
    {
        var renderer = new ExposedRenderer();
        var tone = LearnerPreferences.Registry.Dimensions.Single(d => d.Name == "Tone") with { Instructions = ImmutableArray<InstructionText>.Empty };

        Assert.Equal("The assistant's tone: Friendly.", renderer.Line(tone, DimensionValue.OfPosition(1)));
    }

    [Fact]
    public void A_sentence_for_one_value_beats_the_general_one_and_a_waived_one_needs_a_waiver()
    {
        var disclose = LearnerPreferences.Registry.Dimensions.Single(d => d.Name == "DiscloseAi");
        var off = DimensionValue.OfPosition(0);

        Assert.StartsWith("Persona: you are an AI assistant.", disclose.InstructionFor(DimensionValue.OfPosition(1), waived: false)!.Template, StringComparison.Ordinal);
        Assert.StartsWith("Persona: you need not announce", disclose.InstructionFor(off, waived: false)!.Template, StringComparison.Ordinal);
        Assert.StartsWith("Persona: the user waived AI disclosure", disclose.InstructionFor(off, waived: true)!.Template, StringComparison.Ordinal);
    }

    private static string Render(LearnerPreferences preferences, PolicyContext context)
    {
        var snapshot = Engine.Current;
        var resolution = LearnerPreferences.Resolve(preferences, context);
        return new DefaultInstructionRenderer<LearnerPreferences>().Render(snapshot, resolution, context)!;
    }

    private sealed class ExposedRenderer : DefaultInstructionRenderer<LearnerPreferences>
    {
        public string? Line(DimensionInfo dimension, DimensionValue value) => RenderDimension(LearnerPreferences.Registry, dimension, value, null);
    }
}
