import { createHash, randomUUID } from "node:crypto";
import { mkdir, open, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { defaultDataDir } from "@citypeer/db";

/** Read at each call, so a test can point CITYPEER_DATA_DIR at a temporary folder. */
export function filesDir(): string {
  return path.join(defaultDataDir(), "files");
}

/** Where a blob lives: files/<first 2 hex digits>/<sha256>, so no folder holds more than 1/256 of the files. */
export function blobPath(sha256: string): string {
  // the hash comes from the database; refuse anything that could step outside the files folder
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`Not a sha256: ${sha256}`);
  return path.join(filesDir(), sha256.slice(0, 2), sha256);
}

/**
 * Stores content under its hash; the same content uploaded twice is stored once. It is written to a temporary
 * file, synced, then renamed into place, so a crash never leaves a partial file under the final name.
 */
export async function writeBlob(bytes: Uint8Array): Promise<{ sha256: string; path: string }> {
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const finalPath = blobPath(sha256);
  if (await hasSize(finalPath, bytes.byteLength)) return { sha256, path: finalPath };

  // the temporary folder sits inside files/, on the same file system, so rename is atomic
  const tmpDir = path.join(filesDir(), ".tmp");
  await mkdir(tmpDir, { recursive: true });
  await mkdir(path.dirname(finalPath), { recursive: true });
  const tmpPath = path.join(tmpDir, `${sha256}.${randomUUID()}`);
  try {
    const handle = await open(tmpPath, "wx", 0o600);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    // a concurrent upload of the same content may rename first: replacing identical bytes is harmless
    await rename(tmpPath, finalPath);
  } catch (error) {
    await rm(tmpPath, { force: true });
    throw error;
  }
  return { sha256, path: finalPath };
}

async function hasSize(file: string, size: number): Promise<boolean> {
  try {
    const s = await stat(file);
    return s.isFile() && s.size === size;
  } catch {
    return false;
  }
}
