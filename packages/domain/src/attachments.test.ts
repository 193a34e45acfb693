import { describe, expect, it } from "vitest";
import {
  MAX_ATTACHMENT_BYTES,
  attachmentAccept,
  attachmentSizeIssue,
  checkAttachment,
  isPlainUtf8Text,
  safeFileName,
  type AttachmentPurpose,
} from "./attachments.ts";

const bytes = (text: string) => new TextEncoder().encode(text);
const some = bytes("x");

describe("checkAttachment", () => {
  it.each<[string, { fileName: string; bytes: Uint8Array; sniffedMimeType: string | undefined }, AttachmentPurpose, string | null]>([
    ["a PDF", { fileName: "a.pdf", bytes: some, sniffedMimeType: "application/pdf" }, "EVIDENCE", "application/pdf"],
    ["a PNG under any name", { fileName: "evil.txt", bytes: some, sniffedMimeType: "image/png" }, "EVIDENCE", "image/png"],
    ["a JPEG profile image", { fileName: "me.jpg", bytes: some, sniffedMimeType: "image/jpeg" }, "PROFILE_IMAGE", "image/jpeg"],
    ["an XLSX receipt list", { fileName: "r.xlsx", bytes: some, sniffedMimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }, "RECEIPT", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
    ["UTF-8 text named .csv", { fileName: "Budget.CSV", bytes: bytes("a;b\nÉvora;1\n"), sniffedMimeType: undefined }, "REPORT", "text/csv"],
    ["a zip", { fileName: "a.zip", bytes: some, sniffedMimeType: "application/zip" }, "RESOURCE", null],
    ["an executable named .pdf", { fileName: "a.pdf", bytes: some, sniffedMimeType: "application/x-msdownload" }, "EVIDENCE", null],
    ["text not named .csv", { fileName: "notes.txt", bytes: bytes("hello"), sniffedMimeType: undefined }, "EVIDENCE", null],
    ["a .csv with a NUL byte", { fileName: "a.csv", bytes: new Uint8Array([0x61, 0x00]), sniffedMimeType: undefined }, "EVIDENCE", null],
    ["a .csv in Latin-1", { fileName: "a.csv", bytes: new Uint8Array([0x4d, 0xfc, 0x6e]), sniffedMimeType: undefined }, "EVIDENCE", null],
    ["a signed file named .csv (the signature wins)", { fileName: "a.csv", bytes: some, sniffedMimeType: "application/zip" }, "EVIDENCE", null],
    ["a PDF as a profile image", { fileName: "me.pdf", bytes: some, sniffedMimeType: "application/pdf" }, "PROFILE_IMAGE", null],
  ])("%s: %s", (_label, upload, purpose, expected) => {
    const check = checkAttachment(upload, purpose);
    expect(check.mimeType).toBe(expected);
    expect(check.issues.map((i) => i.code)).toEqual(expected ? [] : ["file_type_not_allowed"]);
  });

  it("refuses an empty file before looking at its type", () => {
    const check = checkAttachment({ fileName: "a.pdf", bytes: new Uint8Array(), sniffedMimeType: undefined }, "EVIDENCE");
    expect(check.issues).toEqual([expect.objectContaining({ path: ["file"], code: "file_empty" })]);
  });
});

describe("attachmentSizeIssue", () => {
  it.each([
    [0, "file_empty"],
    [1, null],
    [MAX_ATTACHMENT_BYTES, null],
    [MAX_ATTACHMENT_BYTES + 1, "file_too_large"],
  ])("a file of %i bytes: %s", (size, code) => {
    expect(attachmentSizeIssue(size)?.code ?? null).toBe(code);
  });
});

describe("isPlainUtf8Text", () => {
  it.each([
    ["ASCII", bytes("a,b\n"), true],
    ["UTF-8 with a BOM", bytes("\ufeffGdańsk"), true],
    ["a NUL byte", new Uint8Array([0x61, 0x00, 0x62]), false],
    ["a broken sequence", new Uint8Array([0xc3, 0x28]), false],
  ])("%s: %s", (_label, input, expected) => {
    expect(isPlainUtf8Text(input)).toBe(expected);
  });
});

describe("safeFileName", () => {
  it.each([
    ["report.pdf", "report.pdf"],
    ["../../etc/passwd", "passwd"],
    ["C:\\Users\\me\\Bericht März.docx", "Bericht März.docx"],
    ["a\u0000b\nc.pdf", "abc.pdf"],
    ["  ", "file"],
    ["..", "file"],
    ["x".repeat(300), "x".repeat(200)],
  ])("%j becomes %j", (declared, kept) => {
    expect(safeFileName(declared)).toBe(kept);
  });
});

describe("attachmentAccept", () => {
  it("offers only images for a profile image", () => {
    expect(attachmentAccept("PROFILE_IMAGE")).toBe("image/png,.png,image/jpeg,.jpg,.jpeg");
  });
  it("offers every stored type for evidence", () => {
    expect(attachmentAccept("EVIDENCE").split(",")).toEqual(expect.arrayContaining([".pdf", ".docx", ".xlsx", ".odt", ".csv", "text/csv"]));
  });
});
