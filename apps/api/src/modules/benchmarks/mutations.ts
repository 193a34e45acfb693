import { frameworkContentSchema, roundSchema, type ImportIssue } from "@citypeer/domain/benchmarks";
import { z } from "zod";
import { builder } from "../../builder.ts";
import { ErrorInterface, InputError, NotFoundError, parseInput } from "../../errors.ts";
import { inTransaction } from "../../transaction.ts";
import { recordAudit } from "../audit/service.ts";
import { CommunityRef } from "../communities/types.ts";
import { OrganizationRef } from "../organizations/types.ts";
import { ImportError, parseFrameworkImport, saveFramework } from "./frameworks.ts";
import { FrameworkFormatEnum } from "./queries.ts";
import { FrameworkRef, RoundKindEnum, RoundRef } from "./types.ts";

const ImportIssueRef = builder.objectRef<ImportIssue>("ImportIssue").implement({
  description: "A problem in an imported file: row 1 is the header; JSON problems have row 0 and a path as column.",
  fields: (t) => ({ row: t.exposeInt("row"), column: t.exposeString("column"), code: t.exposeString("code"), message: t.exposeString("message") }),
});

builder.objectType(ImportError, {
  name: "ImportError",
  interfaces: [ErrorInterface],
  isTypeOf: (value) => value instanceof ImportError,
  fields: (t) => ({ issues: t.field({ type: [ImportIssueRef], resolve: (e) => e.issues }) }),
});

const LevelsInput = builder.inputType("FrameworkIndicatorInput", {
  fields: (t) => ({
    code: t.string({ required: true }),
    title: t.string({ required: true }),
    guidance: t.string({ required: false }),
    weight: t.int({ required: true }),
    levels: t.stringList({ required: true }),
  }),
});
const DimensionInput = builder.inputType("FrameworkDimensionInput", {
  fields: (t) => ({
    code: t.string({ required: true }),
    title: t.string({ required: true }),
    description: t.string({ required: false }),
    indicators: t.field({ type: [LevelsInput], required: true }),
  }),
});
const SaveFrameworkInput = builder.inputType("SaveBenchmarkFrameworkInput", {
  fields: (t) => ({
    communityId: t.globalID({ required: true, for: CommunityRef }),
    title: t.string({ required: true }),
    dimensions: t.field({ type: [DimensionInput], required: true }),
  }),
});
const ImportFrameworkInput = builder.inputType("ImportBenchmarkFrameworkInput", {
  fields: (t) => ({
    communityId: t.globalID({ required: true, for: CommunityRef }),
    format: t.field({ type: FrameworkFormatEnum, required: true }),
    content: t.string({ required: true }),
    /** Title for a CSV import (JSON carries its own). */
    title: t.string({ required: false }),
  }),
});
const CreateRoundInput = builder.inputType("CreateBenchmarkRoundInput", {
  fields: (t) => ({
    communityId: t.globalID({ required: true, for: CommunityRef }),
    name: t.string({ required: true }),
    kind: t.field({ type: RoundKindEnum, required: true }),
    opensAt: t.field({ type: "DateTime", required: true }),
    closesAt: t.field({ type: "DateTime", required: true }),
  }),
});
const UpdateRoundInput = builder.inputType("UpdateBenchmarkRoundInput", {
  fields: (t) => ({
    roundId: t.globalID({ required: true, for: RoundRef }),
    name: t.string({ required: false }),
    opensAt: t.field({ type: "DateTime", required: false }),
    /** A later date reopens a closed round. */
    closesAt: t.field({ type: "DateTime", required: false }),
  }),
});
const ExtendDeadlineInput = builder.inputType("ExtendSubmissionDeadlineInput", {
  fields: (t) => ({
    roundId: t.globalID({ required: true, for: RoundRef }),
    organizationId: t.globalID({ required: true, for: OrganizationRef }),
    closesAt: t.field({ type: "DateTime", required: true }),
  }),
});

