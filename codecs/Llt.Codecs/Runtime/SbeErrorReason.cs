namespace Llt.Codecs.Runtime;

/// <summary>Why a checked decode failed; <see cref="SbeError.Offset"/> says where.</summary>
public enum SbeErrorReason
{
    None,

    /// <summary>The offset is negative or past the end of the buffer.</summary>
    OffsetOutOfRange,

    /// <summary>Fewer bytes than the message header.</summary>
    HeaderTruncated,

    /// <summary>The header's templateId is not the decoder's message.</summary>
    WrongTemplateId,

    /// <summary>The header's schemaId is not the decoder's schema.</summary>
    WrongSchemaId,

    /// <summary>The header's blockLength is shorter than the fields the acting version defines.</summary>
    BlockLengthTooSmall,

    /// <summary>The buffer ends inside the message's fixed block.</summary>
    BlockTruncated,

    /// <summary>The buffer ends inside a group's dimension header.</summary>
    GroupHeaderTruncated,

    /// <summary>A group's blockLength is shorter than the fields the acting version defines.</summary>
    GroupBlockLengthTooSmall,

    /// <summary>A group's numInGroup exceeds the largest count its dimension type allows.</summary>
    GroupCountTooLarge,

    /// <summary>A group's entries (numInGroup times its blockLength) run past the end of the buffer.</summary>
    GroupTruncated,

    /// <summary>The buffer ends inside a var data length prefix.</summary>
    VarDataHeaderTruncated,

    /// <summary>A var data length runs past the end of the buffer.</summary>
    VarDataTruncated,
}
