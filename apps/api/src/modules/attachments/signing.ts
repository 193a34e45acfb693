import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { defaultDataDir } from "@citypeer/db";

/** A download link works this long: enough to click, too short to be worth sharing. */
export const DOWNLOAD_URL_TTL_SECONDS = 5 * 60;

export const FILES_PATH_PREFIX = "/files/";

const secrets = new Map<string, Buffer>();

/**
 * The key that signs download links: CITYPEER_SECRET when set, else a random one kept in CITYPEER_DATA_DIR/secret
 * (mode 0600), made on first use, so links stay valid across restarts and across processes sharing the folder.
 */
export function signingSecret(): Buffer {
  const fromEnv = process.env.CITYPEER_SECRET;
  if (fromEnv) return Buffer.from(fromEnv, "utf8");

  const file = path.join(defaultDataDir(), "secret");
  let secret = secrets.get(file);
  if (!secret) {
    secret = readOrCreateSecret(file);
    secrets.set(file, secret);
  }
  return secret;
}

function readOrCreateSecret(file: string): Buffer {
  let secret = readSecret(file);
  if (secret === null) {
    mkdirSync(path.dirname(file), { recursive: true });
    // written whole under a private temporary name, then linked into place: the link fails when another
    // process got there first (its secret wins), and no reader ever sees a half-written secret
    const tmp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
    writeFileSync(tmp, randomBytes(32).toString("base64url") + "\n", { mode: 0o600, flag: "wx" });
    try {
      linkSync(tmp, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    } finally {
      unlinkSync(tmp);
    }
    secret = readSecret(file);
  }
  if (!secret || secret.length < 32) throw new Error(`${file} holds no usable secret; delete it to make a new one`);
  return Buffer.from(secret, "utf8");
}

function readSecret(file: string): string | null {
  try {
    return readFileSync(file, "utf8").trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

/** HMAC-SHA256 over `${attachmentId}.${viewerId}.${expires}`, base64url: the link works only for that viewer. */
export function downloadSignature(attachmentId: string, viewerId: string, expires: number): string {
  return createHmac("sha256", signingSecret()).update(`${attachmentId}.${viewerId}.${expires}`).digest("base64url");
}

/** `/files/<id>?expires=<unix seconds>&sig=<hmac>`, valid for DOWNLOAD_URL_TTL_SECONDS. */
export function downloadPath(attachmentId: string, viewerId: string, now = Date.now()): string {
  const expires = Math.floor(now / 1000) + DOWNLOAD_URL_TTL_SECONDS;
  return `${FILES_PATH_PREFIX}${attachmentId}?expires=${expires}&sig=${downloadSignature(attachmentId, viewerId, expires)}`;
}

/** Whether a link's signature matches this viewer and it has not expired. */
export function isValidDownload(
  attachmentId: string,
  viewerId: string,
  expires: string | null,
  sig: string | null,
  now = Date.now(),
): boolean {
  if (!expires || !sig || !/^\d{1,12}$/.test(expires)) return false;
  const expiresAt = Number(expires);
  if (expiresAt * 1000 <= now) return false;
  const expected = Buffer.from(downloadSignature(attachmentId, viewerId, expiresAt), "utf8");
  const given = Buffer.from(sig, "utf8");
  return given.length === expected.length && timingSafeEqual(given, expected);
}
