import type { TestApp } from "../support/app.ts";

export const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString("base64");
export const rawId = (globalId: string) => Buffer.from(globalId, "base64").toString().split(":")[1]!;

// every typed error implements Error; each mutation's union has only the ones it can return
const errors = /* GraphQL */ `
  ... on Error { message ... on InputError { issues { path code } } ... on ConflictError { code } ... on NotFoundError { entity } }
`;

export const PROPOSE = /* GraphQL */ `
  mutation ($input: ProposeBudgetInput!) {
    proposeBudget(input: $input) { __typename ... on MutationProposeBudgetSuccess { data { id budgetStatus } } ${errors} }
  }
`;
export const APPROVE_BUDGET = /* GraphQL */ `
  mutation ($input: ApproveBudgetInput!) {
    approveBudget(input: $input) { __typename ... on MutationApproveBudgetSuccess { data { id budgetStatus } } ${errors} }
  }
`;
export const REJECT_BUDGET = /* GraphQL */ `
  mutation ($input: RejectBudgetInput!) {
    rejectBudget(input: $input) { __typename ... on MutationRejectBudgetSuccess { data { id budgetStatus } } ${errors} }
  }
`;
export const SET_CAP = /* GraphQL */ `
  mutation ($input: SetGrantCapInput!) {
    setGrantCap(input: $input) { __typename ... on MutationSetGrantCapSuccess { data { id capCents } } ${errors} }
  }
`;
export const PLAN_TRANCHE = /* GraphQL */ `
  mutation ($input: PlanTrancheInput!) {
    planTranche(input: $input) { __typename ... on MutationPlanTrancheSuccess { data { id kind status amountCents plannedDate } } ${errors} }
  }
`;
export const REQUEST_TRANCHE = /* GraphQL */ `
  mutation ($input: RequestTrancheInput!) {
    requestTranche(input: $input) { __typename ... on MutationRequestTrancheSuccess { data { id status } } ${errors} }
  }
`;
export const APPROVE_TRANCHE = /* GraphQL */ `
  mutation ($input: ApproveTrancheInput!) {
    approveTranche(input: $input) { __typename ... on MutationApproveTrancheSuccess { data { id status grant { committedCents } } } ${errors} }
  }
`;
export const PAY_TRANCHE = /* GraphQL */ `
  mutation ($input: MarkTranchePaidInput!) {
    markTranchePaid(input: $input) { __typename ... on MutationMarkTranchePaidSuccess { data { id status paidAt } } ${errors} }
  }
`;
export const DECLARE = /* GraphQL */ `
  mutation ($input: DeclareExpenseInput!) {
    declareExpense(input: $input) {
      __typename
      ... on MutationDeclareExpenseSuccess { data { id status amountCents category receipt { fileName } declaredBy { email } } }
      ${errors}
    }
  }
`;
export const APPROVE_EXPENSE = /* GraphQL */ `
  mutation ($input: ApproveExpenseInput!) {
    approveExpense(input: $input) { __typename ... on MutationApproveExpenseSuccess { data { id status decidedBy { email } } } ${errors} }
  }
`;
export const REJECT_EXPENSE = /* GraphQL */ `
  mutation ($input: RejectExpenseInput!) {
    rejectExpense(input: $input) { __typename ... on MutationRejectExpenseSuccess { data { id status rejectionReason } } ${errors} }
  }
`;
export const SUBMIT_REPORT = /* GraphQL */ `
  mutation ($input: SubmitReportInput!) {
    submitReport(input: $input) { __typename ... on MutationSubmitReportSuccess { data { id submittedAt isOverdue document { fileName } } } ${errors} }
  }
`;
export const ACCEPT_REPORT = /* GraphQL */ `
  mutation ($input: AcceptReportInput!) {
    acceptReport(input: $input) { __typename ... on MutationAcceptReportSuccess { data { id acceptedAt } } ${errors} }
  }
`;

/** Everything a grant page shows. */
export const GRANT_FIELDS = /* GraphQL */ `
  id capCents budgetStatus committedCents
  pilot { title organization { name } }
  budgetLines { category plannedCents approvedCents approvedSpendCents pendingSpendCents remainingCents availableCents overrunCents isOverrun }
  tranches { id kind amountCents plannedDate status }
  expenses { id category amountCents spentOn description supplier status rejectionReason receipt { fileName } declaredBy { name } }
  deadlines { id kind dueDate submittedAt acceptedAt isOverdue }
  totals {
    capCents committedCents paidCents budgetPlannedCents budgetApprovedCents approvedSpendCents pendingSpendCents
    remainingCents availableCents burnRateCentsPerMonth forecastEndBalanceCents overdueReportCount overrunCategories
  }
`;
export const GRANT = `query ($id: ID!) { grant(id: $id) { ${GRANT_FIELDS} } }`;
export const GRANTS = `query { grants { ${GRANT_FIELDS} } }`;

