using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Llt.Codecs.Schema;

/// <summary>
/// Parses an SBE 1.0 messageSchema (the reference tool's dialect, with xi:include) into a resolved, validated
/// <see cref="MessageSchema"/>. Any problem is a <see cref="SchemaException"/> naming the file, line and problem.
/// </summary>
/// <example>
/// <code>
/// MessageSchema schema = SchemaParser.Parse(xml, "schemas/llt.xml", path => File.Exists(path) ? File.ReadAllText(path) : null);
/// </code>
/// </example>
public sealed class SchemaParser
{
    private const string XIncludeNamespace = "http://www.w3.org/2001/XInclude";
    private const string DefaultDimensionType = "groupSizeEncoding";

    private readonly Func<string, string?>? _includeResolver;
    private readonly Dictionary<XDocument, string> _fileOf = new Dictionary<XDocument, string>();
    private readonly Dictionary<string, XElement> _typeElements = new Dictionary<string, XElement>(StringComparer.Ordinal);
    private readonly Dictionary<string, SchemaType> _resolved = new Dictionary<string, SchemaType>(StringComparer.Ordinal);
    private readonly Dictionary<string, EncodedType> _implicitPrimitives = new Dictionary<string, EncodedType>(StringComparer.Ordinal);
    private readonly HashSet<string> _resolving = new HashSet<string>(StringComparer.Ordinal);
    private readonly List<string> _includeStack = new List<string>();
    private MessageSchema _schema = null!;

    private SchemaParser(Func<string, string?>? includeResolver)
    {
        _includeResolver = includeResolver;
    }

    /// <summary>Parses schema XML text.</summary>
    /// <param name="xml">The messageSchema document.</param>
    /// <param name="fileName">Path of the document; xi:include hrefs are resolved relative to its directory.</param>
    /// <param name="includeResolver">Returns the text of the file at a resolved include path, or null if absent.</param>
    public static MessageSchema Parse(string xml, string fileName, Func<string, string?>? includeResolver = null)
    {
        using (var reader = new StringReader(xml))
        {
            return Parse(reader, fileName, includeResolver);
        }
    }

    public static MessageSchema Parse(TextReader reader, string fileName, Func<string, string?>? includeResolver = null)
    {
        var parser = new SchemaParser(includeResolver);
        XDocument document = parser.Load(reader, fileName, null);
        return parser.ParseSchema(document.Root!);
    }

#if !NETSTANDARD2_0
    // Analyzers must not touch the disk (RS1035), so the file-based entry point exists only in the runtime library.

    /// <summary>Parses a schema file from disk, reading includes from disk.</summary>
    public static MessageSchema ParseFile(string path)
    {
        return Parse(File.ReadAllText(path), path, p => File.Exists(p) ? File.ReadAllText(p) : null);
    }
#endif

    /// <summary>
    /// The path an xi:include href denotes: relative to the including file's directory, "." and ".." collapsed,
    /// '/' as separator. Hosts map it to their files (the generator compares it to normalized AdditionalFiles paths).
    /// </summary>
    public static string ResolveIncludePath(string includingFile, string href)
    {
        string normalizedHref = href.Replace('\\', '/');
        if (normalizedHref.StartsWith("/", StringComparison.Ordinal) || (normalizedHref.Length > 1 && normalizedHref[1] == ':'))
        {
            return NormalizePath(normalizedHref);
        }

        string including = includingFile.Replace('\\', '/');
        int slash = including.LastIndexOf('/');
        string directory = slash >= 0 ? including.Substring(0, slash + 1) : string.Empty;
        return NormalizePath(directory + normalizedHref);
    }

    /// <summary>Collapses "." and ".." segments and uses '/' as the separator.</summary>
    public static string NormalizePath(string path)
    {
        string[] segments = path.Replace('\\', '/').Split('/');
        var kept = new List<string>();
        for (int i = 0; i < segments.Length; i++)
        {
            string segment = segments[i];
            if (segment == "." || (segment.Length == 0 && i > 0 && i < segments.Length - 1))
            {
                continue;
            }

            if (segment == ".." && kept.Count > 0 && kept[kept.Count - 1] != ".." && kept[kept.Count - 1].Length > 0)
            {
                kept.RemoveAt(kept.Count - 1);
                continue;
            }

            kept.Add(segment);
        }

        return string.Join("/", kept);
    }

