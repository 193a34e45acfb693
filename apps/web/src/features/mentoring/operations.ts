import { graphql } from "../../app/graphql.ts";

const Issues = graphql(`
  fragment MentoringIssues on InputError {
    issues {
      path
      code
      message
    }
  }
`);

export const SupportPlanFields = graphql(`
  fragment SupportPlanFields on SupportPlan {
    id
    goals
    updatedAt
    surveySubmittedAt
    actions {
      id
      title
      owner
      dueDate
      status
    }
    sessions {
      id
      date
      format
      notes
      followUps
    }
    outcomeSurvey {
      goalsAchieved
      mentorSupport
      peerExchange
      wouldRecommend
      whatChanged
      suggestions
    }
  }
`);

export const MentoringAssignmentsQuery = graphql(`
  query MentoringAssignments {
    mentoringAssignments {
      id
      status
      startedAt
      callTitle
      mentor {
        id
        name
      }
      menteeCity {
        id
        name
        cityName
        country
      }
      theme {
        id
        name
      }
    }
  }
`);

export const MentorLoadsQuery = graphql(`
  query MentorLoads {
    mentorLoads {
      activeAssignments
      completedAssignments
      mentor {
        id
        name
        organization {
          id
          name
        }
      }
    }
  }
`);

export const MentoringAssignmentQuery = graphql(
  `
    query MentoringAssignment($id: ID!) {
      mentoringAssignment(id: $id) {
        id
        status
        startedAt
        endedAt
        callTitle
        needs
        currentSituation
        menteeLanguages
        viewerCanEditPlan
        viewerCanSubmitSurvey
        mentor {
          id
          name
        }
        menteeCity {
          id
          name
          cityName
          country
        }
        theme {
          id
          name
        }
        plan {
          ...SupportPlanFields
        }
      }
    }
  `,
  [SupportPlanFields],
);

/** The selected application a mentor is chosen for, with the suggestions (project team). */
export const SuggestMentorsQuery = graphql(`
  query SuggestMentors($applicationId: ID!) {
    node(id: $applicationId) {
      ... on CallApplication {
        id
        status
        workingLanguages
        needs
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
        call {
          id
          title
          resultsPublishedAt
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
    suggestMentors(applicationId: $applicationId) {
      themeMatch
      sharedLanguages
      activeAssignments
      mentor {
        id
        name
        organization {
          id
          name
        }
      }
      reasons {
        code
        value
      }
    }
  }
`);

export const AssignMentorMutation = graphql(
  `
    mutation AssignMentor($input: AssignMentorInput!) {
      assignMentor(input: $input) {
        __typename
        ... on MutationAssignMentorSuccess {
          data {
            id
          }
        }
        ...MentoringIssues
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

export const UpdateSupportPlanGoalsMutation = graphql(
  `
    mutation UpdateSupportPlanGoals($input: UpdateSupportPlanGoalsInput!) {
      updateSupportPlanGoals(input: $input) {
        __typename
        ... on MutationUpdateSupportPlanGoalsSuccess {
          data {
            ...SupportPlanFields
          }
        }
        ...MentoringIssues
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
  [SupportPlanFields, Issues],
);

export const SaveSupportActionMutation = graphql(
  `
    mutation SaveSupportAction($input: SaveSupportActionInput!) {
      saveSupportAction(input: $input) {
        __typename
        ... on MutationSaveSupportActionSuccess {
          data {
            ...SupportPlanFields
          }
        }
        ...MentoringIssues
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
  [SupportPlanFields, Issues],
);

export const DeleteSupportActionMutation = graphql(
  `
    mutation DeleteSupportAction($input: DeleteSupportActionInput!) {
      deleteSupportAction(input: $input) {
        __typename
        ... on MutationDeleteSupportActionSuccess {
          data {
            ...SupportPlanFields
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
  [SupportPlanFields],
);

export const SaveMentoringSessionMutation = graphql(
  `
    mutation SaveMentoringSession($input: SaveMentoringSessionInput!) {
      saveMentoringSession(input: $input) {
        __typename
        ... on MutationSaveMentoringSessionSuccess {
          data {
            ...SupportPlanFields
          }
        }
        ...MentoringIssues
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
  [SupportPlanFields, Issues],
);

export const DeleteMentoringSessionMutation = graphql(
  `
    mutation DeleteMentoringSession($input: DeleteMentoringSessionInput!) {
      deleteMentoringSession(input: $input) {
        __typename
        ... on MutationDeleteMentoringSessionSuccess {
          data {
            ...SupportPlanFields
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
  [SupportPlanFields],
);

export const SubmitOutcomeSurveyMutation = graphql(
  `
    mutation SubmitOutcomeSurvey($input: SubmitOutcomeSurveyInput!) {
      submitOutcomeSurvey(input: $input) {
        __typename
        ... on MutationSubmitOutcomeSurveySuccess {
          data {
            id
            status
            viewerCanEditPlan
            viewerCanSubmitSurvey
            plan {
              ...SupportPlanFields
            }
          }
        }
        ...MentoringIssues
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
  [SupportPlanFields, Issues],
);
