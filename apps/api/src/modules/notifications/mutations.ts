import { notificationPreferencesSchema } from "@citypeer/domain/notifications";
import { preferencesWithDefaults } from "./service.ts";
import { builder } from "../../builder.ts";
import { InputError, parseInput } from "../../errors.ts";
import { EmailModeEnum, NotificationPreferenceRef } from "./types.ts";

const MarkNotificationsReadInput = builder.inputType("MarkNotificationsReadInput", {
  fields: (t) => ({
    /** Global IDs of the notifications; empty with `all: true` marks everything read. */
    ids: t.globalIDList({ required: false }),
    all: t.boolean({ required: false }),
  }),
});

const PreferenceInput = builder.inputType("NotificationPreferenceInput", {
  fields: (t) => ({ kind: t.string({ required: true }), email: t.field({ type: EmailModeEnum, required: true }) }),
});

const UpdateNotificationPreferencesInput = builder.inputType("UpdateNotificationPreferencesInput", {
  fields: (t) => ({ preferences: t.field({ type: [PreferenceInput], required: true }) }),
});

builder.mutationFields((t) => ({
  /** Marks the viewer's own notifications read; ids of other people's notifications are ignored. Returns the unread count. */
  markNotificationsRead: t.int({
    args: { input: t.arg({ type: MarkNotificationsReadInput, required: true }) },
    authScopes: { signedIn: true },
    resolve: async (_root, { input }, ctx) => {
      const ids = (input.ids ?? []).filter((g) => g.typename === "Notification").map((g) => g.id);
      const where = input.all ? {} : { id: { in: ids } };
      await ctx.db.notification.updateMany({ where: { ...where, userId: ctx.viewer!.id, readAt: null }, data: { readAt: new Date() } });
      return ctx.db.notification.count({ where: { userId: ctx.viewer!.id, readAt: null } });
    },
  }),

  updateNotificationPreferences: t.field({
    type: [NotificationPreferenceRef],
    args: { input: t.arg({ type: UpdateNotificationPreferencesInput, required: true }) },
    authScopes: { signedIn: true },
    errors: { types: [InputError] },
    resolve: async (_root, { input }, ctx) => {
      const { preferences } = parseInput(notificationPreferencesSchema, input);
      const userId = ctx.viewer!.id;
      const rows = await ctx.db.$transaction(async (tx) => {
        for (const p of preferences) {
          await tx.notificationPreference.upsert({
            where: { userId_kind: { userId, kind: p.kind } },
            create: { userId, kind: p.kind, email: p.email },
            update: { email: p.email },
          });
        }
        return tx.notificationPreference.findMany({ where: { userId } });
      });
      return preferencesWithDefaults(rows);
    },
  }),
}));
