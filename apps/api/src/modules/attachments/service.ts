import { fileTypeFromBuffer } from "file-type";
import type { Client, Tx } from "@citypeer/db";
import { attachmentSizeIssue, checkAttachment, safeFileName, type AttachmentPurpose } from "@citypeer/domain/attachments";
import type { Viewer } from "../../context.ts";
import { InputError } from "../../errors.ts";
import { blobPath, writeBlob } from "./storage.ts";

/**
 * Stores an upload and records it: the type is read from the content (the declared one is ignored), and a refused
 * upload leaves nothing behind. The file is written before the row, so a row never points at a missing file; if
 * the insert fails, an unreferenced file stays on disk (same content, same name: harmless, and reused later).
 */
export async function storeUpload(db: Client | Tx, actor: Viewer, file: File, purpose: AttachmentPurpose, query: object = {}) {
  // the size first, before reading anything into memory
  const sizeIssue = attachmentSizeIssue(file.size);
  if (sizeIssue) throw new InputError([sizeIssue]);

  const bytes = new Uint8Array(await file.arrayBuffer());
  const fileName = safeFileName(file.name);
  const sniffed = await fileTypeFromBuffer(bytes);
  const check = checkAttachment({ fileName, bytes, sniffedMimeType: sniffed?.mime }, purpose);
  if (check.mimeType === null) throw new InputError(check.issues);

  const { sha256 } = await writeBlob(bytes);
  return db.attachment.create({
    ...query,
    data: { sha256, fileName, mimeType: check.mimeType, sizeBytes: bytes.byteLength, uploadedById: actor.id },
  });
}

/** An attachment with the path of its content, or null when there is no such attachment. */
export async function readAttachment(db: Client | Tx, id: string) {
  const attachment = await db.attachment.findUnique({ where: { id } });
  return attachment ? { attachment, path: blobPath(attachment.sha256) } : null;
}
