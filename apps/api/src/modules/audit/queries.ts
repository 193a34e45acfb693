import { builder } from "../../builder.ts";
import { AuditEntryRef } from "./types.ts";

builder.queryFields((t) => ({
  /** Who changed what and when, for one record, newest first. */
  auditLog: t.prismaField({
    type: [AuditEntryRef],
    authScopes: { projectManager: true, admin: true },
    args: {
      entityType: t.arg.string({ required: true }),
      entityId: t.arg.string({ required: true }),
      limit: t.arg.int({ required: false, defaultValue: 200 }),
    },
    resolve: (query, _root, args, ctx) =>
      // PostgreSQL text cannot hold a NUL byte, so no entry has one (and the query would fail on it)
      args.entityType.includes("\u0000") || args.entityId.includes("\u0000")
        ? []
        : ctx.db.auditEntry.findMany({
            ...query,
            where: { entityType: args.entityType, entityId: args.entityId },
            orderBy: { seq: "desc" },
            take: Math.min(Math.max(args.limit ?? 200, 1), 500),
          }),
  }),
}));
