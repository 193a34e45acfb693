import { createHash, randomUUID } from "node:crypto";
import { mkdtemp, readFile, readdir, rm, stat } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_ATTACHMENT_BYTES } from "@citypeer/domain/attachments";
import { CSRF_HEADER } from "@citypeer/api/app";
import { sessionFromToken } from "@citypeer/api/auth/session";
import { handleFileDownload } from "@citypeer/api/modules/attachments/download";
import { storeUpload } from "@citypeer/api/modules/attachments/service";
import { DOWNLOAD_URL_TTL_SECONDS, downloadSignature } from "@citypeer/api/modules/attachments/signing";
import { yogaUploadOptions } from "@citypeer/api/modules/attachments/upload-limits";
import { createTestApp, type TestApp } from "../support/app.ts";
import { CSV, DOCX, EXE, HTML, JPEG, ODT, PDF, PNG, XLSX, ZIP, multipartBody } from "./fixtures.ts";

const UPLOAD = /* GraphQL */ `
  mutation Upload($input: UploadAttachmentInput!) {
    uploadAttachment(input: $input) {
      __typename
      ... on MutationUploadAttachmentSuccess { data { id fileName mimeType sizeBytes createdAt downloadUrl } }
      ... on InputError { issues { path code message } }
    }
  }
`;

type Upload = { name: string; type?: string; bytes: Uint8Array; purpose?: string };