builder.mutationFields((t) => ({
  saveBenchmarkFramework: t.prismaField({
    type: FrameworkRef,
    args: { input: t.arg({ type: SaveFrameworkInput, required: true }) },
    authScopes: { projectManager: true },
    errors: { types: [InputError, NotFoundError] },
    resolve: (query, _root, { input }, ctx) => {
      const content = parseInput(frameworkContentSchema, { title: input.title, dimensions: input.dimensions });
      return inTransaction(ctx, async (tx) => {
        const saved = await saveFramework(tx, ctx.viewer!, input.communityId.id, content);
        return tx.benchmarkFramework.findUniqueOrThrow({ ...query, where: { id: saved.id } });
      });
    },
  }),

  /** Imports nothing when any row has a problem; the report names the row and column of each. */
  importBenchmarkFramework: t.prismaField({
    type: FrameworkRef,
    args: { input: t.arg({ type: ImportFrameworkInput, required: true }) },
    authScopes: { projectManager: true },
    errors: { types: [ImportError, InputError, NotFoundError] },
    resolve: (query, _root, { input }, ctx) => {
      if (input.content.length > 2_000_000) throw InputError.field(["content"], "file_too_large", "The file is larger than 2 MB");
      const content = parseFrameworkImport(input.format, input.content, input.title?.trim() || "Imported framework");
      return inTransaction(ctx, async (tx) => {
        const saved = await saveFramework(tx, ctx.viewer!, input.communityId.id, content);
        return tx.benchmarkFramework.findUniqueOrThrow({ ...query, where: { id: saved.id } });
      });
    },
  }),

  /** A round uses the community's latest framework version. */
  createBenchmarkRound: t.prismaField({
    type: RoundRef,
    args: { input: t.arg({ type: CreateRoundInput, required: true }) },
    authScopes: { projectManager: true },
    errors: { types: [InputError] },
    resolve: (query, _root, { input }, ctx) => {
      const data = parseInput(roundSchema, { ...input, communityId: input.communityId.id });
      return inTransaction(ctx, async (tx) => {
        const framework = await tx.benchmarkFramework.findFirst({ where: { communityId: data.communityId }, orderBy: { version: "desc" } });
        if (!framework) throw InputError.field(["communityId"], "no_framework", "The community has no benchmark framework yet");
        const round = await tx.benchmarkRound.create({ ...query, data: { ...data, frameworkId: framework.id } });
        await recordAudit(tx, ctx.viewer!, "round.created", { type: "BenchmarkRound", id: round.id }, null, { ...data, frameworkId: framework.id });
        return round;
      });
    },
  }),

  updateBenchmarkRound: t.prismaField({
    type: RoundRef,
    args: { input: t.arg({ type: UpdateRoundInput, required: true }) },
    authScopes: { projectManager: true },
    errors: { types: [InputError, NotFoundError] },
    resolve: (query, _root, { input }, ctx) =>
      inTransaction(ctx, async (tx) => {
        const before = await tx.benchmarkRound.findUnique({ where: { id: input.roundId.id } });
        if (!before) throw new NotFoundError("BenchmarkRound");
        const next = {
          name: input.name?.trim() || before.name,
          opensAt: input.opensAt ?? before.opensAt,
          closesAt: input.closesAt ?? before.closesAt,
        };
        if (next.closesAt <= next.opensAt) throw InputError.field(["closesAt"], "closes_before_opening", "The round must close after it opens");
        const after = await tx.benchmarkRound.update({ ...query, where: { id: before.id }, data: next });
        await recordAudit(tx, ctx.viewer!, "round.updated", { type: "BenchmarkRound", id: before.id }, before, next);
        return after;
      }),
  }),

  /** One city gets a later deadline than the round's. */
  extendSubmissionDeadline: t.prismaField({
    type: RoundRef,
    args: { input: t.arg({ type: ExtendDeadlineInput, required: true }) },
    authScopes: { projectManager: true },
    errors: { types: [InputError, NotFoundError] },
    resolve: (query, _root, { input }, ctx) => {
      const closesAt = parseInput(z.date(), input.closesAt);
      return inTransaction(ctx, async (tx) => {
        const round = await tx.benchmarkRound.findUnique({ where: { id: input.roundId.id } });
        if (!round) throw new NotFoundError("BenchmarkRound");
        if (closesAt <= round.closesAt) throw InputError.field(["closesAt"], "not_later", "An extension must end after the round closes");
        const key = { roundId: round.id, organizationId: input.organizationId.id };
        const before = await tx.roundDeadlineExtension.findUnique({ where: { roundId_organizationId: key } });
        await tx.roundDeadlineExtension.upsert({ where: { roundId_organizationId: key }, create: { ...key, closesAt }, update: { closesAt } });
        await recordAudit(tx, ctx.viewer!, "round.deadline_extended", { type: "BenchmarkRound", id: round.id }, before, { ...key, closesAt });
        return tx.benchmarkRound.findUniqueOrThrow({ ...query, where: { id: round.id } });
      });
    },
  }),
}));
