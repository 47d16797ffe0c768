using Llt.Hotpath.Runtime;

namespace Llt.Hotpath.Tests.Runtime;

public sealed class NoOpIdleStrategyTests : IdleStrategyConformanceTests
{
    protected override IIdleStrategy CreateStrategy() => new NoOpIdleStrategy();
}
