using System.Text;

namespace Llt.Codecs.Generator;

/// <summary>Maps SBE names (usually camelCase) and packages to C# identifiers and namespaces.</summary>
internal static class Naming
{
    /// <summary>"bidPrice" -> "BidPrice"; "order_id" stays an identifier ("Order_id").</summary>
    public static string Pascal(string name)
    {
        if (name.Length == 0)
        {
            return name;
        }

        return char.ToUpperInvariant(name[0]) + name.Substring(1);
    }

    /// <summary>"llt.sbe" -> "Llt.Sbe"; "my-app.v1" -> "MyApp.V1"; segments starting with a digit get a '_'.</summary>
    public static string Namespace(string package)
    {
        var result = new StringBuilder();
        foreach (string segment in package.Split('.'))
        {
            var part = new StringBuilder();
            bool upper = true;
            foreach (char c in segment)
            {
                if (!char.IsLetterOrDigit(c))
                {
                    upper = true;
                    continue;
                }

                part.Append(upper ? char.ToUpperInvariant(c) : c);
                upper = false;
            }

            if (part.Length == 0)
            {
                continue;
            }

            if (char.IsDigit(part[0]))
            {
                part.Insert(0, '_');
            }

            if (result.Length > 0)
            {
                result.Append('.');
            }

            result.Append(part);
        }

        return result.Length == 0 ? "Sbe" : result.ToString();
    }

    /// <summary>A C# string literal.</summary>
    public static string Quote(string text)
    {
        var builder = new StringBuilder("\"");
        foreach (char c in text)
        {
            switch (c)
            {
                case '\\': builder.Append("\\\\"); break;
                case '"': builder.Append("\\\""); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (c < 0x20 || c > 0x7E)
                    {
                        builder.Append("\\u").Append(((int)c).ToString("X4"));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }
}