    private XDocument Load(TextReader reader, string fileName, XElement? includedBy)
    {
        XDocument document;
        try
        {
            document = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException ex)
        {
            if (includedBy != null && ex.LineNumber == 0)
            {
                throw Error(includedBy, "malformed XML in included file '" + fileName + "': " + ex.Message);
            }

            throw new SchemaException(fileName, ex.LineNumber, "malformed XML: " + ex.Message);
        }

        if (document.Root == null)
        {
            throw new SchemaException(fileName, 0, "document has no root element");
        }

        _fileOf[document] = fileName;
        return document;
    }

    private MessageSchema ParseSchema(XElement root)
    {
        if (root.Name.LocalName != "messageSchema")
        {
            throw Error(root, "root element is <" + root.Name.LocalName + ">, expected <messageSchema>");
        }

        _schema = new MessageSchema(FileOf(root));
        _schema.Package = RequiredAttribute(root, "package");
        _schema.Id = RequiredInt(root, "id");
        _schema.Version = OptionalInt(root, "version") ?? 0;
        if (_schema.Version < 0)
        {
            throw Error(root, "version " + _schema.Version + " is negative");
        }

        _schema.SemanticVersion = Attribute(root, "semanticVersion");
        _schema.Description = Attribute(root, "description");
        _schema.HeaderTypeName = Attribute(root, "headerType") ?? "messageHeader";
        string byteOrder = Attribute(root, "byteOrder") ?? "littleEndian";
        if (byteOrder == "littleEndian")
        {
            _schema.ByteOrder = ByteOrder.LittleEndian;
        }
        else if (byteOrder == "bigEndian")
        {
            _schema.ByteOrder = ByteOrder.BigEndian;
        }
        else
        {
            throw Error(root, "byteOrder '" + byteOrder + "' is not littleEndian or bigEndian");
        }

        var messageElements = new List<XElement>();
        foreach (XElement child in Children(root))
        {
            switch (child.Name.LocalName)
            {
                case "types":
                    CollectTypes(child);
                    break;
                case "message":
                    messageElements.Add(child);
                    break;
                default:
                    throw Error(child, "unexpected element <" + child.Name.LocalName + "> in <messageSchema>");
            }
        }

        foreach (KeyValuePair<string, XElement> entry in OrderedTypeElements())
        {
            Resolve(entry.Key, entry.Value);
        }

        SchemaType? header = _schema.FindType(_schema.HeaderTypeName);
        if (header == null)
        {
            throw Error(root, "unknown header type '" + _schema.HeaderTypeName + "'");
        }

        if (!(header is CompositeType headerComposite))
        {
            throw Error(root, "header type '" + _schema.HeaderTypeName + "' is not a composite");
        }

        foreach (string member in new[] { "blockLength", "templateId", "schemaId", "version" })
        {
            RequireIntegerMember(headerComposite, member, "header type");
        }

        _schema.HeaderType = headerComposite;

        var messageIds = new HashSet<int>();
        var messageNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (XElement element in messageElements)
        {
            Message message = ParseMessage(element);
            if (!messageNames.Add(message.Name))
            {
                throw Error(element, "duplicate message name '" + message.Name + "'");
            }

            if (!messageIds.Add(message.Id))
            {
                throw Error(element, "duplicate message id " + message.Id + " ('" + message.Name + "')");
            }

            _schema.AddMessage(message);
        }

        return _schema;
    }

    private List<KeyValuePair<string, XElement>> OrderedTypeElements()
    {
        var ordered = new List<KeyValuePair<string, XElement>>(_typeElements);
        return ordered;
    }

    private IEnumerable<XElement> Children(XElement parent)
    {
        foreach (XElement child in parent.Elements())
        {
            if (child.Name.LocalName == "include" && child.Name.NamespaceName == XIncludeNamespace)
            {
                XElement included = LoadInclude(child);
                try
                {
                    if (included.Name.LocalName == parent.Name.LocalName)
                    {
                        foreach (XElement grandChild in Children(included))
                        {
                            yield return grandChild;
                        }
                    }
                    else
                    {
                        yield return included;
                    }
                }
                finally
                {
                    _includeStack.RemoveAt(_includeStack.Count - 1);
                }
            }
            else
            {
                yield return child;
            }
        }
    }

