import { EMAIL_MODES } from "@citypeer/domain/notifications";
import { builder } from "../../builder.ts";

export const EmailModeEnum = builder.enumType("EmailMode", { values: EMAIL_MODES });

export const NotificationRef = builder.prismaNode("Notification", {
  id: { field: "id" },
  // a notification is its recipient's alone; lists are filtered by recipient too
  authScopes: (n, ctx) => !!ctx.viewer && n.userId === ctx.viewer.id,
  fields: (t) => ({
    kind: t.exposeString("kind"),
    payload: t.expose("payload", { type: "JSON" }),
    isRead: t.boolean({ resolve: (n) => n.readAt !== null }),
    /** Where the notification leads in the web app. */
    link: t.string({ nullable: true, resolve: (n) => ((n.payload as Record<string, unknown> | null)?.link as string | undefined) ?? null }),
    readAt: t.expose("readAt", { type: "DateTime", nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

export type PreferenceShape = { kind: string; email: (typeof EMAIL_MODES)[number]; isDefault: boolean };

export const NotificationPreferenceRef = builder.objectRef<PreferenceShape>("NotificationPreference").implement({
  fields: (t) => ({
    kind: t.exposeString("kind"),
    email: t.field({ type: EmailModeEnum, resolve: (p) => p.email }),
    isDefault: t.exposeBoolean("isDefault"),
  }),
});

