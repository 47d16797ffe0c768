using Llt.Hotpath.Runtime;

namespace Llt.Hotpath.Tests.Runtime;

public sealed class YieldingIdleStrategyTests : IdleStrategyConformanceTests
{
    protected override IIdleStrategy CreateStrategy() => new YieldingIdleStrategy();
}