    private XElement LoadInclude(XElement include)
    {
        string href = Attribute(include, "href") ?? throw Error(include, "xi:include has no href");
        string path = ResolveIncludePath(FileOf(include), href);
        if (_includeStack.Contains(path))
        {
            throw Error(include, "circular xi:include of '" + href + "'");
        }

        string? text = _includeResolver?.Invoke(path);
        if (text == null)
        {
            throw Error(include, "cannot find included file '" + href + "' (resolved to '" + path + "')");
        }

        XDocument document;
        using (var reader = new StringReader(text))
        {
            document = Load(reader, path, include);
        }

        _includeStack.Add(path);
        return document.Root!;
    }

    private void CollectTypes(XElement types)
    {
        foreach (XElement element in Children(types))
        {
            string kind = element.Name.LocalName;
            if (kind != "type" && kind != "composite" && kind != "enum" && kind != "set")
            {
                throw Error(element, "unexpected element <" + kind + "> in <types>");
            }

            string name = Name(element);
            if (_typeElements.ContainsKey(name))
            {
                XElement first = _typeElements[name];
                throw Error(element, "duplicate type name '" + name + "' (first declared at " + FileOf(first) + "(" + Line(first) + "))");
            }

            _typeElements.Add(name, element);
        }
    }

    private SchemaType Resolve(string name, XElement referencedFrom)
    {
        if (_resolved.TryGetValue(name, out SchemaType? resolved))
        {
            return resolved;
        }

        if (_typeElements.TryGetValue(name, out XElement? element))
        {
            if (!_resolving.Add(name))
            {
                throw Error(referencedFrom, "circular type reference through '" + name + "'");
            }

            SchemaType type = ParseType(element);
            _resolving.Remove(name);
            _resolved[name] = type;
            _schema.AddType(type);
            return type;
        }

        if (PrimitiveTypes.TryParse(name, out PrimitiveType primitive))
        {
            if (!_implicitPrimitives.TryGetValue(name, out EncodedType? implicitType))
            {
                implicitType = new EncodedType(name, primitive, Source(referencedFrom));
                if (primitive == PrimitiveType.Char)
                {
                    implicitType.CharacterEncoding = "US-ASCII";
                }

                _implicitPrimitives.Add(name, implicitType);
            }

            return implicitType;
        }

        throw Error(referencedFrom, "unknown type '" + name + "'");
    }

    private SchemaType ParseType(XElement element)
    {
        SchemaType type;
        switch (element.Name.LocalName)
        {
            case "type":
                type = ParseEncodedType(element);
                break;
            case "composite":
                type = ParseComposite(element);
                break;
            case "enum":
                type = ParseEnum(element);
                break;
            case "set":
                type = ParseSet(element);
                break;
            default:
                throw Error(element, "unexpected element <" + element.Name.LocalName + ">");
        }

        type.Description = Attribute(element, "description");
        type.SemanticType = Attribute(element, "semanticType");
        type.SinceVersion = SinceVersion(element);
        type.Deprecated = OptionalInt(element, "deprecated");
        return type;
    }

    private EncodedType ParseEncodedType(XElement element)
    {
        string name = Name(element);
        string primitiveName = RequiredAttribute(element, "primitiveType");
        if (!PrimitiveTypes.TryParse(primitiveName, out PrimitiveType primitive))
        {
            throw Error(element, "type '" + name + "' has unknown primitiveType '" + primitiveName + "'");
        }

        var type = new EncodedType(name, primitive, Source(element));
        int? length = OptionalInt(element, "length");
        if (length.HasValue)
        {
            if (length.Value < 0)
            {
                throw Error(element, "type '" + name + "' has negative length " + length.Value);
            }

            type.Length = length.Value;
        }

        type.Presence = ParsePresence(element, Attribute(element, "presence"), Presence.Required);
        type.NullValue = ParseValueAttribute(element, "nullValue", primitive) ?? type.NullValue;
        type.MinValue = ParseValueAttribute(element, "minValue", primitive) ?? type.MinValue;
        type.MaxValue = ParseValueAttribute(element, "maxValue", primitive) ?? type.MaxValue;
        type.CharacterEncoding = Attribute(element, "characterEncoding") ?? (primitive == PrimitiveType.Char ? "US-ASCII" : null);

        string? valueRef = Attribute(element, "valueRef");
        if (type.Presence == Presence.Constant)
        {
            if (valueRef != null)
            {
                EnumValue value = ResolveValueRef(element, valueRef);
                type.ValueRef = valueRef;
                type.ValueRefValue = value;
                type.ConstantValue = ConvertConstant(element, value.Value, primitive, valueRef);
            }
            else
            {
                type.ConstantValue = ParseConstantText(element, name, primitive, element.Value, length, type);
            }
        }
        else if (valueRef != null)
        {
            throw Error(element, "type '" + name + "' has a valueRef but presence is not constant");
        }

        return type;
    }