export const PORTFOLIO = /* GraphQL */ `
  query {
    grantPortfolio {
      grantId cityName organizationName pilotTitle budgetStatus capCents budgetPlannedCents budgetApprovedCents committedCents paidCents
      approvedSpendCents pendingSpendCents remainingCents availableCents burnRateCentsPerMonth forecastEndBalanceCents overdueReportCount overrunCategories
    }
  }
`;

export const manager = (app: TestApp) => app.userByEmail("manager@citypeer.eu");
export const officer = (app: TestApp, city: string) => app.userByEmail(`officer.${city}@citypeer.eu`);

/** The seeded grant of a partner city, with its global id and its city's officer. */
export async function cityGrant(app: TestApp, city: string) {
  const grant = await app.prisma.grant.findFirstOrThrow({
    where: { pilot: { organization: { slug: city } } },
    include: { deadlines: true, pilot: { select: { organizationId: true } } },
  });
  const deadline = (kind: "INTERIM_REPORT" | "FINAL_REPORT") => grant.deadlines.find((d) => d.kind === kind)!;
  return { grant, id: gid("Grant", grant.id), officer: await officer(app, city), deadline };
}

/** What a refused request must leave untouched: every grant row, line, tranche, expense, deadline, key and audit entry. */
export async function moneyState(app: TestApp) {
  const p = app.prisma;
  return {
    grants: await p.grant.findMany({ orderBy: { id: "asc" }, select: { id: true, capCents: true, budgetStatus: true, budgetTotalCents: true, committedCents: true } }),
    lines: await p.budgetLine.findMany({ orderBy: { id: "asc" }, select: { id: true, plannedCents: true, approvedCents: true } }),
    tranches: await p.tranche.findMany({ orderBy: { id: "asc" }, select: { id: true, status: true, amountCents: true } }),
    expenses: await p.expense.findMany({ orderBy: { id: "asc" }, select: { id: true, status: true, amountCents: true, rejectionReason: true } }),
    deadlines: await p.reportingDeadline.findMany({ orderBy: { id: "asc" }, select: { id: true, submittedAt: true, acceptedAt: true } }),
    idempotencyKeys: await p.idempotencyKey.count(),
    auditEntries: await p.auditEntry.count(),
    notifications: await p.notification.count(),
  };
}

const today = () => new Date().toISOString().slice(0, 10);

/** A grant ready for spending: budget proposed by the city and approved by the manager. */
export async function approvedBudget(app: TestApp, city: string, lines: { category: string; plannedCents: number }[]) {
  const g = await cityGrant(app, city);
  const proposed = await app.gql(g.officer, PROPOSE, { input: { grantId: g.id, lines } });
  if (proposed.data?.proposeBudget.__typename !== "MutationProposeBudgetSuccess") throw new Error(JSON.stringify(proposed));
  const approved = await app.gql(await manager(app), APPROVE_BUDGET, { input: { grantId: g.id } });
  if (approved.data?.approveBudget.__typename !== "MutationApproveBudgetSuccess") throw new Error(JSON.stringify(approved));
  return g;
}

/** A declared expense (the city's officer), returning its global id. */
export async function declared(app: TestApp, g: { id: string; officer: { id: string } }, amountCents: number, extra: Record<string, unknown> = {}) {
  const res = await app.gql(g.officer, DECLARE, {
    input: { grantId: g.id, category: "STAFF", amountCents, spentOn: today(), description: `Work ${amountCents}`, supplier: "Staff", ...extra },
  });
  if (res.data?.declareExpense.__typename !== "MutationDeclareExpenseSuccess") throw new Error(JSON.stringify(res));
  return res.data.declareExpense.data.id as string;
}

/** A tranche planned by the manager and requested by the city, returning its global id. */
export async function requestedTranche(app: TestApp, g: { id: string; officer: { id: string } }, kind: string, amountCents: number) {
  const planned = await app.gql(await manager(app), PLAN_TRANCHE, { input: { grantId: g.id, kind, amountCents, plannedDate: "2027-01-15" } });
  if (planned.data?.planTranche.__typename !== "MutationPlanTrancheSuccess") throw new Error(JSON.stringify(planned));
  const id = planned.data.planTranche.data.id as string;
  const requested = await app.gql(g.officer, REQUEST_TRANCHE, { input: { trancheId: id } });
  if (requested.data?.requestTranche.__typename !== "MutationRequestTrancheSuccess") throw new Error(JSON.stringify(requested));
  return id;
}

export { today };
