import { builder } from "../../builder.ts";
import { visibleGrants } from "./access.ts";
import { grantPortfolio, portfolioCsv, type PortfolioRow } from "./portfolio.ts";
import { BudgetStatusEnum, CostCategoryEnum, GrantRef } from "./types.ts";

const PortfolioRowRef = builder.objectRef<PortfolioRow>("GrantPortfolioRow").implement({
  description: "One grant's figures in the project team's portfolio. Amounts in cents.",
  fields: (t) => ({
    grantId: t.globalID({ resolve: (r) => ({ type: "Grant", id: r.grantId }) }),
    cityName: t.exposeString("cityName", { nullable: true }),
    organizationName: t.exposeString("organizationName"),
    pilotTitle: t.exposeString("pilotTitle"),
    budgetStatus: t.field({ type: BudgetStatusEnum, resolve: (r) => r.budgetStatus }),
    capCents: t.exposeInt("capCents"),
    budgetPlannedCents: t.exposeInt("budgetPlannedCents"),
    budgetApprovedCents: t.exposeInt("budgetApprovedCents"),
    committedCents: t.exposeInt("committedCents"),
    paidCents: t.exposeInt("paidCents"),
    approvedSpendCents: t.exposeInt("approvedSpendCents"),
    pendingSpendCents: t.exposeInt("pendingSpendCents"),
    remainingCents: t.exposeInt("remainingCents"),
    availableCents: t.exposeInt("availableCents"),
    burnRateCentsPerMonth: t.exposeInt("burnRateCentsPerMonth"),
    forecastEndBalanceCents: t.exposeInt("forecastEndBalanceCents"),
    overdueReportCount: t.exposeInt("overdueReportCount"),
    overrunCategories: t.field({ type: [CostCategoryEnum], resolve: (r) => r.overrunCategories }),
  }),
});

builder.queryFields((t) => ({
  /** Project managers: every grant; a city officer: their own city's (filtered in the query, so nothing leaks). */
  grants: t.prismaField({
    type: [GrantRef],
    authScopes: { signedIn: true },
    resolve: (query, _root, _args, ctx) =>
      ctx.db.grant.findMany({ ...query, where: visibleGrants(ctx.viewer), orderBy: [{ pilot: { organization: { name: "asc" } } }, { id: "asc" }] }),
  }),

  /** A grant the viewer may see, else null. */
  grant: t.prismaField({
    type: GrantRef,
    nullable: true,
    authScopes: { signedIn: true },
    args: { id: t.arg.globalID({ required: true, for: GrantRef }) },
    resolve: (query, _root, args, ctx) => ctx.db.grant.findFirst({ ...query, where: { id: args.id.id, AND: [visibleGrants(ctx.viewer)] } }),
  }),

  /** Every grant's figures on one page, for the project team. */
  grantPortfolio: t.field({
    type: [PortfolioRowRef],
    authScopes: { projectManager: true },
    resolve: (_root, _args, ctx) => grantPortfolio(ctx.db),
  }),

  /** The portfolio as a CSV file (UTF-8 with BOM, CRLF), the same rows as `grantPortfolio`. */
  grantPortfolioCsv: t.string({
    authScopes: { projectManager: true },
    resolve: async (_root, _args, ctx) => portfolioCsv(await grantPortfolio(ctx.db)),
  }),
}));
