namespace Llt.Shell.Configuration;

/// <summary>
/// Reads a <c>.env</c> file: one <c>KEY=VALUE</c> per line, <c>#</c> comments, blank lines, an optional
/// <c>export </c> prefix, values bare (trailing <c># comment</c> dropped, whitespace trimmed), in single quotes
/// (taken literally) or in double quotes (with <c>\n \t \" \\</c> escapes). A line it cannot read is reported
/// with its number and skipped; the value is never echoed, since it may be a secret.
/// </summary>
public static class DotEnvFile
{
    public static DotEnvContents Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new DotEnvContents(new Dictionary<string, string>(StringComparer.Ordinal), [$"{path}: cannot read: {e.Message}"]);
        }

        return Parse(text, path);
    }

    public static DotEnvContents Parse(string text, string path)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var problems = new List<string>();
        string[] lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            if (line.StartsWith("export ", StringComparison.Ordinal) || line.StartsWith("export\t", StringComparison.Ordinal))
            {
                line = line[7..].TrimStart();
            }

            int equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                problems.Add($"{path}:{i + 1}: expected KEY=VALUE");
                continue;
            }

            string key = line[..equals].Trim();
            if (!IsValidKey(key))
            {
                problems.Add($"{path}:{i + 1}: '{key}' is not a variable name (letters, digits, _; not starting with a digit)");
                continue;
            }

            if (!TryReadValue(line[(equals + 1)..].TrimStart(), out string value, out string? error))
            {
                problems.Add($"{path}:{i + 1}: {key}: {error}");
                continue;
            }

            values[key] = value;
        }

        return new DotEnvContents(values, problems);
    }

    private static bool IsValidKey(string key)
    {
        if (key.Length == 0 || char.IsAsciiDigit(key[0]))
        {
            return false;
        }

        foreach (char c in key)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryReadValue(string raw, out string value, out string? error)
    {
        error = null;
        if (raw.Length == 0)
        {
            value = "";
            return true;
        }

        char quote = raw[0];
        if (quote == '\'')
        {
            int end = raw.IndexOf('\'', 1);
            if (end < 0)
            {
                value = "";
                error = "unterminated single quote";
                return false;
            }

            value = raw[1..end];
            return CheckTrailing(raw, end + 1, ref error);
        }

        if (quote == '"')
        {
            var text = new System.Text.StringBuilder();
            for (int i = 1; i < raw.Length; i++)
            {
                char c = raw[i];
                if (c == '"')
                {
                    value = text.ToString();
                    return CheckTrailing(raw, i + 1, ref error);
                }

                if (c == '\\' && i + 1 < raw.Length)
                {
                    char next = raw[++i];
                    text.Append(next switch
                    {
                        'n' => '\n',
                        't' => '\t',
                        'r' => '\r',
                        _ => next,
                    });
                    continue;
                }

                text.Append(c);
            }

            value = "";
            error = "unterminated double quote";
            return false;
        }

        // Bare value: an unquoted " #" starts a comment.
        int comment = raw.IndexOf(" #", StringComparison.Ordinal);
        value = (comment >= 0 ? raw[..comment] : raw).Trim();
        return true;
    }

    private static bool CheckTrailing(string raw, int from, ref string? error)
    {
        string rest = raw[from..].Trim();
        if (rest.Length == 0 || rest[0] == '#')
        {
            return true;
        }

        error = "unexpected text after the closing quote";
        return false;
    }
}
