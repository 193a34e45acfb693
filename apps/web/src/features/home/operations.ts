import { graphql, type ResultOf } from "../../app/graphql.ts";

/**
 * The start page in one request: a section per role of the viewer (null for the others). The API reads it
 * in a fixed number of SQL statements (tests/api/dashboard); `pnpm bench` measures this document.
 */
export const DashboardQuery = graphql(`
  query Dashboard {
    dashboard {
      officer {
        due {
          __typename
          isOverdue
          ... on DueBenchmarkSubmission {
            roundId
            roundName
            communityName
            deadline
            state
          }
          ... on DueBudgetProposal {
            grantId
          }
          ... on DueTrancheRequest {
            grantId
            trancheKind
            amountCents
            plannedOn
          }
          ... on DueReport {
            grantId
            reportKind
            dueOn
          }
          ... on DueRecommendation {
            reviewId
            recommendationId
            text
            priority
          }
          ... on DueRejectedExpense {
            grantId
            expenseId
            description
            amountCents
            reason
            rejectedAt
          }
        }
        scores {
          roundId
          roundName
          communityName
          status
          overall
          overallMedian
          validatedCityCount
          dimensions {
            dimensionId
            code
            title
            score
            median
          }
        }
        grant {
          grantId
          totals {
            capCents
            approvedSpendCents
            pendingSpendCents
            remainingCents
            availableCents
          }
          alerts {
            kind
            count
            category
          }
        }
      }
      reviewer {
        reviews {
          id
          startsOn
          endsOn
          mode
          status
          criteriaCount
          viewerScoredCount
          viewerScoringState
          pilot {
            id
            title
            organization {
              id
              name
              cityName
            }
          }
        }
      }
      manager {
        reviewSchedule {
          id
          startsOn
          endsOn
          mode
          status
          pilot {
            id
            title
            organization {
              id
              name
              cityName
            }
          }
        }
        submissionsToValidateCount
        submissionsToValidate {
          id
          submittedAt
          organization {
            id
            name
            cityName
          }
          round {
            id
            name
            community {
              id
              name
            }
          }
        }
        grants {
          grantCount
          capCents
          approvedSpendCents
          pendingSpendCents
          remainingCents
          attentionCount
          attention {
            grantId
            cityName
            organizationName
            budgetAwaitingApproval
            pendingSpendCents
            alerts {
              kind
              count
              category
            }
          }
        }
        openCalls {
          id
          title
          status
          deadline
          places
          isOpen
          applicationCount
        }
      }
      mentor {
        mentees {
          id
          startedAt
          menteeCity {
            id
            name
            cityName
            country
          }
          plan {
            id
            upcomingSessions {
              id
              date
              format
            }
            openActions {
              id
              title
              owner
              dueDate
              status
              isOverdue
            }
          }
        }
      }
    }
  }
`);

export type Dashboard = ResultOf<typeof DashboardQuery>["dashboard"];
export type OfficerDashboard = NonNullable<Dashboard["officer"]>;
export type DueItem = OfficerDashboard["due"][number];
export type ReviewerDashboard = NonNullable<Dashboard["reviewer"]>;
export type ManagerDashboard = NonNullable<Dashboard["manager"]>;
export type MentorDashboard = NonNullable<Dashboard["mentor"]>;
