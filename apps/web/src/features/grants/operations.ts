import { graphql, type ResultOf } from "../../app/graphql.ts";

/** The officer's own grant(s): the API lists only their city's. */
export const MyGrantsQuery = graphql(`
  query MyGrants {
    grants {
      id
    }
  }
`);

export const GrantQuery = graphql(`
  query GrantDetail($id: ID!) {
    grant(id: $id) {
      id
      capCents
      budgetStatus
      budgetApprovedAt
      updatedAt
      pilot {
        id
        title
        organization {
          id
          name
          cityName
        }
      }
      budgetLines {
        category
        plannedCents
        approvedCents
        approvedSpendCents
        pendingSpendCents
        remainingCents
        availableCents
        overrunCents
        isOverrun
      }
      tranches {
        id
        kind
        status
        amountCents
        plannedDate
        requestedAt
        approvedAt
        paidAt
      }
      expenses {
        id
        category
        amountCents
        spentOn
        description
        supplier
        status
        rejectionReason
        createdAt
        decidedAt
        receipt {
          id
          fileName
          downloadUrl
        }
      }
      deadlines {
        id
        kind
        dueDate
        submittedAt
        acceptedAt
        isOverdue
      }
      totals {
        capCents
        committedCents
        paidCents
        budgetPlannedCents
        budgetApprovedCents
        approvedSpendCents
        pendingSpendCents
        remainingCents
        availableCents
        burnRateCentsPerMonth
        forecastEndBalanceCents
        overdueReportCount
        overrunCategories
      }
    }
  }
`);

export type GrantData = NonNullable<ResultOf<typeof GrantQuery>["grant"]>;
export type BudgetLineRow = GrantData["budgetLines"][number];
export type TrancheRow = GrantData["tranches"][number];
export type ExpenseRow = GrantData["expenses"][number];
export type DeadlineRow = GrantData["deadlines"][number];

export const GrantPortfolioQuery = graphql(`
  query GrantPortfolio {
    grantPortfolio {
      grantId
      cityName
      organizationName
      pilotTitle
      budgetStatus
      capCents
      committedCents
      paidCents
      approvedSpendCents
      pendingSpendCents
      remainingCents
      burnRateCentsPerMonth
      forecastEndBalanceCents
      overdueReportCount
      overrunCategories
    }
  }
`);
export type PortfolioRow = ResultOf<typeof GrantPortfolioQuery>["grantPortfolio"][number];

export const GrantPortfolioCsvQuery = graphql(`
  query GrantPortfolioCsv {
    grantPortfolioCsv
  }
`);

export const ProposeBudgetMutation = graphql(`
  mutation ProposeBudget($input: ProposeBudgetInput!) {
    proposeBudget(input: $input) {
      __typename
      ... on MutationProposeBudgetSuccess { data { id budgetStatus } }
      ... on InputError { issues { path code message } }
      ... on NotFoundError { entity }
    }
  }
`);

export const ApproveBudgetMutation = graphql(`
  mutation ApproveBudget($input: ApproveBudgetInput!) {
    approveBudget(input: $input) {
      __typename
      ... on MutationApproveBudgetSuccess { data { id budgetStatus } }
      ... on InputError { issues { path code message } }
      ... on ConflictError { code message }
      ... on NotFoundError { entity }
    }
  }
`);

export const RejectBudgetMutation = graphql(`
  mutation RejectBudget($input: RejectBudgetInput!) {
    rejectBudget(input: $input) {
      __typename
      ... on MutationRejectBudgetSuccess { data { id budgetStatus } }
      ... on InputError { issues { path code message } }
      ... on ConflictError { code message }
      ... on NotFoundError { entity }
    }
  }
`);

export const PlanTrancheMutation = graphql(`
  mutation PlanTranche($input: PlanTrancheInput!) {
    planTranche(input: $input) {
      __typename
      ... on MutationPlanTrancheSuccess { data { id status } }
      ... on InputError { issues { path code message } }
      ... on NotFoundError { entity }
    }
  }
`);

export const RequestTrancheMutation = graphql(`
  mutation RequestTranche($input: RequestTrancheInput!) {
    requestTranche(input: $input) {
      __typename
      ... on MutationRequestTrancheSuccess { data { id status } }
      ... on InputError { issues { path code message } }
      ... on ConflictError { code message }
      ... on NotFoundError { entity }
    }
  }
`);

export const ApproveTrancheMutation = graphql(`
  mutation ApproveTranche($input: ApproveTrancheInput!) {
    approveTranche(input: $input) {
      __typename
      ... on MutationApproveTrancheSuccess { data { id status } }
      ... on InputError { issues { path code message } }
      ... on ConflictError { code message }
      ... on NotFoundError { entity }
    }
  }
`);

export const MarkTranchePaidMutation = graphql(`
  mutation MarkTranchePaid($input: MarkTranchePaidInput!) {
    markTranchePaid(input: $input) {
      __typename
      ... on MutationMarkTranchePaidSuccess { data { id status } }
      ... on InputError { issues { path code message } }
      ... on ConflictError { code message }
      ... on NotFoundError { entity }
    }
  }
`);

export const DeclareExpenseMutation = graphql(`
  mutation DeclareExpense($input: DeclareExpenseInput!) {
    declareExpense(input: $input) {
      __typename
      ... on MutationDeclareExpenseSuccess { data { id status } }
      ... on InputError { issues { path code message } }
      ... on NotFoundError { entity }
    }
  }
`);

export const ApproveExpenseMutation = graphql(`
  mutation ApproveExpense($input: ApproveExpenseInput!) {
    approveExpense(input: $input) {
      __typename
      ... on MutationApproveExpenseSuccess { data { id status } }
      ... on InputError { issues { path code message } }
      ... on ConflictError { code message }
      ... on NotFoundError { entity }
    }
  }
`);

export const RejectExpenseMutation = graphql(`
  mutation RejectExpense($input: RejectExpenseInput!) {
    rejectExpense(input: $input) {
      __typename
      ... on MutationRejectExpenseSuccess { data { id status rejectionReason } }
      ... on InputError { issues { path code message } }
      ... on ConflictError { code message }
      ... on NotFoundError { entity }
    }
  }
`);

export const SubmitReportMutation = graphql(`
  mutation SubmitReport($input: SubmitReportInput!) {
    submitReport(input: $input) {
      __typename
      ... on MutationSubmitReportSuccess { data { id submittedAt } }
      ... on InputError { issues { path code message } }
      ... on ConflictError { code message }
      ... on NotFoundError { entity }
    }
  }
`);

export const AcceptReportMutation = graphql(`
  mutation AcceptReport($input: AcceptReportInput!) {
    acceptReport(input: $input) {
      __typename
      ... on MutationAcceptReportSuccess { data { id acceptedAt } }
      ... on InputError { issues { path code message } }
      ... on ConflictError { code message }
      ... on NotFoundError { entity }
    }
  }
`);
