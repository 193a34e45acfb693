import { crc32 } from "node:zlib";

/** A valid 1x1 PNG. */
export const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);

/** A minimal one-page PDF. */
export const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
    "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

/** A JPEG's start: SOI and a JFIF APP0 segment, which is what the signature check reads. */
export const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xff, 0xd9]);

/** A Windows executable's header ("MZ" ... "PE"). */
export const EXE = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(58), Buffer.from([0x40, 0, 0, 0]), Buffer.from("PE\0\0"), Buffer.alloc(64)]);

export const HTML = Buffer.from("<!doctype html><html><body><script>alert(document.cookie)</script></body></html>\n");

/** A zip archive with stored (uncompressed) entries, as office files are. */
export function zip(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const nameBytes = Buffer.from(name);
    const data = Buffer.from(text);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const contentTypes = (main: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  `<Override PartName="/main.xml" ContentType="${main}.main+xml"/></Types>`;

export const DOCX = zip({
  "[Content_Types].xml": contentTypes("application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
  "word/document.xml": "<w:document/>",
});
export const XLSX = zip({
  "[Content_Types].xml": contentTypes("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
  "xl/workbook.xml": "<workbook/>",
});
export const ODT = zip({ mimetype: "application/vnd.oasis.opendocument.text", "content.xml": "<office:document-content/>" });
export const ZIP = zip({ "hello.txt": "hello" });

export const CSV = Buffer.from("\ufeffcity,amount_eur\nÉvora,1200\nGdańsk,950\n");

/** A GraphQL multipart request (github.com/jaydenseric/graphql-multipart-request-spec) with one file at `path`. */
export function multipartBody(
  operation: { query: string; variables: Record<string, unknown> },
  path: string,
  file: { name: string; type: string; bytes: Uint8Array },
) {
  const boundary = `----citypeer${Math.random().toString(16).slice(2)}`;
  const part = (headers: string, body: Uint8Array | string) => [
    Buffer.from(`--${boundary}\r\n${headers}\r\n\r\n`),
    typeof body === "string" ? Buffer.from(body) : body,
    Buffer.from("\r\n"),
  ];
  const body = Buffer.concat([
    ...part('Content-Disposition: form-data; name="operations"', JSON.stringify(operation)),
    ...part('Content-Disposition: form-data; name="map"', JSON.stringify({ 0: [path] })),
    ...part(`Content-Disposition: form-data; name="0"; filename="${file.name}"\r\nContent-Type: ${file.type}`, file.bytes),
    Buffer.from(`--${boundary}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}
