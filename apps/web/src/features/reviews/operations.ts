import { graphql } from "../../app/graphql.ts";

const ReviewIssues = graphql(`
  fragment ReviewIssues on InputError {
    issues {
      path
      code
      message
    }
  }
`);

/** One line of the calendar and of "My reviews". */
const ReviewListItemFragment = graphql(`
  fragment ReviewListItem on PeerReview {
    id
    mode
    startsOn
    endsOn
    status
    viewerIsReviewer
    viewerHasSubmittedScores
    pilot {
      id
      title
      contentLanguage
      organization {
        id
        name
        cityName
      }
      community {
        id
        name
      }
    }
    assignments {
      hasSubmittedScores
      reviewer {
        id
        name
      }
    }
    steps {
      id
      kind
      dueDate
      completedAt
    }
  }
`);

const RecommendationFragment = graphql(`
  fragment ReviewRecommendationItem on ReviewRecommendation {
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
`);

/** The review page: details, rubric, the viewer's own scores, and everyone's once the independence rule allows. */
export const ReviewDetailsFragment = graphql(
  `
    fragment ReviewDetails on PeerReview {
      id
      mode
      startsOn
      endsOn
      agenda
      status
      reportSummary
      reportPublishedAt
      viewerIsReviewer
      viewerHasSubmittedScores
      viewerCanSeeAllScores
      pilot {
        id
        title
        status
        contentLanguage
        viewerCanEdit
        organization {
          id
          name
          cityName
        }
        community {
          id
          name
        }
        indicators {
          id
          code
          title
          levels {
            level
            descriptor
          }
        }
      }
      assignments {
        hasSubmittedScores
        scoresSubmittedAt
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
      steps {
        id
        kind
        dueDate
        completedAt
      }
      criteria {
        id
        code
        title
        descriptors
      }
      recommendations {
        ...ReviewRecommendationItem
      }
      myScores {
        id
        criterionId
        score
        comment
      }
      myIndicatorViews {
        indicatorId
        level
        comment
      }
      scores {
        id
        criterionId
        score
        comment
        reviewer {
          id
          name
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
      indicatorComparison {
        indicatorId
        code
        title
        selfLevel
        peerLevels
        peerMean
      }
    }
  `,
  [RecommendationFragment],
);

export const ReviewsQuery = graphql(
  `
    query Reviews($from: Date, $to: Date, $status: ReviewStatus) {
      reviews(from: $from, to: $to, status: $status) {
        ...ReviewListItem
      }
    }
  `,
  [ReviewListItemFragment],
);

export const MyReviewsQuery = graphql(
  `
    query MyReviews {
      myReviews {
        ...ReviewListItem
      }
    }
  `,
  [ReviewListItemFragment],
);

export const ReviewQuery = graphql(
  `
    query Review($id: ID!) {
      review(id: $id) {
        ...ReviewDetails
      }
    }
  `,
  [ReviewDetailsFragment],
);

/** Pilots and communities for the scheduling forms. */
export const ScheduleOptionsQuery = graphql(`
  query ScheduleOptions {
    pilots {
      id
      title
      organization {
        id
        name
        cityName
      }
      community {
        id
        name
      }
    }
    communities {
      id
      name
    }
  }
`);

export const SuggestReviewersQuery = graphql(
  `
    query SuggestReviewers($pilotId: ID!, $startsOn: Date!, $endsOn: Date!) {
      suggestReviewers(pilotId: $pilotId, startsOn: $startsOn, endsOn: $endsOn) {
        __typename
        ... on QuerySuggestReviewersSuccess {
          data {
            rank
            reviewer {
              id
              name
              organization {
                id
                name
                cityName
              }
            }
            reasons {
              code
              value
            }
          }
        }
        ...ReviewIssues
      }
    }
  `,
  [ReviewIssues],
);

