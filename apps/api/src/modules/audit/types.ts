import { builder } from "../../builder.ts";

export const AuditEntryRef = builder.prismaObject("AuditEntry", {
  fields: (t) => ({
    id: t.string({ resolve: (e) => e.seq.toString() }),
    occurredAt: t.expose("occurredAt", { type: "DateTime" }),
    actor: t.relation("actor", { nullable: true }),
    action: t.exposeString("action"),
    entityType: t.exposeString("entityType"),
    entityId: t.exposeString("entityId"),
    before: t.expose("before", { type: "JSON", nullable: true }),
    after: t.expose("after", { type: "JSON", nullable: true }),
    hash: t.exposeString("hash"),
  }),
});
