import { builder } from "../../builder.ts";
import { UserRef } from "./types.ts";

builder.queryFields((t) => ({
  /** The signed-in person, or null: public, so the web app can tell whether to show the sign-in page. */
  me: t.field({
    type: UserRef,
    nullable: true,
    // a plain field: anonymous requests cost no query; nested relations load through the plugin's fallback
    resolve: (_root, _args, ctx) => (ctx.viewer ? ctx.db.user.findUnique({ where: { id: ctx.viewer.id } }) : null),
  }),
}));
