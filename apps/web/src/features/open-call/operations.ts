import { graphql } from "../../app/graphql.ts";

const Issues = graphql(`
  fragment OpenCallIssues on InputError {
    issues {
      path
      code
      message
    }
  }
`);

/** What anyone may read of a published call (no counts: those are the project team's). */
export const PublicCallFields = graphql(`
  fragment PublicCallFields on OpenCall {
    id
    title
    description
    eligibility
    deadline
    places
    status
    isOpen
    publishedAt
    resultsPublishedAt
    viewerCanManage
    themes {
      communityId
      name
      theme
    }
    criteria {
      id
      title
      description
      weight
    }
  }
`);

/** Public: published calls (the project team also sees drafts). */
export const OpenCallsQuery = graphql(`
  query OpenCalls {
    openCalls {
      id
      title
      deadline
      places
      status
      isOpen
      viewerCanManage
      themes {
        communityId
        name
      }
    }
  }
`);

/** Public: one call; null for a draft unless the viewer is in the project team. */
export const OpenCallQuery = graphql(
  `
    query OpenCall($id: ID!) {
      openCall(id: $id) {
        ...PublicCallFields
      }
    }
  `,
  [PublicCallFields],
);

/** The project team's view of a call: how many applied, how many are selected. */
export const OpenCallCountsQuery = graphql(`
  query OpenCallCounts($id: ID!) {
    openCall(id: $id) {
      id
      applicationCount
      selectedCount
    }
  }
`);

/** The themes a call can have: the communities of practice. */
export const CallCommunitiesQuery = graphql(`
  query CallCommunities {
    communities {
      id
      name
    }
  }
`);

export const CreateOpenCallMutation = graphql(
  `
    mutation CreateOpenCall($input: CreateOpenCallInput!) {
      createOpenCall(input: $input) {
        __typename
        ... on MutationCreateOpenCallSuccess {
          data {
            ...PublicCallFields
          }
        }
        ...OpenCallIssues
      }
    }
  `,
  [PublicCallFields, Issues],
);

export const UpdateOpenCallMutation = graphql(
  `
    mutation UpdateOpenCall($input: UpdateOpenCallInput!) {
      updateOpenCall(input: $input) {
        __typename
        ... on MutationUpdateOpenCallSuccess {
          data {
            ...PublicCallFields
          }
        }
        ...OpenCallIssues
        ... on ConflictError {
          code
          message
        }
      }
    }
  `,
  [PublicCallFields, Issues],
);

export const PublishOpenCallMutation = graphql(
  `
    mutation PublishOpenCall($input: OpenCallIdInput!) {
      publishOpenCall(input: $input) {
        __typename
        ... on MutationPublishOpenCallSuccess {
          data {
            ...PublicCallFields
          }
        }
        ... on ConflictError {
          code
          message
        }
      }
    }
  `,
  [PublicCallFields],
);

/** Public: an outside city applies without an account. */
export const ApplyToOpenCallMutation = graphql(
  `
    mutation ApplyToOpenCall($input: ApplyToOpenCallInput!) {
      applyToOpenCall(input: $input) {
        __typename
        ... on MutationApplyToOpenCallSuccess {
          data {
            callTitle
            cityName
            contactEmail
            submittedAt
            activationEmailSent
          }
        }
        ... on ApplicationRefusedError {
          code
          message
          retryAfterSeconds
        }
        ...OpenCallIssues
      }
    }
  `,
  [Issues],
);

/** The ranking with everything the evaluator needs per application: own scores, decision, mentoring. */
export const CallRankingQuery = graphql(
  `
    query CallRanking($callId: ID!) {
      openCall(id: $callId) {
        ...PublicCallFields
        applicationCount
        selectedCount
      }
      callRanking(callId: $callId) {
        rank
        weightedScore
        evaluatorCount
        isScoreHidden
        application {
          id
          submittedAt
          status
          hasSubmittedOwnScore
          currentSituation
          needs
          motivation
          workingLanguages
          city {
            id
            name
            cityName
            country
          }
          theme {
            id
            name
          }
          scores {
            id
            score
            comment
            isMine
            criterion {
              id
            }
            evaluator {
              id
              name
            }
          }
          mentoring {
            id
            mentor {
              id
              name
            }
          }
        }
      }
    }
  `,
  [PublicCallFields],
);

export const ScoreApplicationMutation = graphql(
  `
    mutation ScoreApplication($input: ScoreApplicationInput!) {
      scoreApplication(input: $input) {
        __typename
        ...OpenCallIssues
        ... on ConflictError {
          code
          message
        }
        ... on NotFoundError {
          message
        }
      }
    }
  `,
  [Issues],
);

export const DecideApplicationMutation = graphql(
  `
    mutation DecideApplication($input: DecideApplicationInput!) {
      decideApplication(input: $input) {
        __typename
        ... on MutationDecideApplicationSuccess {
          data {
            id
            status
          }
        }
        ...OpenCallIssues
        ... on ConflictError {
          code
          message
        }
        ... on NotFoundError {
          message
        }
      }
    }
  `,
  [Issues],
);

export const PublishCallResultsMutation = graphql(
  `
    mutation PublishCallResults($input: OpenCallIdInput!) {
      publishCallResults(input: $input) {
        __typename
        ... on MutationPublishCallResultsSuccess {
          data {
            ...PublicCallFields
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
  `,
  [PublicCallFields],
);

/** The viewer's city's applications and, once published, their results. */
export const MyCallApplicationsQuery = graphql(`
  query MyCallApplications {
    myCallApplications {
      id
      submittedAt
      outcome
      workingLanguages
      city {
        id
        name
        cityName
      }
      theme {
        id
        name
      }
      call {
        id
        title
        deadline
        status
        resultsPublishedAt
      }
    }
  }
`);
