import { builder } from "../../builder.ts";
import { InputError } from "../../errors.ts";
import { storeUpload } from "./service.ts";
import { AttachmentPurposeEnum, FileScalar } from "./types.ts";

const UploadAttachmentInput = builder.inputType("UploadAttachmentInput", {
  fields: (t) => ({
    file: t.field({ type: FileScalar, required: true }),
    purpose: t.field({ type: AttachmentPurposeEnum, required: true }),
  }),
});

builder.mutationFields((t) => ({
  /** Stores a file; the returned attachment is then linked to its record (evidence, receipt, resource, ...). */
  uploadAttachment: t.prismaField({
    type: "Attachment",
    args: { input: t.arg({ type: UploadAttachmentInput, required: true }) },
    authScopes: { signedIn: true },
    errors: { types: [InputError] },
    // no transaction: one insert, and sniffing and writing the file should not hold one open
    resolve: (query, _root, { input }, ctx) => storeUpload(ctx.db, ctx.viewer!, input.file, input.purpose, query),
  }),
}));