    private PrimitiveValue ParseConstantText(XElement element, string name, PrimitiveType primitive, string text, int? declaredLength, EncodedType type)
    {
        if (text.Length == 0)
        {
            throw Error(element, "constant '" + name + "' has no value");
        }

        if (primitive == PrimitiveType.Char && (text.Length > 1 || (declaredLength ?? 1) > 1))
        {
            int length = declaredLength ?? text.Length;
            if (text.Length > length)
            {
                throw Error(element, "bad constant: '" + text + "' is longer than length " + length + " of '" + name + "'");
            }

            var bytes = new byte[length];
            for (int i = 0; i < text.Length; i++)
            {
                if (text[i] > 0xFF)
                {
                    throw Error(element, "bad constant: '" + text + "' of '" + name + "' is not single-byte text");
                }

                bytes[i] = (byte)text[i];
            }

            type.Length = length;
            return PrimitiveValue.FromBytes(bytes, text);
        }

        PrimitiveValue? value = PrimitiveValue.TryParse(primitive, text);
        if (value == null)
        {
            throw Error(element, "bad constant: '" + text + "' is not a valid " + PrimitiveTypes.SchemaName(primitive) + " for '" + name + "'");
        }

        return value;
    }

    private PrimitiveValue ConvertConstant(XElement element, PrimitiveValue value, PrimitiveType target, string valueRef)
    {
        if (PrimitiveTypes.IsFloatingPoint(target))
        {
            return PrimitiveValue.FromDouble(target, value.Int64Value);
        }

        if (value.Int64Value < PrimitiveTypes.RangeLow(target) || value.Int64Value > PrimitiveTypes.RangeHigh(target))
        {
            throw Error(element, "bad constant: valueRef '" + valueRef + "' (" + value.Literal + ") does not fit " + PrimitiveTypes.SchemaName(target));
        }

        return PrimitiveValue.FromInt64(target, value.Int64Value);
    }

    private EnumValue ResolveValueRef(XElement element, string valueRef)
    {
        int dot = valueRef.LastIndexOf('.');
        if (dot <= 0 || dot == valueRef.Length - 1)
        {
            throw Error(element, "unknown valueRef '" + valueRef + "': expected EnumName.ValueName");
        }

        string enumName = valueRef.Substring(0, dot);
        string valueName = valueRef.Substring(dot + 1);
        if (!_typeElements.ContainsKey(enumName) && !_resolved.ContainsKey(enumName))
        {
            throw Error(element, "unknown valueRef '" + valueRef + "': no enum named '" + enumName + "'");
        }

        if (!(Resolve(enumName, element) is EnumType enumType))
        {
            throw Error(element, "unknown valueRef '" + valueRef + "': '" + enumName + "' is not an enum");
        }

        return enumType.FindValue(valueName)
            ?? throw Error(element, "unknown valueRef '" + valueRef + "': enum '" + enumName + "' has no value '" + valueName + "'");
    }

    private CompositeType ParseComposite(XElement element)
    {
        var composite = new CompositeType(Name(element), Source(element));
        var names = new HashSet<string>(StringComparer.Ordinal);
        int cursor = 0;
        foreach (XElement child in Children(element))
        {
            string kind = child.Name.LocalName;
            string memberName = Name(child);
            if (!names.Add(memberName))
            {
                throw Error(child, "duplicate member name '" + memberName + "' in composite '" + composite.Name + "'");
            }

            SchemaType memberType;
            bool isRef = false;
            switch (kind)
            {
                case "ref":
                    memberType = Resolve(RequiredAttribute(child, "type"), child);
                    isRef = true;
                    break;
                case "type":
                    memberType = ParseType(child);
                    break;
                case "composite":
                case "enum":
                case "set":
                    memberType = ParseInlineNamedType(child, memberName);
                    break;
                default:
                    throw Error(child, "unexpected element <" + kind + "> in composite '" + composite.Name + "'");
            }

            int? offset = OptionalInt(child, "offset");
            if (offset.HasValue)
            {
                if (offset.Value < cursor)
                {
                    throw Error(child, "offset overlap: member '" + memberName + "' of composite '" + composite.Name + "' at offset " + offset.Value + " overlaps the previous member, which ends at " + cursor);
                }

                cursor = offset.Value;
            }

            var member = new CompositeMember(memberName, memberType, cursor, isRef, Source(child))
            {
                SinceVersion = SinceVersion(child),
                Deprecated = OptionalInt(child, "deprecated"),
            };
            composite.Add(member);
            cursor += memberType.EncodedLength;
        }

        if (composite.Members.Count == 0)
        {
            throw Error(element, "composite '" + composite.Name + "' has no members");
        }

        return composite;
    }

