import { attachmentSizeIssue } from "@citypeer/domain/attachments";
import { graphql, type ResultOf } from "../../app/graphql.ts";
import { uploadOperation } from "../../app/upload-operation.ts";

export const UploadReceiptMutation = graphql(`
  mutation UploadReceipt($input: UploadAttachmentInput!) {
    uploadAttachment(input: $input) {
      __typename
      ... on MutationUploadAttachmentSuccess {
        data {
          id
          fileName
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

export type ReceiptUpload = { ok: true; attachmentId: string } | { ok: false; code: string; message?: string };

/**
 * Uploads a receipt as a GraphQL multipart request (Apollo's link sends JSON only), with the session cookie
 * and Yoga's CSRF header. The size is checked first with the API's rule (MAX_ATTACHMENT_BYTES), so a file
 * that is too large is refused before it is sent.
 */
export async function uploadReceipt(file: File): Promise<ReceiptUpload> {
  const sizeIssue = attachmentSizeIssue(file.size);
  if (sizeIssue) return { ok: false, code: sizeIssue.code, message: sizeIssue.message };
  const body = new FormData();
  body.append("operations", JSON.stringify(await uploadOperation(UploadReceiptMutation, { input: { file: null, purpose: "RECEIPT" } })));
  body.append("map", JSON.stringify({ "0": ["variables.input.file"] }));
  body.append("0", file, file.name);
  let response: Response;
  try {
    response = await fetch("/graphql", { method: "POST", body, credentials: "include", headers: { "x-graphql-yoga-csrf": "1" } });
  } catch {
    return { ok: false, code: "network" };
  }
  let json: { data?: ResultOf<typeof UploadReceiptMutation>; errors?: { extensions?: { code?: string } }[] };
  try {
    json = (await response.json()) as typeof json;
  } catch {
    return { ok: false, code: response.status === 413 ? "file_too_large" : "network" };
  }
  const result = json.data?.uploadAttachment;
  if (result?.__typename === "MutationUploadAttachmentSuccess") return { ok: true, attachmentId: result.data.id };
  if (result?.__typename === "InputError") return { ok: false, code: result.issues[0]?.code ?? "unknown", message: result.issues[0]?.message };
  const code = json.errors?.[0]?.extensions?.code;
  return { ok: false, code: code === "FORBIDDEN" || code === "UNAUTHENTICATED" ? code : "unknown" };
}
