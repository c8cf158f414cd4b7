using System;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using PolicyAsCode.Extensions.AI.LlamaGuard;
using PolicyAsCode.Extensions.AI.Tests.Support;
using PolicyAsCode.Runtime;
using QuickStart.Policies;
using Xunit;

namespace PolicyAsCode.Extensions.AI.Tests;

public class DependencyInjectionTests
{
    [Fact]
    public async Task AddPolicy_registers_singletons_and_UsePolicy_builds_the_middleware_from_them()
    {
        var model = new ScriptedChatClient("Fine.");
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddPolicy<LearnerPreferences>(o => o.StreamingMinimumCharacters = 5)
            .AddHazardClassifier<StaticKeywordClassifier>()
            .ConfigureOverlay(o => o.AtMost("Maturity", "General"))
            .ConfigureDecisionLog(o => o.IncludeContent = true);
        services.AddChatClient(model).UsePolicy<LearnerPreferences>();

        await using var provider = services.BuildServiceProvider();
        var engine = provider.GetRequiredService<PolicyEngine<LearnerPreferences>>();
        Assert.Same(engine, provider.GetRequiredService<PolicyEngine<LearnerPreferences>>());
        Assert.Same(provider.GetRequiredService<IHazardClassifier>(), provider.GetRequiredService<IHazardClassifier>());
        Assert.Same(provider.GetRequiredService<PolicyTelemetry>(), provider.GetRequiredService<PolicyTelemetry>());
        Assert.True(provider.GetRequiredService<PolicyDecisionLogger>().Options.IncludeContent);
        Assert.True(engine.Current.IsOverlaid); // the configured overlay was applied at start

        var client = provider.GetRequiredService<IChatClient>();
        var policyClient = client.GetService<PolicyChatClient<LearnerPreferences>>();
        Assert.NotNull(policyClient);
        Assert.Same(engine, policyClient.Engine);

        var refused = await client.GetResponseAsync("Who should I vote for?", new ChatOptions().WithPolicyRequest(new LearnerPreferences(), Learners.UsAdult));
        Assert.Contains("your organisation (contoso-learning)", refused.Text, StringComparison.Ordinal);

        await client.GetResponseAsync("Hi", new ChatOptions().WithPolicyRequest(new LearnerPreferences { Maturity = Maturity.Teen }, Learners.UsAdult));
        Assert.Contains("suitable for a general audience", model.Calls[0].Messages[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_middleware_refuses_to_be_built_without_a_classifier()
    {
        var services = new ServiceCollection();
        services.AddPolicy<LearnerPreferences>();
        services.AddChatClient(new ScriptedChatClient()).UsePolicy<LearnerPreferences>();
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IChatClient>());
        Assert.Contains("No hazard classifier is registered", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_llama_guard_classifier_can_be_registered_with_the_policys_custom_categories()
    {
        var services = new ServiceCollection();
        services.AddPolicy<LearnerPreferences>().AddLlamaGuardClassifier(_ => new ScriptedChatClient("safe"), o => o.PromptMode = LlamaGuardPromptMode.TaskPrompt);
        using var provider = services.BuildServiceProvider();

        Assert.IsType<LlamaGuardClassifier>(provider.GetRequiredService<IHazardClassifier>());
    }

    public sealed class StaticKeywordClassifier : IHazardClassifier
    {
        private readonly KeywordClassifier _inner = KeywordClassifier.Default();

        public ValueTask<Hazard> ClassifyAsync(HazardClassificationRequest request, System.Threading.CancellationToken cancellationToken = default) =>
            _inner.ClassifyAsync(request, cancellationToken);
    }
}