    private SchemaType ParseInlineNamedType(XElement element, string name)
    {
        if (_typeElements.ContainsKey(name) || _resolved.ContainsKey(name))
        {
            throw Error(element, "duplicate type name '" + name + "': an inline " + element.Name.LocalName + " clashes with a type of the same name");
        }

        _resolving.Add(name);
        SchemaType type = ParseType(element);
        _resolving.Remove(name);
        _resolved[name] = type;
        _schema.AddType(type);
        return type;
    }

    private EnumType ParseEnum(XElement element)
    {
        string name = Name(element);
        string encodingName = RequiredAttribute(element, "encodingType");
        EncodedType? encodingRef = null;
        PrimitiveType encoding;
        PrimitiveValue nullValue;
        if (!PrimitiveTypes.TryParse(encodingName, out encoding))
        {
            SchemaType referenced = Resolve(encodingName, element);
            encodingRef = referenced as EncodedType;
            if (encodingRef == null || encodingRef.Length != 1 || encodingRef.IsConstant)
            {
                throw Error(element, "enum '" + name + "' encodingType '" + encodingName + "' is not a scalar char or integer type");
            }

            encoding = encodingRef.Primitive;
            nullValue = encodingRef.NullValue;
        }
        else
        {
            nullValue = PrimitiveTypes.DefaultNullValue(encoding);
        }

        if (PrimitiveTypes.IsFloatingPoint(encoding))
        {
            throw Error(element, "enum '" + name + "' encodingType '" + encodingName + "' is not char or an integer type");
        }

        nullValue = ParseValueAttribute(element, "nullValue", encoding) ?? nullValue;
        var enumType = new EnumType(name, encoding, nullValue, Source(element)) { EncodingTypeRef = encodingRef };
        var values = new HashSet<long>();
        foreach (XElement child in Children(element))
        {
            if (child.Name.LocalName != "validValue")
            {
                throw Error(child, "unexpected element <" + child.Name.LocalName + "> in enum '" + name + "'");
            }

            string valueName = Name(child);
            if (enumType.FindValue(valueName) != null)
            {
                throw Error(child, "duplicate validValue name '" + valueName + "' in enum '" + name + "'");
            }

            PrimitiveValue? value = PrimitiveValue.TryParse(encoding, child.Value);
            if (value == null)
            {
                throw Error(child, "validValue '" + valueName + "' of enum '" + name + "' has invalid value '" + child.Value + "' for " + PrimitiveTypes.SchemaName(encoding));
            }

            if (!values.Add(value.Int64Value))
            {
                throw Error(child, "duplicate value '" + child.Value + "' in enum '" + name + "'");
            }

            if (value.Int64Value == nullValue.Int64Value)
            {
                throw Error(child, "validValue '" + valueName + "' of enum '" + name + "' equals the enum's null value");
            }

            enumType.Add(new EnumValue(valueName, value, Source(child))
            {
                Description = Attribute(child, "description"),
                SinceVersion = SinceVersion(child),
                Deprecated = OptionalInt(child, "deprecated"),
            });
        }

        return enumType;
    }

