import { builder } from "../../builder.ts";
import { preferencesWithDefaults } from "./service.ts";
import { NotificationPreferenceRef, NotificationRef } from "./types.ts";

builder.queryFields((t) => ({
  /** The viewer's notifications, newest first. */
  notifications: t.prismaConnection({
    type: NotificationRef,
    cursor: "id",
    authScopes: { signedIn: true },
    args: { unreadOnly: t.arg.boolean({ required: false }) },
    resolve: (query, _root, args, ctx) =>
      ctx.db.notification.findMany({
        ...query,
        where: { userId: ctx.viewer!.id, ...(args.unreadOnly ? { readAt: null } : {}) },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      }),
  }),

  unreadNotificationCount: t.int({
    authScopes: { signedIn: true },
    resolve: (_root, _args, ctx) => ctx.db.notification.count({ where: { userId: ctx.viewer!.id, readAt: null } }),
  }),

  /** One row per kind: the viewer's choice, or the kind's default. */
  notificationPreferences: t.field({
    type: [NotificationPreferenceRef],
    authScopes: { signedIn: true },
    resolve: async (_root, _args, ctx) => {
      return preferencesWithDefaults(await ctx.db.notificationPreference.findMany({ where: { userId: ctx.viewer!.id } }));
    },
  }),
}));
