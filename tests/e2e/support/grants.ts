import { readFileSync } from "node:fs";
import { expect, type Page } from "@playwright/test";
import { signIn } from "./sign-in.ts";

/** A real 1×1 PNG and a minimal PDF: the API reads the type from the content, not the name. */
export const RECEIPT_PNG = {
  name: "facilitator-invoice.png",
  mimeType: "image/png",
  buffer: Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64"),
};
export const RECEIPT_PDF = {
  name: "laptop-invoice.pdf",
  mimeType: "application/pdf",
  buffer: Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"),
};

/** Signs in as someone else in the same browser and opens a page fresh (the app reloads with the new session). */
export async function switchTo(page: Page, email: string, path: string) {
  await signIn(page, email);
  await page.goto(path);
}

/** A page's success message (role=status) with this text. */
export const statusWith = (page: Page, text: string | RegExp) => page.getByRole("status").filter({ hasText: text });

/** Today as YYYY-MM-DD in the browser's (UTC) calendar, for date inputs. */
export const today = () => new Date().toISOString().slice(0, 10);

/** Parses the portfolio CSV (BOM, CRLF, RFC 4180 quotes) into objects keyed by the header row. */
export function parseCsv(path: string): Record<string, string>[] {
  const text = readFileSync(path, "utf8").replace(/^\uFEFF/, "");
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") row.push(cell), (cell = "");
    else if (ch === "\n") row.push(cell.replace(/\r$/, "")), rows.push(row), (row = []), (cell = "");
    else cell += ch;
  }
  if (cell || row.length) rows.push([...row, cell]);
  const [header, ...body] = rows;
  expect(header).toBeDefined();
  return body.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ""])));
}

/** Saves a screenshot when E2E_SCREENSHOT_DIR is set (for reviews of the pages; the tests don't need them). */
export async function screenshot(page: Page, name: string) {
  const dir = process.env.E2E_SCREENSHOT_DIR;
  if (dir) await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
}