    private SetType ParseSet(XElement element)
    {
        string name = Name(element);
        string encodingName = RequiredAttribute(element, "encodingType");
        EncodedType? encodingRef = null;
        if (!PrimitiveTypes.TryParse(encodingName, out PrimitiveType encoding))
        {
            encodingRef = Resolve(encodingName, element) as EncodedType;
            if (encodingRef == null || encodingRef.Length != 1)
            {
                throw Error(element, "set '" + name + "' encodingType '" + encodingName + "' is not a scalar unsigned type");
            }

            encoding = encodingRef.Primitive;
        }

        if (!PrimitiveTypes.IsUnsigned(encoding))
        {
            throw Error(element, "set '" + name + "' encodingType '" + encodingName + "' must be uint8, uint16, uint32 or uint64");
        }

        var set = new SetType(name, encoding, Source(element)) { EncodingTypeRef = encodingRef };
        int bits = PrimitiveTypes.Size(encoding) * 8;
        var names = new HashSet<string>(StringComparer.Ordinal);
        var positions = new HashSet<int>();
        foreach (XElement child in Children(element))
        {
            if (child.Name.LocalName != "choice")
            {
                throw Error(child, "unexpected element <" + child.Name.LocalName + "> in set '" + name + "'");
            }

            string choiceName = Name(child);
            if (!names.Add(choiceName))
            {
                throw Error(child, "duplicate choice name '" + choiceName + "' in set '" + name + "'");
            }

            if (!int.TryParse(child.Value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int bit) || bit < 0 || bit >= bits)
            {
                throw Error(child, "choice '" + choiceName + "' of set '" + name + "' has bit position '" + child.Value + "' outside 0.." + (bits - 1));
            }

            if (!positions.Add(bit))
            {
                throw Error(child, "duplicate bit position " + bit + " in set '" + name + "'");
            }

            set.Add(new SetChoice(choiceName, bit, Source(child))
            {
                Description = Attribute(child, "description"),
                SinceVersion = SinceVersion(child),
                Deprecated = OptionalInt(child, "deprecated"),
            });
        }

        return set;
    }

    private Message ParseMessage(XElement element)
    {
        var message = new Message(Name(element), RequiredInt(element, "id"), Source(element))
        {
            Description = Attribute(element, "description"),
            SemanticType = Attribute(element, "semanticType"),
            SinceVersion = SinceVersion(element),
            Deprecated = OptionalInt(element, "deprecated"),
        };
        ParseContainer(message, element, "message");
        return message;
    }

    private void ParseContainer(FieldContainer container, XElement element, string what)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        int cursor = 0;
        string? lastGroup = null;
        string? lastData = null;
        foreach (XElement child in Children(element))
        {
            string kind = child.Name.LocalName;
            string name = Name(child);
            if (!names.Add(name))
            {
                throw Error(child, "duplicate name '" + name + "' in " + what + " '" + container.Name + "'");
            }

            switch (kind)
            {
                case "field":
                    if (lastGroup != null || lastData != null)
                    {
                        throw Error(child, "fixed field '" + name + "' after " + (lastData != null ? "data '" + lastData : "group '" + lastGroup) + "' in " + what + " '" + container.Name + "': fields must precede groups and data");
                    }

                    container.Add(ParseField(child, ref cursor));
                    break;
                case "group":
                    if (lastData != null)
                    {
                        throw Error(child, "group '" + name + "' after data '" + lastData + "' in " + what + " '" + container.Name + "': groups must precede data");
                    }

                    container.Add(ParseGroup(child));
                    lastGroup = name;
                    break;
                case "data":
                    container.Add(ParseData(child));
                    lastData = name;
                    break;
                default:
                    throw Error(child, "unexpected element <" + kind + "> in " + what + " '" + container.Name + "'");
            }
        }