export const ProposeReviewAssignmentQuery = graphql(
  `
    query ProposeReviewAssignment($communityId: ID!, $reviewersPerPilot: Int) {
      proposeReviewAssignment(communityId: $communityId, reviewersPerPilot: $reviewersPerPilot) {
        __typename
        ... on QueryProposeReviewAssignmentSuccess {
          data {
            pilotId
            title
            cityName
            missing
            reviewers {
              reviewerId
              name
              reasons {
                code
                value
              }
            }
          }
        }
        ...ReviewIssues
      }
    }
  `,
  [ReviewIssues],
);

export const ScheduleReviewMutation = graphql(
  `
    mutation ScheduleReview($input: ScheduleReviewInput!) {
      scheduleReview(input: $input) {
        __typename
        ... on MutationScheduleReviewSuccess {
          data {
            ...ReviewListItem
          }
        }
        ...ReviewIssues
        ... on NotFoundError {
          message
        }
      }
    }
  `,
  [ReviewListItemFragment, ReviewIssues],
);

export const RescheduleReviewMutation = graphql(
  `
    mutation RescheduleReview($input: RescheduleReviewInput!) {
      rescheduleReview(input: $input) {
        __typename
        ... on MutationRescheduleReviewSuccess {
          data {
            ...ReviewDetails
          }
        }
        ...ReviewIssues
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
  [ReviewDetailsFragment, ReviewIssues],
);

export const SetReviewReviewersMutation = graphql(
  `
    mutation SetReviewReviewers($input: SetReviewersInput!) {
      setReviewReviewers(input: $input) {
        __typename
        ... on MutationSetReviewReviewersSuccess {
          data {
            ...ReviewDetails
          }
        }
        ...ReviewIssues
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
  [ReviewDetailsFragment, ReviewIssues],
);

export const CancelReviewMutation = graphql(
  `
    mutation CancelReview($input: ReviewIdInput!) {
      cancelReview(input: $input) {
        __typename
        ... on MutationCancelReviewSuccess {
          data {
            ...ReviewDetails
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
  [ReviewDetailsFragment],
);

export const UpdateReviewRubricMutation = graphql(
  `
    mutation UpdateReviewRubric($input: UpdateReviewRubricInput!) {
      updateReviewRubric(input: $input) {
        __typename
        ... on MutationUpdateReviewRubricSuccess {
          data {
            ...ReviewDetails
          }
        }
        ...ReviewIssues
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
  [ReviewDetailsFragment, ReviewIssues],
);

export const SaveReviewScoresMutation = graphql(
  `
    mutation SaveReviewScores($input: SaveReviewScoresInput!) {
      saveReviewScores(input: $input) {
        __typename
        ... on MutationSaveReviewScoresSuccess {
          data {
            ...ReviewDetails
          }
        }
        ...ReviewIssues
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
  [ReviewDetailsFragment, ReviewIssues],
);

export const AddRecommendationMutation = graphql(
  `
    mutation AddRecommendation($input: AddRecommendationInput!) {
      addRecommendation(input: $input) {
        __typename
        ... on MutationAddRecommendationSuccess {
          data {
            ...ReviewRecommendationItem
            review {
              id
              recommendations {
                ...ReviewRecommendationItem
              }
            }
          }
        }
        ...ReviewIssues
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
  [RecommendationFragment, ReviewIssues],
);

export const AnswerRecommendationMutation = graphql(
  `
    mutation AnswerRecommendation($input: AnswerRecommendationInput!) {
      answerRecommendation(input: $input) {
        __typename
        ... on MutationAnswerRecommendationSuccess {
          data {
            ...ReviewRecommendationItem
          }
        }
        ...ReviewIssues
      }
    }
  `,
  [RecommendationFragment, ReviewIssues],
);

export const CloseReviewMutation = graphql(
  `
    mutation CloseReview($input: CloseReviewInput!) {
      closeReview(input: $input) {
        __typename
        ... on MutationCloseReviewSuccess {
          data {
            ...ReviewDetails
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
  [ReviewDetailsFragment],
);

export const RotateCalendarFeedMutation = graphql(`
  mutation RotateCalendarFeed {
    rotateCalendarFeed
  }
`);

export const RevokeCalendarFeedMutation = graphql(`
  mutation RevokeCalendarFeed {
    revokeCalendarFeed
  }
`);
