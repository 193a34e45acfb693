import type { FieldIssue } from "./errors.ts";

/** Uploads are at most 10 MiB: enough for a scanned receipt or a multi-page report, small enough to keep in memory. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** What an upload is for; the record that later links it decides who may download it. */
export const ATTACHMENT_PURPOSES = ["EVIDENCE", "RECEIPT", "RESOURCE", "PROFILE_IMAGE", "REPORT"] as const;
export type AttachmentPurpose = (typeof ATTACHMENT_PURPOSES)[number];

/** The file types we store, by the MIME type read from the content, with the file name endings that go with them. */
export const ATTACHMENT_TYPES = {
  "application/pdf": [".pdf"],
  "image/png": [".png"],
  "image/jpeg": [".jpg", ".jpeg"],
  "application/vnd.oasis.opendocument.text": [".odt"],
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": [".docx"],
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": [".xlsx"],
  "text/csv": [".csv"],
} as const satisfies Record<string, readonly string[]>;
export type AttachmentMimeType = keyof typeof ATTACHMENT_TYPES;

const ALL_TYPES = Object.keys(ATTACHMENT_TYPES) as AttachmentMimeType[];
const IMAGE_TYPES: AttachmentMimeType[] = ["image/png", "image/jpeg"];

/** The types a purpose accepts: a profile image must be an image, everything else takes any stored type. */
export function allowedAttachmentTypes(purpose: AttachmentPurpose): readonly AttachmentMimeType[] {
  return purpose === "PROFILE_IMAGE" ? IMAGE_TYPES : ALL_TYPES;
}

/** The `accept` attribute of a file input for a purpose (a hint for the browser; the server checks the content). */
export function attachmentAccept(purpose: AttachmentPurpose): string {
  return allowedAttachmentTypes(purpose)
    .flatMap((type) => [type, ...ATTACHMENT_TYPES[type]])
    .join(",");
}

/** An empty file or one above the size limit; the web form checks this before sending. */
export function attachmentSizeIssue(sizeBytes: number): FieldIssue | null {
  if (sizeBytes <= 0) return { path: ["file"], code: "file_empty", message: "The file is empty" };
  if (sizeBytes > MAX_ATTACHMENT_BYTES) {
    return { path: ["file"], code: "file_too_large", message: "The file is larger than 10 MB" };
  }
  return null;
}

/** Text a CSV may hold: valid UTF-8 (a BOM is fine) with no NUL byte, which no text file contains. */
export function isPlainUtf8Text(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** What we know of an upload: its declared name, its bytes, and the type read from its first bytes (undefined: no known signature). */
export interface UploadFacts {
  fileName: string;
  bytes: Uint8Array;
  sniffedMimeType: string | undefined;
}

export type AttachmentCheck = { mimeType: AttachmentMimeType; issues: [] } | { mimeType: null; issues: FieldIssue[] };

/**
 * Decides whether an upload is stored and under which type. The type comes from the content, never from the
 * declared MIME type: a PNG named `evil.txt` is a PNG. CSV has no signature, so it is accepted only when the name
 * ends in .csv and the bytes are plain UTF-8 text.
 */
export function checkAttachment(upload: UploadFacts, purpose: AttachmentPurpose): AttachmentCheck {
  const sizeIssue = attachmentSizeIssue(upload.bytes.byteLength);
  if (sizeIssue) return { mimeType: null, issues: [sizeIssue] };

  const mimeType = contentType(upload);
  if (!mimeType || !allowedAttachmentTypes(purpose).includes(mimeType)) {
    const names = allowedAttachmentTypes(purpose).map((t) => ATTACHMENT_TYPES[t][0].slice(1).toUpperCase());
    return {
      mimeType: null,
      issues: [{ path: ["file"], code: "file_type_not_allowed", message: `This kind of file is not accepted; use ${names.join(", ")}` }],
    };
  }
  return { mimeType, issues: [] };
}

function contentType({ fileName, bytes, sniffedMimeType }: UploadFacts): AttachmentMimeType | null {
  if (sniffedMimeType) return sniffedMimeType in ATTACHMENT_TYPES ? (sniffedMimeType as AttachmentMimeType) : null;
  return fileName.toLowerCase().endsWith(".csv") && isPlainUtf8Text(bytes) ? "text/csv" : null;
}

/**
 * The name we keep for a download: the last path segment only (a crafted request may send `../../x`), without
 * control characters, at most 200 characters, never empty.
 */
export function safeFileName(declared: string): string {
  const base = declared.split(/[/\\]/).pop() ?? "";
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, "").trim();
  if (clean === "" || clean === "." || clean === "..") return "file";
  return [...clean].slice(0, 200).join("");
}
