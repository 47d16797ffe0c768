using Llt.Hotpath.Runtime;

namespace Llt.Hotpath.Tests.Runtime;

public sealed class BusySpinIdleStrategyTests : IdleStrategyConformanceTests
{
    protected override IIdleStrategy CreateStrategy() => new BusySpinIdleStrategy();
}
