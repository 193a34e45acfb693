import { attachmentSizeIssue, type AttachmentPurpose } from "@citypeer/domain/attachments";
import { graphql, type ResultOf } from "../../app/graphql.ts";
import { uploadOperation } from "../../app/upload-operation.ts";

export const UploadAttachmentMutation = graphql(`
  mutation UploadAttachment($input: UploadAttachmentInput!) {
    uploadAttachment(input: $input) {
      __typename
      ... on MutationUploadAttachmentSuccess {
        data {
          id
          fileName
          mimeType
          sizeBytes
          downloadUrl
        }
      }
      ... on InputError {
        issues {
          path
          code
          message
        }
      }
    }
  }
`);

export type UploadedAttachment = Extract<ResultOf<typeof UploadAttachmentMutation>["uploadAttachment"], { __typename: "MutationUploadAttachmentSuccess" }>["data"];
export type UploadResult = { ok: true; attachment: UploadedAttachment } | { ok: false; code: string; message?: string };

/**
 * Uploads one file as a GraphQL multipart request (the spec Yoga reads: `operations`, `map`, then the file).
 * Apollo's HTTP link sends JSON only, so this is a plain fetch with the same cookie and CSRF header.
 * The size is checked first with the API's own rule, so a 50 MB file is refused before it is sent.
 */
export async function uploadAttachment(file: File, purpose: AttachmentPurpose): Promise<UploadResult> {
  const sizeIssue = attachmentSizeIssue(file.size);
  if (sizeIssue) return { ok: false, code: sizeIssue.code, message: sizeIssue.message };

  const body = new FormData();
  body.append("operations", JSON.stringify(await uploadOperation(UploadAttachmentMutation, { input: { file: null, purpose } })));
  body.append("map", JSON.stringify({ "0": ["variables.input.file"] }));
  body.append("0", file, file.name);
  let response: Response;
  try {
    response = await fetch("/graphql", { method: "POST", body, credentials: "include", headers: { "x-graphql-yoga-csrf": "1" } });
  } catch {
    return { ok: false, code: "network" };
  }
  let json: { data?: ResultOf<typeof UploadAttachmentMutation>; errors?: { extensions?: { code?: string } }[] };
  try {
    json = (await response.json()) as typeof json;
  } catch {
    return { ok: false, code: response.status === 413 ? "file_too_large" : "network" };
  }
  const result = json.data?.uploadAttachment;
  if (result?.__typename === "MutationUploadAttachmentSuccess") return { ok: true, attachment: result.data };
  if (result?.__typename === "InputError") {
    const issue = result.issues[0];
    return { ok: false, code: issue?.code ?? "unknown", message: issue?.message };
  }
  const code = json.errors?.[0]?.extensions?.code;
  return { ok: false, code: code === "FORBIDDEN" || code === "UNAUTHENTICATED" ? code : "unknown" };
}

/** "2.4 MB", "310 kB" in the reader's language. */
export function formatBytes(locale: string, bytes: number): string {
  const [value, unit] = bytes >= 1_000_000 ? [bytes / 1_000_000, "megabyte"] : [Math.max(1, bytes / 1000), "kilobyte"];
  return new Intl.NumberFormat(locale, { style: "unit", unit, unitDisplay: "short", maximumFractionDigits: 1 }).format(value);
}
