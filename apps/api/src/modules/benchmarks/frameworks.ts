import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import type { Client, Tx } from "@citypeer/db";
import {
  duplicateCodeIssues,
  frameworkContentSchema,
  frameworkFromRows,
  frameworkToRows,
  type FrameworkContent,
  type ImportIssue,
} from "@citypeer/domain/benchmarks";
import type { Viewer } from "../../context.ts";
import { InputError, NotFoundError } from "../../errors.ts";
import { recordAudit } from "../audit/service.ts";

export class ImportError extends Error {
  constructor(readonly issues: ImportIssue[]) {
    super(`The file has ${issues.length} problem(s); nothing was imported`);
  }
}

/** The latest version of a community's framework, with everything a form or an export needs. */
export function latestFramework(db: Client | Tx, communityId: string) {
  return db.benchmarkFramework.findFirst({
    where: { communityId },
    orderBy: { version: "desc" },
    include: { _count: { select: { rounds: true } } },
  });
}

/**
 * Saves a framework. A version no round has used is edited in place; once a round has used it, the
 * save creates the next version, so old submissions stay tied to the version they answered.
 */
export async function saveFramework(tx: Tx, actor: Viewer, communityId: string, content: FrameworkContent) {
  const duplicates = duplicateCodeIssues(content);
  if (duplicates.length > 0) throw new InputError(duplicates);
  if (!(await tx.community.findUnique({ where: { id: communityId } }))) throw new NotFoundError("Community");

  const latest = await latestFramework(tx, communityId);
  const before = latest ? await frameworkContent(tx, latest.id) : null;
  let frameworkId: string;
  if (latest && latest._count.rounds === 0) {
    await tx.benchmarkDimension.deleteMany({ where: { frameworkId: latest.id } });
    await tx.benchmarkFramework.update({ where: { id: latest.id }, data: { title: content.title } });
    frameworkId = latest.id;
  } else {
    const created = await tx.benchmarkFramework.create({ data: { communityId, version: (latest?.version ?? 0) + 1, title: content.title } });
    frameworkId = created.id;
  }
  for (const [d, dim] of content.dimensions.entries()) {
    const dimension = await tx.benchmarkDimension.create({
      data: { frameworkId, code: dim.code, title: dim.title, description: dim.description, position: d },
    });
    for (const [i, ind] of dim.indicators.entries()) {
      await tx.benchmarkIndicator.create({
        data: {
          frameworkId,
          dimensionId: dimension.id,
          code: ind.code,
          title: ind.title,
          guidance: ind.guidance,
          weight: ind.weight,
          position: i,
          levels: { create: ind.levels.map((descriptor, level) => ({ level, descriptor })) },
        },
      });
    }
  }
  const saved = await tx.benchmarkFramework.findUniqueOrThrow({ where: { id: frameworkId } });
  await recordAudit(tx, actor, latest?.id === frameworkId ? "framework.edited" : "framework.versioned", { type: "BenchmarkFramework", id: frameworkId }, before, content);
  return saved;
}

/** A framework as plain content (the shape of the JSON export and of saveFramework's input). */
export async function frameworkContent(db: Client | Tx, frameworkId: string): Promise<FrameworkContent> {
  const framework = await db.benchmarkFramework.findUnique({
    where: { id: frameworkId },
    include: {
      dimensions: {
        orderBy: { position: "asc" },
        include: { indicators: { orderBy: { position: "asc" }, include: { levels: { orderBy: { level: "asc" } } } } },
      },
    },
  });
  if (!framework) throw new NotFoundError("BenchmarkFramework");
  return {
    title: framework.title,
    dimensions: framework.dimensions.map((d) => ({
      code: d.code,
      title: d.title,
      description: d.description,
      indicators: d.indicators.map((i) => ({ code: i.code, title: i.title, guidance: i.guidance, weight: i.weight, levels: i.levels.map((l) => l.descriptor) })),
    })),
  };
}

/** CSV with a BOM and CRLF line ends, so spreadsheet programs open it with the right encoding. */
export function frameworkToCsv(content: FrameworkContent): string {
  return stringify(frameworkToRows(content), { bom: true, record_delimiter: "windows" });
}

/** Parses an import; any problem (named by row and column) means nothing is imported. */
export function parseFrameworkImport(format: "CSV" | "JSON", text: string, title: string): FrameworkContent {
  if (format === "JSON") {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new ImportError([{ row: 0, column: "", code: "invalid_json", message: error instanceof Error ? error.message : "Not JSON" }]);
    }
    const parsed = frameworkContentSchema.safeParse(json);
    if (!parsed.success) {
      throw new ImportError(parsed.error.issues.map((i) => ({ row: 0, column: i.path.join("."), code: i.code, message: i.message })));
    }
    const duplicates = duplicateCodeIssues(parsed.data);
    if (duplicates.length) throw new ImportError(duplicates.map((i) => ({ row: 0, column: i.path.join("."), code: i.code, message: i.message })));
    return parsed.data;
  }
  let rows: string[][];
  try {
    rows = parse(text.replace(/^\uFEFF/, ""), { relax_column_count: true, skip_empty_lines: true, trim: false }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 0;
    throw new ImportError([{ row: line, column: "", code: "invalid_csv", message: error instanceof Error ? error.message : "Not CSV" }]);
  }
  const { content, issues } = frameworkFromRows(title, rows);
  if (!content) throw new ImportError(issues);
  return content;
}
