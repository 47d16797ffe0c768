namespace Llt.Engine;

internal static class Program
{
    private static int Main(string[] args)
    {
        Console.Out.WriteLine("llt-engine");
        return 0;
    }
}