        container.ComputedBlockLength = cursor;
        int? blockLength = OptionalInt(element, "blockLength");
        if (blockLength.HasValue)
        {
            if (blockLength.Value < cursor)
            {
                throw Error(element, "blockLength " + blockLength.Value + " of " + what + " '" + container.Name + "' is less than its fields' length " + cursor);
            }

            container.BlockLength = blockLength.Value;
        }
        else
        {
            container.BlockLength = cursor;
        }
    }

    private Field ParseField(XElement element, ref int cursor)
    {
        string name = Name(element);
        SchemaType type = Resolve(RequiredAttribute(element, "type"), element);
        var field = new Field(name, RequiredInt(element, "id"), type, Source(element))
        {
            Description = Attribute(element, "description"),
            SemanticType = Attribute(element, "semanticType"),
            Epoch = Attribute(element, "epoch"),
            TimeUnit = Attribute(element, "timeUnit"),
            SinceVersion = SinceVersion(element),
            Deprecated = OptionalInt(element, "deprecated"),
        };

        var encoded = type as EncodedType;
        Presence typePresence = encoded?.Presence ?? Presence.Required;
        field.Presence = ParsePresence(element, Attribute(element, "presence"), typePresence);
        string? valueRef = Attribute(element, "valueRef");
        if (field.Presence == Presence.Constant)
        {
            if (valueRef != null)
            {
                EnumValue value = ResolveValueRef(element, valueRef);
                field.ValueRef = valueRef;
                field.ValueRefValue = value;
                if (type is EnumType enumType)
                {
                    if (enumType.FindValue(value.Name) != value)
                    {
                        throw Error(element, "bad constant: valueRef '" + valueRef + "' is not a value of the field's enum '" + enumType.Name + "'");
                    }
                }
                else if (encoded != null && !encoded.IsArray)
                {
                    field.ConstantValue = ConvertConstant(element, value.Value, encoded.Primitive, valueRef);
                }
                else
                {
                    throw Error(element, "bad constant: field '" + name + "' with valueRef must be of an enum or scalar type");
                }
            }
            else if (encoded != null && encoded.IsConstant)
            {
                field.ConstantValue = encoded.ConstantValue;
                field.ValueRef = encoded.ValueRef;
                field.ValueRefValue = encoded.ValueRefValue;
            }
            else
            {
                throw Error(element, "bad constant: constant field '" + name + "' needs a valueRef or a constant type");
            }
        }
        else if (valueRef != null)
        {
            throw Error(element, "field '" + name + "' has a valueRef but presence is not constant");
        }

        if (field.Presence != Presence.Constant && encoded != null && encoded.IsConstant)
        {
            throw Error(element, "field '" + name + "' is " + field.Presence.ToString().ToLowerInvariant() + " but its type '" + type.Name + "' is constant");
        }

        if (encoded != null && encoded.Length == 0 && field.Presence != Presence.Constant)
        {
            throw Error(element, "field '" + name + "' has zero-length type '" + type.Name + "'; use <data> for variable-length data");
        }

        int? offset = OptionalInt(element, "offset");
        if (offset.HasValue && field.Presence != Presence.Constant)
        {
            if (offset.Value < cursor)
            {
                throw Error(element, "offset overlap: field '" + name + "' at offset " + offset.Value + " overlaps the previous field, which ends at " + cursor);
            }

            cursor = offset.Value;
        }

        field.Offset = cursor;
        cursor += field.Size;
        return field;
    }

    private Group ParseGroup(XElement element)
    {
        string name = Name(element);
        string dimensionName = Attribute(element, "dimensionType") ?? DefaultDimensionType;
        if (!(Resolve(dimensionName, element) is CompositeType dimension))
        {
            throw Error(element, "dimensionType '" + dimensionName + "' of group '" + name + "' is not a composite");
        }

        CompositeMember blockLength = RequireIntegerMember(dimension, "blockLength", "dimensionType", element);
        CompositeMember numInGroup = RequireIntegerMember(dimension, "numInGroup", "dimensionType", element);
        var group = new Group(name, RequiredInt(element, "id"), dimension, blockLength, numInGroup, Source(element))
        {
            Description = Attribute(element, "description"),
            SemanticType = Attribute(element, "semanticType"),
            SinceVersion = SinceVersion(element),
            Deprecated = OptionalInt(element, "deprecated"),
        };
        ParseContainer(group, element, "group");
        long maxBlock = ((EncodedType)blockLength.Type).MaxValue.Int64Value;
        if (group.BlockLength > maxBlock)
        {
            throw Error(element, "blockLength " + group.BlockLength + " of group '" + name + "' does not fit its dimension's blockLength type");
        }

        return group;
    }

    private VarData ParseData(XElement element)
    {
        string name = Name(element);
        string typeName = RequiredAttribute(element, "type");
        if (!(Resolve(typeName, element) is CompositeType composite))
        {
            throw Error(element, "type '" + typeName + "' of data '" + name + "' is not a composite");
        }

        CompositeMember length = RequireIntegerMember(composite, "length", "var data type", element);
        PrimitiveType lengthPrimitive = ((EncodedType)length.Type).Primitive;
        if (lengthPrimitive != PrimitiveType.UInt8 && lengthPrimitive != PrimitiveType.UInt16 && lengthPrimitive != PrimitiveType.UInt32)
        {
            throw Error(element, "var data type '" + typeName + "' length must be uint8, uint16 or uint32");
        }

        CompositeMember? varData = composite.FindMember("varData");
        if (varData == null || !(varData.Type is EncodedType varDataType) || varDataType.Length != 0 || PrimitiveTypes.Size(varDataType.Primitive) != 1)
        {
            throw Error(element, "var data type '" + typeName + "' needs a varData member of a one-byte type with length 0");
        }

        if (varData.Offset != length.Offset + length.EncodedLength)
        {
            throw Error(element, "var data type '" + typeName + "' varData must directly follow length");
        }

        return new VarData(name, RequiredInt(element, "id"), composite, length, varData, Source(element))
        {
            CharacterEncoding = varDataType.CharacterEncoding,
            Description = Attribute(element, "description"),
            SemanticType = Attribute(element, "semanticType"),
            SinceVersion = SinceVersion(element),
            Deprecated = OptionalInt(element, "deprecated"),
        };
    }

    private CompositeMember RequireIntegerMember(CompositeType composite, string memberName, string role, XElement? at = null)
    {
        CompositeMember? member = composite.FindMember(memberName);
        XElement location = at ?? _typeElements[composite.Name];
        if (member == null)
        {
            throw Error(location, role + " '" + composite.Name + "' has no '" + memberName + "' member");
        }

        if (!(member.Type is EncodedType encoded) || encoded.IsArray || encoded.IsConstant || !PrimitiveTypes.IsUnsigned(encoded.Primitive))
        {
            throw Error(location, role + " '" + composite.Name + "' member '" + memberName + "' must be an unsigned integer");
        }

        return member;
    }

    private Presence ParsePresence(XElement element, string? text, Presence fallback)
    {
        switch (text)
        {
            case null:
                return fallback;
            case "required":
                return Presence.Required;
            case "optional":
                return Presence.Optional;
            case "constant":
                return Presence.Constant;
            default:
                throw Error(element, "presence '" + text + "' is not required, optional or constant");
        }
    }

    private PrimitiveValue? ParseValueAttribute(XElement element, string attribute, PrimitiveType primitive)
    {
        string? text = Attribute(element, attribute);
        if (text == null)
        {
            return null;
        }

        return PrimitiveValue.TryParse(primitive, text)
            ?? throw Error(element, attribute + " '" + text + "' is not a valid " + PrimitiveTypes.SchemaName(primitive));
    }

    private int SinceVersion(XElement element)
    {
        int since = OptionalInt(element, "sinceVersion") ?? 0;
        if (since < 0)
        {
            throw Error(element, "sinceVersion " + since + " is negative");
        }

        if (since > _schema.Version)
        {
            throw Error(element, "sinceVersion " + since + " of '" + Attribute(element, "name") + "' is greater than schema version " + _schema.Version);
        }

        return since;
    }

    private string Name(XElement element)
    {
        string name = RequiredAttribute(element, "name");
        if (!IsIdentifier(name))
        {
            throw Error(element, "name '" + name + "' is not a valid identifier");
        }

        return name;
    }

    private static bool IsIdentifier(string name)
    {
        if (name.Length == 0 || !(char.IsLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }

        foreach (char c in name)
        {
            if (!(char.IsLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }

    private string RequiredAttribute(XElement element, string attribute)
    {
        string? value = Attribute(element, attribute);
        if (value == null || value.Length == 0)
        {
            throw Error(element, "<" + element.Name.LocalName + "> is missing attribute '" + attribute + "'");
        }

        return value;
    }

    private int RequiredInt(XElement element, string attribute)
    {
        return OptionalInt(element, attribute) ?? throw Error(element, "<" + element.Name.LocalName + "> is missing attribute '" + attribute + "'");
    }

    private int? OptionalInt(XElement element, string attribute)
    {
        string? text = Attribute(element, attribute);
        if (text == null)
        {
            return null;
        }

        if (!int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int value))
        {
            throw Error(element, "attribute '" + attribute + "' value '" + text + "' is not an integer");
        }

        return value;
    }

    private static string? Attribute(XElement element, string attribute)
    {
        return element.Attribute(attribute)?.Value;
    }

    private SchemaSource Source(XElement element) => new SchemaSource(FileOf(element), Line(element));

    private string FileOf(XObject node)
    {
        return node.Document != null && _fileOf.TryGetValue(node.Document, out string? file) ? file : "<unknown>";
    }

    private static int Line(XObject node) => ((IXmlLineInfo)node).HasLineInfo() ? ((IXmlLineInfo)node).LineNumber : 0;

    private SchemaException Error(XObject node, string problem) => new SchemaException(FileOf(node), Line(node), problem);
}
