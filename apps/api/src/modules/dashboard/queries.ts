import { builder } from "../../builder.ts";
import { DashboardRef } from "./types.ts";

builder.queryFields((t) => ({
  /** The viewer's start page: a section per role they have. One request, a fixed number of SQL statements. */
  dashboard: t.field({
    type: DashboardRef,
    authScopes: { signedIn: true },
    resolve: () => ({ now: new Date() }),
  }),
}));