let app: TestApp;
let dataDir: string;
let filesDir: string;
let server: Server;
let baseUrl: string;
const previousDataDir = process.env.CITYPEER_DATA_DIR;
const previousSecret = process.env.CITYPEER_SECRET;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "citypeer-attachments-"));
  filesDir = path.join(dataDir, "files");
  process.env.CITYPEER_DATA_DIR = dataDir;
  delete process.env.CITYPEER_SECRET;
  app = await createTestApp();

  // What server.ts does: /files/ through the download handler, everything else to the app's Yoga.
  server = createServer((req, res) => {
    if (req.url?.startsWith("/files/")) return void handleFileDownload(app.prisma, req, res);
    return void app.yoga(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await app.close();
  await rm(dataDir, { recursive: true, force: true });
  if (previousDataDir === undefined) delete process.env.CITYPEER_DATA_DIR;
  else process.env.CITYPEER_DATA_DIR = previousDataDir;
  if (previousSecret !== undefined) process.env.CITYPEER_SECRET = previousSecret;
});

function uploadRequest(file: Upload) {
  return multipartBody(
    { query: UPLOAD, variables: { input: { file: null, purpose: file.purpose ?? "EVIDENCE" } } },
    "variables.input.file",
    { name: file.name, type: file.type ?? "application/octet-stream", bytes: file.bytes },
  );
}

/** Uploads through the test app's Yoga, in-process. */
async function upload(cookie: string | null, file: Upload) {
  const { body, contentType } = uploadRequest(file);
  const response = await app.yoga.fetch(
    "http://citypeer.test/graphql",
    { method: "POST", headers: { "content-type": contentType, [CSRF_HEADER]: "1", ...(cookie ? { cookie } : {}) }, body },
    { ip: "203.0.113.7" },
  );
  return { status: response.status, body: (await response.json().catch(() => null)) as any };
}

/** Every file under files/, temporary ones included. */
async function filesOnDisk(): Promise<string[]> {
  const entries = await readdir(filesDir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.relative(filesDir, path.join(e.parentPath, e.name))).sort();
}

async function snapshot() {
  return { rows: await app.prisma.attachment.count(), files: await filesOnDisk() };
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

async function signedInUser() {
  const user = await app.make.user();
  return { user, cookie: await app.cookieFor(user) };
}

describe("uploadAttachment", () => {
  it("stores a PNG under files/<2 hex>/<sha256> with the type read from its content", async () => {
    const { user, cookie } = await signedInUser();
    const bytes = Buffer.concat([PNG, Buffer.from(randomUUID())]); // unique content: a fresh file on disk
    const { body } = await upload(cookie, { name: "map.png", type: "image/png", bytes });

    expect(body.data.uploadAttachment).toMatchObject({
      __typename: "MutationUploadAttachmentSuccess",
      data: { fileName: "map.png", mimeType: "image/png", sizeBytes: bytes.length },
    });
    const hash = sha256(bytes);
    const row = await app.prisma.attachment.findFirstOrThrow({ where: { sha256: hash } });
    expect(row).toMatchObject({ uploadedById: user.id, mimeType: "image/png", sizeBytes: bytes.length });
    expect(await readFile(path.join(filesDir, hash.slice(0, 2), hash))).toEqual(bytes);
    expect(await filesOnDisk()).not.toContainEqual(expect.stringMatching(/^\.tmp/)); // no temporary file left behind
  });

  it.each([
    ["report.pdf", "application/pdf", PDF],
    ["photo.jpeg", "image/jpeg", JPEG],
    ["minutes.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", DOCX],
    ["budget.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", XLSX],
    ["agenda.odt", "application/vnd.oasis.opendocument.text", ODT],
    ["budget.csv", "text/csv", CSV],
  ])("accepts %s as %s", async (name, mimeType, bytes) => {
    const { cookie } = await signedInUser();
    const { body } = await upload(cookie, { name, type: "application/octet-stream", bytes });
    expect(body.data.uploadAttachment.data).toMatchObject({ fileName: name, mimeType, sizeBytes: bytes.length });
    const hash = sha256(bytes);
    expect(await filesOnDisk()).toContain(path.join(hash.slice(0, 2), hash));
  });

  it("stores the same content once on disk, as two attachments", async () => {
    const { cookie } = await signedInUser();
    const bytes = Buffer.concat([PDF, Buffer.from(`% ${randomUUID()}\n`)]);
    const before = await filesOnDisk();
    const first = await upload(cookie, { name: "a.pdf", bytes });
    const second = await upload(cookie, { name: "b.pdf", bytes });

    expect(first.body.data.uploadAttachment.data.id).not.toBe(second.body.data.uploadAttachment.data.id);
    expect(await app.prisma.attachment.count({ where: { sha256: sha256(bytes) } })).toBe(2);
    expect((await filesOnDisk()).length).toBe(before.length + 1);
  });

  it("stores a PNG named evil.txt and declared text/plain as image/png", async () => {
    const { cookie } = await signedInUser();
    const { body } = await upload(cookie, { name: "evil.txt", type: "text/plain", bytes: PNG });
    expect(body.data.uploadAttachment.data).toMatchObject({ fileName: "evil.txt", mimeType: "image/png" });
  });

  it("keeps only the last segment of a file name that tries to climb out of its folder", async () => {
    const { cookie } = await signedInUser();
    const { body } = await upload(cookie, { name: "../../etc/passwd.pdf", bytes: PDF });
    expect(body.data.uploadAttachment.data.fileName).toBe("passwd.pdf");
  });

  it.each([
    ["an executable", { name: "setup.exe", type: "application/x-msdownload", bytes: EXE }],
    ["an executable named .pdf", { name: "invoice.pdf", type: "application/pdf", bytes: EXE }],
    ["a zip archive", { name: "bundle.zip", type: "application/zip", bytes: ZIP }],
    ["an HTML page", { name: "page.html", type: "text/html", bytes: HTML }],
    ["an HTML page declared as a PDF", { name: "page.pdf", type: "application/pdf", bytes: HTML }],
    ["plain text that is not named .csv", { name: "notes.txt", type: "text/plain", bytes: Buffer.from("hello\n") }],
    ["a .csv with a NUL byte", { name: "data.csv", type: "text/csv", bytes: Buffer.from("a,b\n1,\0\n") }],
    ["a .csv that is not UTF-8", { name: "data.csv", type: "text/csv", bytes: Buffer.from("city\nM\xfcnster\n", "latin1") }],
    ["a PDF as a profile image", { name: "me.pdf", type: "application/pdf", bytes: PDF, purpose: "PROFILE_IMAGE" }],
  ])("refuses %s with file_type_not_allowed and stores nothing", async (_label, file) => {
    const { cookie } = await signedInUser();
    const before = await snapshot();
    const { body } = await upload(cookie, file);
    expect(body.data.uploadAttachment).toMatchObject({
      __typename: "InputError",
      issues: [{ path: ["file"], code: "file_type_not_allowed" }],
    });
    expect(await snapshot()).toEqual(before);
  });

  it("accepts a PNG as a profile image", async () => {
    const { cookie } = await signedInUser();
    const { body } = await upload(cookie, { name: "me.png", bytes: PNG, purpose: "PROFILE_IMAGE" });
    expect(body.data.uploadAttachment.data.mimeType).toBe("image/png");
  });

  it("refuses an empty file with file_empty and stores nothing", async () => {
    const { cookie } = await signedInUser();
    const before = await snapshot();
    const { body } = await upload(cookie, { name: "empty.pdf", type: "application/pdf", bytes: new Uint8Array() });
    expect(body.data.uploadAttachment).toMatchObject({ __typename: "InputError", issues: [{ path: ["file"], code: "file_empty" }] });
    expect(await snapshot()).toEqual(before);
  });

  it("refuses an 11 MB upload and stores nothing", async () => {
    const { cookie } = await signedInUser();
    const before = await snapshot();
    const bytes = Buffer.concat([PDF, Buffer.alloc(11 * 1024 * 1024)]);
    const { status, body } = await upload(cookie, { name: "huge.pdf", type: "application/pdf", bytes });
    // 413 once app.ts spreads yogaUploadOptions (see the next block); our own check otherwise
    if (status !== 413) expect(body.data.uploadAttachment.issues).toEqual([expect.objectContaining({ path: ["file"], code: "file_too_large" })]);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a file above 10 MB in the service itself, before reading it", async () => {
    const { cookie } = await signedInUser();
    const viewer = (await sessionFromToken(app.prisma, cookie.split("=")[1]!))!;
    const before = await snapshot();
    const file = new File([new Uint8Array(MAX_ATTACHMENT_BYTES + 1)], "big.pdf", { type: "application/pdf" });
    await expect(storeUpload(app.prisma, viewer, file, "EVIDENCE")).rejects.toMatchObject({
      issues: [{ path: ["file"], code: "file_too_large" }],
    });
    expect(await snapshot()).toEqual(before);
  });

  it("refuses an anonymous upload with UNAUTHENTICATED and stores nothing", async () => {
    const before = await snapshot();
    const bytes = Buffer.concat([PNG, Buffer.from(randomUUID())]);
    const { body } = await upload(null, { name: "anon.png", type: "image/png", bytes });
    expect(body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(body.data?.uploadAttachment ?? null).toBeNull();
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a file variable sent as JSON instead of a multipart part", async () => {
    const { cookie } = await signedInUser();
    const before = await snapshot();
    const response = await app.post({ query: UPLOAD, variables: { input: { file: "iVBORw0KGgo=", purpose: "EVIDENCE" } } }, { cookie });
    const body = (await response.json()) as any;
    expect(body.errors?.[0]?.message).toMatch(/multipart/);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a multipart upload without the CSRF header", async () => {
    const { cookie } = await signedInUser();
    const { body, contentType } = uploadRequest({ name: "x.png", bytes: PNG });
    const response = await app.yoga.fetch("http://citypeer.test/graphql", { method: "POST", headers: { "content-type": contentType, cookie }, body });
    expect(response.status).toBe(403);
  });
});

describe("HTTP upload limits (yogaUploadOptions, over real HTTP)", () => {
  // createYoga copies fetchAPI member by member; the limited Request class shows that app.ts spread the options
  const limitsWired = () => app.yoga.fetchAPI.Request === yogaUploadOptions.fetchAPI.Request;

  async function httpUpload(cookie: string, file: Upload) {
    const { body, contentType } = uploadRequest(file);
    const response = await fetch(`${baseUrl}/graphql`, {
      method: "POST",
      headers: { "content-type": contentType, [CSRF_HEADER]: "1", cookie },
      body,
    });
    return { status: response.status, body: (await response.json().catch(() => null)) as any };
  }

  it("refuses an 11 MB upload with 413 before any resolver runs, and stores nothing", async ({ skip }) => {
    skip(!limitsWired(), "app.ts does not spread yogaUploadOptions yet");
    const { cookie } = await signedInUser();
    const before = await snapshot();
    const { status } = await httpUpload(cookie, { name: "huge.pdf", type: "application/pdf", bytes: Buffer.concat([PDF, Buffer.alloc(11 * 1024 * 1024)]) });
    expect(status).toBe(413);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a file one byte over 10 MB with 413 (per-file cap), and stores nothing", async ({ skip }) => {
    skip(!limitsWired(), "app.ts does not spread yogaUploadOptions yet");
    const { cookie } = await signedInUser();
    const before = await snapshot();
    const bytes = Buffer.concat([PDF, Buffer.alloc(MAX_ATTACHMENT_BYTES + 1 - PDF.length)]);
    const { status } = await httpUpload(cookie, { name: "big.pdf", type: "application/pdf", bytes });
    expect(status).toBe(413);
    expect(await snapshot()).toEqual(before);
  });

  it("accepts a file of exactly 10 MB", async ({ skip }) => {
    skip(!limitsWired(), "app.ts does not spread yogaUploadOptions yet");
    const { cookie } = await signedInUser();
    const bytes = Buffer.concat([PDF, Buffer.alloc(MAX_ATTACHMENT_BYTES - PDF.length, 0x20)]);
    const { status, body } = await httpUpload(cookie, { name: "full.pdf", type: "application/pdf", bytes });
    expect(status).toBe(200);
    expect(body.data.uploadAttachment.data).toMatchObject({ mimeType: "application/pdf", sizeBytes: MAX_ATTACHMENT_BYTES });
  });
});

describe("downloads", () => {
  async function uploaded(name = "Bericht März.pdf", bytes: Uint8Array = Buffer.concat([PDF, Buffer.from(`% ${randomUUID()}\n`)])) {
    const owner = await signedInUser();
    const { body } = await upload(owner.cookie, { name, type: "application/pdf", bytes });
    const data = body.data.uploadAttachment.data as { id: string; downloadUrl: string };
    const id = (await app.prisma.attachment.findFirstOrThrow({ where: { sha256: sha256(bytes) }, orderBy: { createdAt: "desc" } })).id;
    return { ...owner, bytes, downloadUrl: data.downloadUrl, globalId: data.id, id };
  }

  const get = (url: string, cookie?: string, method = "GET") =>
    fetch(`${baseUrl}${url}`, { method, headers: cookie ? { cookie } : {}, redirect: "manual" });

  it("gives a link that is valid for five minutes", async () => {
    const { downloadUrl, id } = await uploaded();
    const match = downloadUrl.match(/^\/files\/([0-9a-f-]{36})\?expires=(\d+)&sig=([A-Za-z0-9_-]{43})$/);
    expect(match?.[1]).toBe(id);
    const expiresIn = Number(match?.[2]) - Date.now() / 1000;
    expect(expiresIn).toBeGreaterThan(DOWNLOAD_URL_TTL_SECONDS - 10);
    expect(expiresIn).toBeLessThanOrEqual(DOWNLOAD_URL_TTL_SECONDS);
  });

  it("serves the file to the uploader's session, as a download with the stored type", async () => {
    const { downloadUrl, cookie, bytes } = await uploaded();
    const response = await get(downloadUrl, cookie);
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(bytes);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-length")).toBe(String(bytes.length));
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="Bericht M_rz.pdf"; filename*=UTF-8''Bericht%20M%C3%A4rz.pdf`);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("cache-control")).toBe("private, no-store");
  });

  it("refuses another user's session, and a request without a session (403)", async () => {
    const { downloadUrl } = await uploaded();
    const other = await signedInUser();
    expect((await get(downloadUrl, other.cookie)).status).toBe(403);
    expect((await get(downloadUrl)).status).toBe(403);
  });

  it("refuses a tampered signature, a link moved to another file, and an expired link (403)", async () => {
    const { downloadUrl, cookie, user, id } = await uploaded();
    const tampered = downloadUrl.replace(/sig=(.)/, (_m, c: string) => `sig=${c === "A" ? "B" : "A"}`);
    expect((await get(tampered, cookie)).status).toBe(403);

    const otherFile = await uploaded();
    expect((await get(downloadUrl.replace(id, otherFile.id), cookie)).status).toBe(403);

    const expires = Math.floor(Date.now() / 1000) - 1;
    const expired = `/files/${id}?expires=${expires}&sig=${downloadSignature(id, user.id, expires)}`;
    expect((await get(expired, cookie)).status).toBe(403);
    expect((await get(`/files/${id}`, cookie)).status).toBe(403);
  });

  it("answers 404 for an unknown id with a valid signature", async () => {
    const { cookie, user } = await signedInUser();
    const id = randomUUID();
    const expires = Math.floor(Date.now() / 1000) + 60;
    expect((await get(`/files/${id}?expires=${expires}&sig=${downloadSignature(id, user.id, expires)}`, cookie)).status).toBe(404);
    expect((await get(`/files/not-a-uuid?expires=${expires}&sig=x`, cookie)).status).toBe(404);
  });

  it("answers only GET and HEAD", async () => {
    const { downloadUrl, cookie } = await uploaded();
    const head = await get(downloadUrl, cookie, "HEAD");
    expect(head.status).toBe(200);
    expect(head.headers.get("content-type")).toBe("application/pdf");
    expect((await get(downloadUrl, cookie, "POST")).status).toBe(405);
  });

  it("finds an attachment by node id for its uploader only", async () => {
    const { user, globalId } = await uploaded();
    const other = await app.make.user();
    const NODE = /* GraphQL */ `query ($id: ID!) { node(id: $id) { ... on Attachment { fileName downloadUrl } } }`;
    expect((await app.gql(user, NODE, { id: globalId })).data.node.fileName).toBe("Bericht März.pdf");
    expect((await app.gql(other, NODE, { id: globalId })).data.node).toBeNull();
  });

  it("keeps the signing secret in CITYPEER_DATA_DIR/secret, readable by the owner only", async () => {
    await uploaded();
    const info = await stat(path.join(dataDir, "secret"));
    expect(info.mode & 0o777).toBe(0o600);
  });
});
