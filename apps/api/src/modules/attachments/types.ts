import { GraphQLError } from "graphql";
import { ATTACHMENT_PURPOSES } from "@citypeer/domain/attachments";
import { builder } from "../../builder.ts";
import { downloadPath } from "./signing.ts";

/** An uploaded file (GraphQL multipart request); input only. */
export const FileScalar = builder.scalarType("File", {
  description: "An uploaded file: a part of a GraphQL multipart request. Input only.",
  serialize: () => {
    throw new Error("File is input only");
  },
  // a JSON request can put anything in a File variable; only a multipart part is a file
  parseValue: (value) => {
    if (typeof value === "object" && value !== null && typeof (value as File).arrayBuffer === "function") return value as File;
    throw new GraphQLError("Expected a file sent as a multipart request part");
  },
  parseLiteral: () => {
    throw new GraphQLError("A file cannot be written in the query; send it as a multipart request part");
  },
});

export const AttachmentPurposeEnum = builder.enumType("AttachmentPurpose", { values: ATTACHMENT_PURPOSES });

export const AttachmentRef = builder.prismaNode("Attachment", {
  id: { field: "id" },
  // Who may see an attachment is decided by the field that leads to it on its owning record (a receipt on an
  // expense, evidence on a score). Fetched directly by id (node, nodes), only the uploader finds it.
  // This filter also applies when Pothos refetches an attachment for a missing selection: keep every field
  // here a plain column or computed from one, so that never happens.
  findUnique: (id, ctx) => ({ id, uploadedById: ctx.viewer?.id }),
  nullable: true,
  authScopes: { signedIn: true },
  fields: (t) => ({
    fileName: t.exposeString("fileName"),
    mimeType: t.exposeString("mimeType"),
    sizeBytes: t.exposeInt("sizeBytes"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    /** A link for this viewer only, valid five minutes: fetch it when the person clicks, not ahead of time. */
    downloadUrl: t.string({ resolve: (attachment, _args, ctx) => downloadPath(attachment.id, ctx.viewer!.id) }),
  }),
});
