import { graphql } from "../../app/graphql.ts";

const PilotIssues = graphql(`
  fragment PilotIssues on InputError {
    issues {
      path
      code
      message
    }
  }
`);

/** A review as the pilot page shows it: dates, team, the consolidated scores (once visible) and the recommendations' state. */
const PilotReviewFragment = graphql(`
  fragment PilotReview on PeerReview {
    id
    mode
    startsOn
    endsOn
    status
    reportSummary
    viewerCanSeeAllScores
    assignments {
      hasSubmittedScores
      reviewer {
        id
        name
        organization {
          id
          name
          cityName
        }
      }
    }
    summary {
      criterionId
      code
      title
      n
      mean
      min
      max
      stdDev
    }
    recommendations {
      id
      text
      priority
      answer {
        response
        reason
        answeredAt
        answeredBy {
          id
          name
        }
      }
    }
  }
`);

/** Everything the pilot page shows; the edit form reads the same fields. */
export const PilotDetailsFragment = graphql(
  `
    fragment PilotDetails on Pilot {
      id
      title
      problemStatement
      plannedActivities
      contentLanguage
      status
      targetGroups
      updatedAt
      viewerCanEdit
      organization {
        id
        name
        cityName
        languages
      }
      community {
        id
        name
        theme
      }
      objectives {
        id
        text
        answersRecommendation {
          id
          text
          priority
          answer {
            response
            reason
          }
        }
      }
      coDesignActivities {
        id
        date
        format
        description
        participantCount
        migrantOrganisations
      }
      milestones {
        id
        title
        dueDate
        status
        completedAt
      }
      indicators {
        id
        code
        title
      }
      reviews {
        ...PilotReview
      }
    }
  `,
  [PilotReviewFragment],
);

export const PilotsQuery = graphql(`
  query Pilots($communityId: ID) {
    pilots(communityId: $communityId) {
      id
      title
      status
      contentLanguage
      targetGroups
      organization {
        id
        name
        cityName
      }
      community {
        id
        name
        theme
      }
      reviews {
        id
        startsOn
        endsOn
        status
      }
    }
    communities {
      id
      name
    }
  }
`);

export const PilotQuery = graphql(
  `
    query Pilot($id: ID!) {
      pilot(id: $id) {
        ...PilotDetails
      }
    }
  `,
  [PilotDetailsFragment],
);

export const MyPilotQuery = graphql(`
  query MyPilot {
    myPilot {
      id
    }
  }
`);

/** The indicators of the pilot's community framework (newest version), for "which benchmark gaps does the pilot address". */
export const CommunityIndicatorsQuery = graphql(`
  query CommunityIndicators($communityId: ID!) {
    benchmarkFramework(communityId: $communityId) {
      id
      title
      version
      dimensions {
        id
        code
        title
        indicators {
          id
          code
          title
        }
      }
    }
  }
`);

export const UpdatePilotPlanMutation = graphql(
  `
    mutation UpdatePilotPlan($input: UpdatePilotPlanInput!) {
      updatePilotPlan(input: $input) {
        __typename
        ... on MutationUpdatePilotPlanSuccess {
          data {
            ...PilotDetails
          }
        }
        ...PilotIssues
        ... on NotFoundError {
          message
        }
      }
    }
  `,
  [PilotDetailsFragment, PilotIssues],
);

export const ChangePilotStatusMutation = graphql(`
  mutation ChangePilotStatus($input: ChangePilotStatusInput!) {
    changePilotStatus(input: $input) {
      __typename
      ... on MutationChangePilotStatusSuccess {
        data {
          id
          status
        }
      }
      ... on ConflictError {
        code
        message
      }
      ... on NotFoundError {
        message
      }
    }
  }
`);
