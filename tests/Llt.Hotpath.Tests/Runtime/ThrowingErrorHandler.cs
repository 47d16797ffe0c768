using Llt.Hotpath.Runtime;

namespace Llt.Hotpath.Tests.Runtime;

/// <summary>An error handler that breaks its contract, to prove the runner survives it.</summary>
internal sealed class ThrowingErrorHandler : IErrorHandler
{
    public void OnError(Exception exception)
    {
        throw new InvalidOperationException("error handler failed", exception);
    }
}
