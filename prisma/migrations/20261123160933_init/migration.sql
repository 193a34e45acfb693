-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "RoundKind" AS ENUM ('BASELINE', 'MID_TERM', 'FINAL', 'OTHER');

-- CreateEnum
CREATE TYPE "SubmissionStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'VALIDATED', 'RETURNED');

-- CreateEnum
CREATE TYPE "CommunityTheme" AS ENUM ('LABOUR_MARKET', 'HOUSING', 'ONE_STOP_SHOPS', 'OTHER');

-- CreateEnum
CREATE TYPE "MembershipStatus" AS ENUM ('REQUESTED', 'ACTIVE', 'DECLINED');

-- CreateEnum
CREATE TYPE "SessionKind" AS ENUM ('MEETING', 'TRAINING');

-- CreateEnum
CREATE TYPE "CrossCuttingTopic" AS ENUM ('NEWCOMER_DATA', 'WOMEN_CENTRED_POLICIES', 'EMERGENCY_TO_STRATEGY');

-- CreateEnum
CREATE TYPE "AttendanceStatus" AS ENUM ('REGISTERED', 'ATTENDED', 'EXCUSED');

-- CreateEnum
CREATE TYPE "ResourceType" AS ENUM ('GUIDELINE', 'REPORT', 'PRESENTATION', 'TOOLKIT', 'DATASET', 'OTHER');

-- CreateEnum
CREATE TYPE "BudgetStatus" AS ENUM ('NOT_PROPOSED', 'PROPOSED', 'APPROVED');

-- CreateEnum
CREATE TYPE "CostCategory" AS ENUM ('STAFF', 'TRAVEL_SUBSISTENCE', 'EQUIPMENT', 'EXTERNAL_SERVICES', 'CO_DESIGN_PARTICIPATION', 'OTHER');

-- CreateEnum
CREATE TYPE "TrancheKind" AS ENUM ('PRE_FINANCING', 'INTERIM', 'FINAL_BALANCE');

-- CreateEnum
CREATE TYPE "TrancheStatus" AS ENUM ('PLANNED', 'REQUESTED', 'APPROVED', 'PAID');

-- CreateEnum
CREATE TYPE "ExpenseStatus" AS ENUM ('DECLARED', 'APPROVED', 'REJECTED');

-- CreateEnum
CREATE TYPE "ReportKind" AS ENUM ('INTERIM_REPORT', 'FINAL_REPORT');

-- CreateEnum
CREATE TYPE "OrganizationKind" AS ENUM ('PARTNER_CITY', 'PARTNER_NETWORK', 'OUTSIDE_CITY');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'PROJECT_MANAGER', 'CITY_OFFICER', 'PEER_REVIEWER', 'MENTOR');

-- CreateEnum
CREATE TYPE "TokenPurpose" AS ENUM ('INVITATION', 'PASSWORD_RESET', 'CALENDAR_FEED');

-- CreateEnum
CREATE TYPE "CallStatus" AS ENUM ('DRAFT', 'PUBLISHED', 'CLOSED', 'RESULTS_PUBLISHED');

-- CreateEnum
CREATE TYPE "ApplicationStatus" AS ENUM ('SUBMITTED', 'SELECTED', 'REJECTED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "MentoringStatus" AS ENUM ('ACTIVE', 'COMPLETED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "ActionStatus" AS ENUM ('OPEN', 'IN_PROGRESS', 'DONE', 'CANCELLED');

-- CreateEnum
CREATE TYPE "MentoringFormat" AS ENUM ('ON_SITE', 'ONLINE', 'PHONE');

-- CreateEnum
CREATE TYPE "PilotStatus" AS ENUM ('DRAFT', 'PLANNED', 'IN_IMPLEMENTATION', 'COMPLETED');

-- CreateEnum
CREATE TYPE "TargetGroup" AS ENUM ('REFUGEES', 'ASYLUM_SEEKERS', 'BENEFICIARIES_OF_TEMPORARY_PROTECTION', 'EU_MOBILE_CITIZENS', 'THIRD_COUNTRY_NATIONALS', 'WOMEN', 'YOUNG_PEOPLE', 'UNACCOMPANIED_MINORS', 'FAMILIES', 'OLDER_PEOPLE', 'OTHER');

-- CreateEnum
CREATE TYPE "CoDesignFormat" AS ENUM ('WORKSHOP', 'FOCUS_GROUP', 'INTERVIEWS', 'SURVEY', 'ONLINE_CONSULTATION', 'ADVISORY_BOARD', 'OTHER');

-- CreateEnum
CREATE TYPE "MilestoneStatus" AS ENUM ('PLANNED', 'IN_PROGRESS', 'DONE', 'CANCELLED');

-- CreateEnum
CREATE TYPE "EmailMode" AS ENUM ('IMMEDIATE', 'DAILY_DIGEST', 'NONE');

-- CreateEnum
CREATE TYPE "EmailStatus" AS ENUM ('PENDING', 'SENT', 'FAILED', 'LOGGED');

-- CreateEnum
CREATE TYPE "PracticeStatus" AS ENUM ('DRAFT', 'PUBLISHED');

-- CreateEnum
CREATE TYPE "FieldOfIntervention" AS ENUM ('LABOUR_MARKET', 'SCHOOLING', 'LANGUAGE', 'HEALTH', 'HOUSING', 'CULTURE_AND_SPORT', 'COUNSELLING', 'SOCIAL_SERVICES', 'OTHER');

-- CreateEnum
CREATE TYPE "ReviewMode" AS ENUM ('ON_SITE', 'ONLINE');

-- CreateEnum
CREATE TYPE "ReviewStatus" AS ENUM ('SCHEDULED', 'IN_PROGRESS', 'CLOSED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "ReviewStepKind" AS ENUM ('SELF_REPORT', 'DESK_REVIEW', 'VISIT', 'FEEDBACK_SESSION', 'REPORT');

-- CreateEnum
CREATE TYPE "RecommendationPriority" AS ENUM ('HIGH', 'MEDIUM', 'LOW');

-- CreateEnum
CREATE TYPE "RecommendationResponse" AS ENUM ('ACCEPTED', 'IN_PROGRESS', 'DONE', 'DECLINED');

-- CreateTable
CREATE TABLE "BenchmarkFramework" (
    "id" UUID NOT NULL,
    "communityId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BenchmarkFramework_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BenchmarkDimension" (
    "id" UUID NOT NULL,
    "frameworkId" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "position" INTEGER NOT NULL,

    CONSTRAINT "BenchmarkDimension_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BenchmarkIndicator" (
    "id" UUID NOT NULL,
    "frameworkId" UUID NOT NULL,
    "dimensionId" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "guidance" TEXT NOT NULL DEFAULT '',
    "weight" INTEGER NOT NULL DEFAULT 1,
    "position" INTEGER NOT NULL,

    CONSTRAINT "BenchmarkIndicator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IndicatorLevel" (
    "indicatorId" UUID NOT NULL,
    "level" INTEGER NOT NULL,
    "descriptor" TEXT NOT NULL,

    CONSTRAINT "IndicatorLevel_pkey" PRIMARY KEY ("indicatorId","level")
);

-- CreateTable
CREATE TABLE "BenchmarkRound" (
    "id" UUID NOT NULL,
    "communityId" UUID NOT NULL,
    "frameworkId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "RoundKind" NOT NULL,
    "opensAt" TIMESTAMP(3) NOT NULL,
    "closesAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BenchmarkRound_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoundDeadlineExtension" (
    "roundId" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "closesAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RoundDeadlineExtension_pkey" PRIMARY KEY ("roundId","organizationId")
);

-- CreateTable
CREATE TABLE "BenchmarkSubmission" (
    "id" UUID NOT NULL,
    "roundId" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "frameworkId" UUID NOT NULL,
    "status" "SubmissionStatus" NOT NULL DEFAULT 'DRAFT',
    "comment" TEXT NOT NULL DEFAULT '',
    "revision" INTEGER NOT NULL DEFAULT 0,
    "submittedAt" TIMESTAMP(3),
    "validatedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BenchmarkSubmission_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IndicatorScore" (
    "id" UUID NOT NULL,
    "submissionId" UUID NOT NULL,
    "indicatorId" UUID NOT NULL,
    "level" INTEGER,
    "evidenceText" TEXT NOT NULL DEFAULT '',
    "evidenceLinks" TEXT[],
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IndicatorScore_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ScoreEvidence" (
    "scoreId" UUID NOT NULL,
    "attachmentId" UUID NOT NULL,

    CONSTRAINT "ScoreEvidence_pkey" PRIMARY KEY ("scoreId","attachmentId")
);

-- CreateTable
CREATE TABLE "SubmissionEvent" (
    "id" UUID NOT NULL,
    "submissionId" UUID NOT NULL,
    "fromStatus" "SubmissionStatus",
    "toStatus" "SubmissionStatus" NOT NULL,
    "actorId" UUID,
    "comment" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SubmissionEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Community" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "theme" "CommunityTheme" NOT NULL,
    "description" TEXT NOT NULL,
    "leadCityId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Community_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CommunityMember" (
    "communityId" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "status" "MembershipStatus" NOT NULL DEFAULT 'ACTIVE',
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "joinedAt" TIMESTAMP(3),

    CONSTRAINT "CommunityMember_pkey" PRIMARY KEY ("communityId","organizationId")
);

-- CreateTable
CREATE TABLE "CommunityCoordinator" (
    "communityId" UUID NOT NULL,
    "userId" UUID NOT NULL,

    CONSTRAINT "CommunityCoordinator_pkey" PRIMARY KEY ("communityId","userId")
);

-- CreateTable
CREATE TABLE "CommunitySession" (
    "id" UUID NOT NULL,
    "communityId" UUID,
    "kind" "SessionKind" NOT NULL,
    "topic" "CrossCuttingTopic",
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "location" TEXT,
    "onlineUrl" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CommunitySession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SessionAttendance" (
    "sessionId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "status" "AttendanceStatus" NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SessionAttendance_pkey" PRIMARY KEY ("sessionId","userId")
);

-- CreateTable
CREATE TABLE "CommunityResource" (
    "id" UUID NOT NULL,
    "communityId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "type" "ResourceType" NOT NULL,
    "language" TEXT NOT NULL,
    "url" TEXT,
    "attachmentId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CommunityResource_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Grant" (
    "id" UUID NOT NULL,
    "pilotId" UUID NOT NULL,
    "capCents" INTEGER NOT NULL DEFAULT 3000000,
    "budgetStatus" "BudgetStatus" NOT NULL DEFAULT 'NOT_PROPOSED',
    "budgetApprovedAt" TIMESTAMP(3),
    "budgetTotalCents" INTEGER NOT NULL DEFAULT 0,
    "committedCents" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Grant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BudgetLine" (
    "id" UUID NOT NULL,
    "grantId" UUID NOT NULL,
    "category" "CostCategory" NOT NULL,
    "plannedCents" INTEGER NOT NULL,
    "approvedCents" INTEGER,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BudgetLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Tranche" (
    "id" UUID NOT NULL,
    "grantId" UUID NOT NULL,
    "kind" "TrancheKind" NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "plannedDate" DATE NOT NULL,
    "status" "TrancheStatus" NOT NULL DEFAULT 'PLANNED',
    "requestedAt" TIMESTAMP(3),
    "approvedAt" TIMESTAMP(3),
    "paidAt" TIMESTAMP(3),

    CONSTRAINT "Tranche_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Expense" (
    "id" UUID NOT NULL,
    "grantId" UUID NOT NULL,
    "category" "CostCategory" NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "spentOn" DATE NOT NULL,
    "description" TEXT NOT NULL,
    "supplier" TEXT NOT NULL,
    "receiptAttachmentId" UUID,
    "status" "ExpenseStatus" NOT NULL DEFAULT 'DECLARED',
    "rejectionReason" TEXT,
    "declaredById" UUID NOT NULL,
    "decidedById" UUID,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Expense_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportingDeadline" (
    "id" UUID NOT NULL,
    "grantId" UUID NOT NULL,
    "kind" "ReportKind" NOT NULL,
    "dueDate" DATE NOT NULL,
    "submittedAt" TIMESTAMP(3),
    "acceptedAt" TIMESTAMP(3),
    "reminderSentAt" TIMESTAMP(3),
    "documentAttachmentId" UUID,

    CONSTRAINT "ReportingDeadline_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Organization" (
    "id" UUID NOT NULL,
    "kind" "OrganizationKind" NOT NULL,
    "name" TEXT NOT NULL,
    "cityName" TEXT,
    "slug" TEXT NOT NULL,
    "country" CHAR(2) NOT NULL,
    "languages" TEXT[],
    "website" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Organization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT,
    "roles" "Role"[],
    "locale" TEXT NOT NULL DEFAULT 'en',
    "workingLanguages" TEXT[],
    "organizationId" UUID,
    "deactivatedAt" TIMESTAMP(3),
    "lastSignInAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "userId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "ipAddress" TEXT,
    "userAgent" TEXT,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UserToken" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "purpose" "TokenPurpose" NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3),
    "usedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UserToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SignInThrottle" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "lastFailedAt" TIMESTAMP(3) NOT NULL,
    "blockedUntil" TIMESTAMP(3),

    CONSTRAINT "SignInThrottle_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "IdempotencyKey" (
    "actorId" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "operation" TEXT NOT NULL,
    "resultJson" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IdempotencyKey_pkey" PRIMARY KEY ("actorId","key")
);

-- CreateTable
CREATE TABLE "OpenCall" (
    "id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "eligibility" TEXT NOT NULL,
    "deadline" TIMESTAMP(3) NOT NULL,
    "places" INTEGER NOT NULL,
    "status" "CallStatus" NOT NULL DEFAULT 'DRAFT',
    "publishedAt" TIMESTAMP(3),
    "resultsPublishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OpenCall_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CallTheme" (
    "callId" UUID NOT NULL,
    "communityId" UUID NOT NULL,

    CONSTRAINT "CallTheme_pkey" PRIMARY KEY ("callId","communityId")
);

-- CreateTable
CREATE TABLE "CallCriterion" (
    "id" UUID NOT NULL,
    "callId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "weight" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "CallCriterion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CallApplication" (
    "id" UUID NOT NULL,
    "callId" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "contactUserId" UUID NOT NULL,
    "communityId" UUID NOT NULL,
    "currentSituation" TEXT NOT NULL,
    "needs" TEXT NOT NULL,
    "motivation" TEXT NOT NULL,
    "workingLanguages" TEXT[],
    "status" "ApplicationStatus" NOT NULL DEFAULT 'SUBMITTED',
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMP(3),

    CONSTRAINT "CallApplication_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApplicationScore" (
    "id" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "criterionId" UUID NOT NULL,
    "evaluatorId" UUID NOT NULL,
    "score" INTEGER NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ApplicationScore_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MentorTheme" (
    "userId" UUID NOT NULL,
    "communityId" UUID NOT NULL,

    CONSTRAINT "MentorTheme_pkey" PRIMARY KEY ("userId","communityId")
);

-- CreateTable
CREATE TABLE "MentoringAssignment" (
    "id" UUID NOT NULL,
    "applicationId" UUID,
    "menteeOrganizationId" UUID NOT NULL,
    "mentorId" UUID NOT NULL,
    "status" "MentoringStatus" NOT NULL DEFAULT 'ACTIVE',
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" TIMESTAMP(3),

    CONSTRAINT "MentoringAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupportPlan" (
    "id" UUID NOT NULL,
    "assignmentId" UUID NOT NULL,
    "goals" TEXT NOT NULL DEFAULT '',
    "outcomeSurvey" JSONB,
    "surveySubmittedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SupportPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupportAction" (
    "id" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "dueDate" DATE,
    "status" "ActionStatus" NOT NULL DEFAULT 'OPEN',

    CONSTRAINT "SupportAction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MentoringSession" (
    "id" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "date" TIMESTAMP(3) NOT NULL,
    "format" "MentoringFormat" NOT NULL,
    "notes" TEXT NOT NULL DEFAULT '',
    "followUps" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "MentoringSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Pilot" (
    "id" UUID NOT NULL,
    "organizationId" UUID NOT NULL,
    "communityId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "problemStatement" TEXT NOT NULL DEFAULT '',
    "plannedActivities" TEXT NOT NULL DEFAULT '',
    "targetGroups" "TargetGroup"[],
    "contentLanguage" TEXT NOT NULL DEFAULT 'en',
    "status" "PilotStatus" NOT NULL DEFAULT 'DRAFT',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Pilot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PilotObjective" (
    "id" UUID NOT NULL,
    "pilotId" UUID NOT NULL,
    "text" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "answersRecommendationId" UUID,

    CONSTRAINT "PilotObjective_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PilotIndicator" (
    "pilotId" UUID NOT NULL,
    "indicatorId" UUID NOT NULL,

    CONSTRAINT "PilotIndicator_pkey" PRIMARY KEY ("pilotId","indicatorId")
);

-- CreateTable
CREATE TABLE "CoDesignActivity" (
    "id" UUID NOT NULL,
    "pilotId" UUID NOT NULL,
    "date" DATE NOT NULL,
    "format" "CoDesignFormat" NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "participantCount" INTEGER NOT NULL,
    "migrantOrganisations" TEXT[],

    CONSTRAINT "CoDesignActivity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Milestone" (
    "id" UUID NOT NULL,
    "pilotId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "dueDate" DATE NOT NULL,
    "status" "MilestoneStatus" NOT NULL DEFAULT 'PLANNED',
    "completedAt" TIMESTAMP(3),

    CONSTRAINT "Milestone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Attachment" (
    "id" UUID NOT NULL,
    "sha256" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "uploadedById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Attachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "readAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NotificationPreference" (
    "userId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "email" "EmailMode" NOT NULL,

    CONSTRAINT "NotificationPreference_pkey" PRIMARY KEY ("userId","kind")
);

-- CreateTable
CREATE TABLE "EmailOutbox" (
    "id" UUID NOT NULL,
    "userId" UUID,
    "notificationId" UUID,
    "toAddress" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "mode" "EmailMode" NOT NULL DEFAULT 'IMMEDIATE',
    "locale" TEXT NOT NULL DEFAULT 'en',
    "subject" TEXT NOT NULL,
    "textBody" TEXT NOT NULL,
    "htmlBody" TEXT NOT NULL,
    "status" "EmailStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EmailOutbox_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "seq" BIGSERIAL NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" UUID,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "PracticeProfile" (
    "id" UUID NOT NULL,
    "status" "PracticeStatus" NOT NULL DEFAULT 'DRAFT',
    "organizationId" UUID,
    "communityId" UUID,
    "pilotId" UUID,
    "language" TEXT NOT NULL DEFAULT 'en',
    "networkName" TEXT NOT NULL,
    "yearFounded" INTEGER,
    "place" TEXT NOT NULL DEFAULT '',
    "country" CHAR(2) NOT NULL,
    "coordination" TEXT NOT NULL DEFAULT '',
    "cooperationAgreement" TEXT NOT NULL DEFAULT '',
    "members" TEXT NOT NULL DEFAULT '',
    "fieldsOfIntervention" "FieldOfIntervention"[],
    "targetGroups" "TargetGroup"[],
    "networkType" TEXT NOT NULL DEFAULT '',
    "description" TEXT NOT NULL DEFAULT '',
    "resources" TEXT NOT NULL DEFAULT '',
    "internalFacilitation" TEXT NOT NULL DEFAULT '',
    "externalCommunication" TEXT NOT NULL DEFAULT '',
    "successFactors" TEXT NOT NULL DEFAULT '',
    "challenges" TEXT NOT NULL DEFAULT '',
    "evaluation" TEXT NOT NULL DEFAULT '',
    "sustainability" TEXT NOT NULL DEFAULT '',
    "impact" TEXT NOT NULL DEFAULT '',
    "innovation" TEXT NOT NULL DEFAULT '',
    "transferability" TEXT NOT NULL DEFAULT '',
    "website" TEXT,
    "contact" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PracticeProfile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PeerReview" (
    "id" UUID NOT NULL,
    "pilotId" UUID NOT NULL,
    "mode" "ReviewMode" NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "agenda" TEXT NOT NULL DEFAULT '',
    "status" "ReviewStatus" NOT NULL DEFAULT 'SCHEDULED',
    "reportSummary" TEXT NOT NULL DEFAULT '',
    "reportPublishedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PeerReview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewAssignment" (
    "reviewId" UUID NOT NULL,
    "reviewerId" UUID NOT NULL,
    "scoresSubmittedAt" TIMESTAMP(3),
    "assignedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReviewAssignment_pkey" PRIMARY KEY ("reviewId","reviewerId")
);

-- CreateTable
CREATE TABLE "ReviewStep" (
    "id" UUID NOT NULL,
    "reviewId" UUID NOT NULL,
    "kind" "ReviewStepKind" NOT NULL,
    "dueDate" DATE NOT NULL,
    "completedAt" TIMESTAMP(3),

    CONSTRAINT "ReviewStep_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewCriterion" (
    "id" UUID NOT NULL,
    "reviewId" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "descriptors" TEXT[],
    "position" INTEGER NOT NULL,

    CONSTRAINT "ReviewCriterion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewScore" (
    "id" UUID NOT NULL,
    "reviewId" UUID NOT NULL,
    "criterionId" UUID NOT NULL,
    "reviewerId" UUID NOT NULL,
    "score" INTEGER NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReviewScore_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewIndicatorView" (
    "id" UUID NOT NULL,
    "reviewId" UUID NOT NULL,
    "reviewerId" UUID NOT NULL,
    "indicatorId" UUID NOT NULL,
    "level" INTEGER NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "ReviewIndicatorView_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReviewRecommendation" (
    "id" UUID NOT NULL,
    "reviewId" UUID NOT NULL,
    "text" TEXT NOT NULL,
    "priority" "RecommendationPriority" NOT NULL,
    "position" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReviewRecommendation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecommendationAnswer" (
    "recommendationId" UUID NOT NULL,
    "response" "RecommendationResponse" NOT NULL,
    "reason" TEXT,
    "answeredById" UUID NOT NULL,
    "answeredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RecommendationAnswer_pkey" PRIMARY KEY ("recommendationId")
);

-- CreateIndex
CREATE UNIQUE INDEX "BenchmarkFramework_communityId_version_key" ON "BenchmarkFramework"("communityId", "version");

-- CreateIndex
CREATE INDEX "BenchmarkDimension_frameworkId_position_idx" ON "BenchmarkDimension"("frameworkId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "BenchmarkDimension_frameworkId_code_key" ON "BenchmarkDimension"("frameworkId", "code");

-- CreateIndex
CREATE INDEX "BenchmarkIndicator_dimensionId_position_idx" ON "BenchmarkIndicator"("dimensionId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "BenchmarkIndicator_frameworkId_code_key" ON "BenchmarkIndicator"("frameworkId", "code");

-- CreateIndex
CREATE INDEX "BenchmarkRound_communityId_opensAt_idx" ON "BenchmarkRound"("communityId", "opensAt");

-- CreateIndex
CREATE INDEX "BenchmarkRound_frameworkId_idx" ON "BenchmarkRound"("frameworkId");

-- CreateIndex
CREATE INDEX "BenchmarkSubmission_organizationId_idx" ON "BenchmarkSubmission"("organizationId");

-- CreateIndex
CREATE INDEX "BenchmarkSubmission_status_idx" ON "BenchmarkSubmission"("status");

-- CreateIndex
CREATE UNIQUE INDEX "BenchmarkSubmission_roundId_organizationId_key" ON "BenchmarkSubmission"("roundId", "organizationId");

-- CreateIndex
CREATE INDEX "IndicatorScore_indicatorId_idx" ON "IndicatorScore"("indicatorId");

-- CreateIndex
CREATE UNIQUE INDEX "IndicatorScore_submissionId_indicatorId_key" ON "IndicatorScore"("submissionId", "indicatorId");

-- CreateIndex
CREATE INDEX "ScoreEvidence_attachmentId_idx" ON "ScoreEvidence"("attachmentId");

-- CreateIndex
CREATE INDEX "SubmissionEvent_submissionId_createdAt_idx" ON "SubmissionEvent"("submissionId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Community_slug_key" ON "Community"("slug");

-- CreateIndex
CREATE INDEX "CommunityMember_organizationId_idx" ON "CommunityMember"("organizationId");

-- CreateIndex
CREATE INDEX "CommunityCoordinator_userId_idx" ON "CommunityCoordinator"("userId");

-- CreateIndex
CREATE INDEX "CommunitySession_communityId_startsAt_idx" ON "CommunitySession"("communityId", "startsAt");

-- CreateIndex
CREATE INDEX "CommunitySession_startsAt_idx" ON "CommunitySession"("startsAt");

-- CreateIndex
CREATE INDEX "SessionAttendance_userId_idx" ON "SessionAttendance"("userId");

-- CreateIndex
CREATE INDEX "CommunityResource_communityId_idx" ON "CommunityResource"("communityId");

-- CreateIndex
CREATE UNIQUE INDEX "Grant_pilotId_key" ON "Grant"("pilotId");

-- CreateIndex
CREATE UNIQUE INDEX "BudgetLine_grantId_category_key" ON "BudgetLine"("grantId", "category");

-- CreateIndex
CREATE UNIQUE INDEX "Tranche_grantId_kind_key" ON "Tranche"("grantId", "kind");

-- CreateIndex
CREATE INDEX "Expense_grantId_status_idx" ON "Expense"("grantId", "status");

-- CreateIndex
CREATE INDEX "Expense_grantId_spentOn_idx" ON "Expense"("grantId", "spentOn");

-- CreateIndex
CREATE INDEX "ReportingDeadline_dueDate_idx" ON "ReportingDeadline"("dueDate");

-- CreateIndex
CREATE UNIQUE INDEX "ReportingDeadline_grantId_kind_key" ON "ReportingDeadline"("grantId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "Organization_slug_key" ON "Organization"("slug");

-- CreateIndex
CREATE INDEX "Organization_kind_idx" ON "Organization"("kind");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_organizationId_idx" ON "User"("organizationId");

-- CreateIndex
CREATE INDEX "User_roles_idx" ON "User" USING GIN ("roles");

-- CreateIndex
CREATE UNIQUE INDEX "Session_tokenHash_key" ON "Session"("tokenHash");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "Session_expiresAt_idx" ON "Session"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "UserToken_tokenHash_key" ON "UserToken"("tokenHash");

-- CreateIndex
CREATE INDEX "UserToken_userId_purpose_idx" ON "UserToken"("userId", "purpose");

-- CreateIndex
CREATE INDEX "CallCriterion_callId_position_idx" ON "CallCriterion"("callId", "position");

-- CreateIndex
CREATE INDEX "CallApplication_callId_status_idx" ON "CallApplication"("callId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "CallApplication_callId_organizationId_key" ON "CallApplication"("callId", "organizationId");

-- CreateIndex
CREATE INDEX "ApplicationScore_evaluatorId_idx" ON "ApplicationScore"("evaluatorId");

-- CreateIndex
CREATE UNIQUE INDEX "ApplicationScore_applicationId_criterionId_evaluatorId_key" ON "ApplicationScore"("applicationId", "criterionId", "evaluatorId");

-- CreateIndex
CREATE INDEX "MentorTheme_communityId_idx" ON "MentorTheme"("communityId");

-- CreateIndex
CREATE UNIQUE INDEX "MentoringAssignment_applicationId_key" ON "MentoringAssignment"("applicationId");

-- CreateIndex
CREATE INDEX "MentoringAssignment_mentorId_status_idx" ON "MentoringAssignment"("mentorId", "status");

-- CreateIndex
CREATE INDEX "MentoringAssignment_menteeOrganizationId_idx" ON "MentoringAssignment"("menteeOrganizationId");

-- CreateIndex
CREATE UNIQUE INDEX "SupportPlan_assignmentId_key" ON "SupportPlan"("assignmentId");

-- CreateIndex
CREATE INDEX "SupportAction_planId_status_idx" ON "SupportAction"("planId", "status");

-- CreateIndex
CREATE INDEX "MentoringSession_planId_date_idx" ON "MentoringSession"("planId", "date");

-- CreateIndex
CREATE UNIQUE INDEX "Pilot_organizationId_key" ON "Pilot"("organizationId");

-- CreateIndex
CREATE INDEX "Pilot_communityId_idx" ON "Pilot"("communityId");

-- CreateIndex
CREATE INDEX "PilotObjective_pilotId_position_idx" ON "PilotObjective"("pilotId", "position");

-- CreateIndex
CREATE INDEX "PilotObjective_answersRecommendationId_idx" ON "PilotObjective"("answersRecommendationId");

-- CreateIndex
CREATE INDEX "PilotIndicator_indicatorId_idx" ON "PilotIndicator"("indicatorId");

-- CreateIndex
CREATE INDEX "CoDesignActivity_pilotId_date_idx" ON "CoDesignActivity"("pilotId", "date");

-- CreateIndex
CREATE INDEX "Milestone_pilotId_dueDate_idx" ON "Milestone"("pilotId", "dueDate");

-- CreateIndex
CREATE INDEX "Attachment_sha256_idx" ON "Attachment"("sha256");

-- CreateIndex
CREATE INDEX "Notification_userId_createdAt_idx" ON "Notification"("userId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_idx" ON "Notification"("userId", "readAt");

-- CreateIndex
CREATE INDEX "EmailOutbox_status_nextAttemptAt_idx" ON "EmailOutbox"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "EmailOutbox_userId_mode_status_idx" ON "EmailOutbox"("userId", "mode", "status");

-- CreateIndex
CREATE UNIQUE INDEX "AuditEntry_hash_key" ON "AuditEntry"("hash");

-- CreateIndex
CREATE INDEX "AuditEntry_entityType_entityId_seq_idx" ON "AuditEntry"("entityType", "entityId", "seq");

-- CreateIndex
CREATE INDEX "AuditEntry_actorId_idx" ON "AuditEntry"("actorId");

-- CreateIndex
CREATE INDEX "PracticeProfile_status_idx" ON "PracticeProfile"("status");

-- CreateIndex
CREATE INDEX "PracticeProfile_communityId_idx" ON "PracticeProfile"("communityId");

-- CreateIndex
CREATE INDEX "PracticeProfile_country_idx" ON "PracticeProfile"("country");

-- CreateIndex
CREATE INDEX "PeerReview_pilotId_idx" ON "PeerReview"("pilotId");

-- CreateIndex
CREATE INDEX "PeerReview_startsOn_endsOn_idx" ON "PeerReview"("startsOn", "endsOn");

-- CreateIndex
CREATE INDEX "ReviewAssignment_reviewerId_idx" ON "ReviewAssignment"("reviewerId");

-- CreateIndex
CREATE UNIQUE INDEX "ReviewStep_reviewId_kind_key" ON "ReviewStep"("reviewId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "ReviewCriterion_reviewId_code_key" ON "ReviewCriterion"("reviewId", "code");

-- CreateIndex
CREATE INDEX "ReviewScore_reviewId_reviewerId_idx" ON "ReviewScore"("reviewId", "reviewerId");

-- CreateIndex
CREATE UNIQUE INDEX "ReviewScore_criterionId_reviewerId_key" ON "ReviewScore"("criterionId", "reviewerId");

-- CreateIndex
CREATE UNIQUE INDEX "ReviewIndicatorView_reviewId_reviewerId_indicatorId_key" ON "ReviewIndicatorView"("reviewId", "reviewerId", "indicatorId");

-- CreateIndex
CREATE INDEX "ReviewRecommendation_reviewId_position_idx" ON "ReviewRecommendation"("reviewId", "position");

-- AddForeignKey
ALTER TABLE "BenchmarkFramework" ADD CONSTRAINT "BenchmarkFramework_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BenchmarkDimension" ADD CONSTRAINT "BenchmarkDimension_frameworkId_fkey" FOREIGN KEY ("frameworkId") REFERENCES "BenchmarkFramework"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BenchmarkIndicator" ADD CONSTRAINT "BenchmarkIndicator_frameworkId_fkey" FOREIGN KEY ("frameworkId") REFERENCES "BenchmarkFramework"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BenchmarkIndicator" ADD CONSTRAINT "BenchmarkIndicator_dimensionId_fkey" FOREIGN KEY ("dimensionId") REFERENCES "BenchmarkDimension"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndicatorLevel" ADD CONSTRAINT "IndicatorLevel_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "BenchmarkIndicator"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BenchmarkRound" ADD CONSTRAINT "BenchmarkRound_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BenchmarkRound" ADD CONSTRAINT "BenchmarkRound_frameworkId_fkey" FOREIGN KEY ("frameworkId") REFERENCES "BenchmarkFramework"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundDeadlineExtension" ADD CONSTRAINT "RoundDeadlineExtension_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "BenchmarkRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundDeadlineExtension" ADD CONSTRAINT "RoundDeadlineExtension_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BenchmarkSubmission" ADD CONSTRAINT "BenchmarkSubmission_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "BenchmarkRound"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BenchmarkSubmission" ADD CONSTRAINT "BenchmarkSubmission_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BenchmarkSubmission" ADD CONSTRAINT "BenchmarkSubmission_frameworkId_fkey" FOREIGN KEY ("frameworkId") REFERENCES "BenchmarkFramework"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndicatorScore" ADD CONSTRAINT "IndicatorScore_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "BenchmarkSubmission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndicatorScore" ADD CONSTRAINT "IndicatorScore_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "BenchmarkIndicator"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScoreEvidence" ADD CONSTRAINT "ScoreEvidence_scoreId_fkey" FOREIGN KEY ("scoreId") REFERENCES "IndicatorScore"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ScoreEvidence" ADD CONSTRAINT "ScoreEvidence_attachmentId_fkey" FOREIGN KEY ("attachmentId") REFERENCES "Attachment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubmissionEvent" ADD CONSTRAINT "SubmissionEvent_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "BenchmarkSubmission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubmissionEvent" ADD CONSTRAINT "SubmissionEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Community" ADD CONSTRAINT "Community_leadCityId_fkey" FOREIGN KEY ("leadCityId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommunityMember" ADD CONSTRAINT "CommunityMember_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommunityMember" ADD CONSTRAINT "CommunityMember_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommunityCoordinator" ADD CONSTRAINT "CommunityCoordinator_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommunityCoordinator" ADD CONSTRAINT "CommunityCoordinator_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommunitySession" ADD CONSTRAINT "CommunitySession_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionAttendance" ADD CONSTRAINT "SessionAttendance_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "CommunitySession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SessionAttendance" ADD CONSTRAINT "SessionAttendance_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommunityResource" ADD CONSTRAINT "CommunityResource_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommunityResource" ADD CONSTRAINT "CommunityResource_attachmentId_fkey" FOREIGN KEY ("attachmentId") REFERENCES "Attachment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Grant" ADD CONSTRAINT "Grant_pilotId_fkey" FOREIGN KEY ("pilotId") REFERENCES "Pilot"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BudgetLine" ADD CONSTRAINT "BudgetLine_grantId_fkey" FOREIGN KEY ("grantId") REFERENCES "Grant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Tranche" ADD CONSTRAINT "Tranche_grantId_fkey" FOREIGN KEY ("grantId") REFERENCES "Grant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Expense" ADD CONSTRAINT "Expense_grantId_fkey" FOREIGN KEY ("grantId") REFERENCES "Grant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Expense" ADD CONSTRAINT "Expense_receiptAttachmentId_fkey" FOREIGN KEY ("receiptAttachmentId") REFERENCES "Attachment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Expense" ADD CONSTRAINT "Expense_declaredById_fkey" FOREIGN KEY ("declaredById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Expense" ADD CONSTRAINT "Expense_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportingDeadline" ADD CONSTRAINT "ReportingDeadline_grantId_fkey" FOREIGN KEY ("grantId") REFERENCES "Grant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportingDeadline" ADD CONSTRAINT "ReportingDeadline_documentAttachmentId_fkey" FOREIGN KEY ("documentAttachmentId") REFERENCES "Attachment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserToken" ADD CONSTRAINT "UserToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IdempotencyKey" ADD CONSTRAINT "IdempotencyKey_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallTheme" ADD CONSTRAINT "CallTheme_callId_fkey" FOREIGN KEY ("callId") REFERENCES "OpenCall"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallTheme" ADD CONSTRAINT "CallTheme_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallCriterion" ADD CONSTRAINT "CallCriterion_callId_fkey" FOREIGN KEY ("callId") REFERENCES "OpenCall"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallApplication" ADD CONSTRAINT "CallApplication_callId_fkey" FOREIGN KEY ("callId") REFERENCES "OpenCall"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallApplication" ADD CONSTRAINT "CallApplication_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallApplication" ADD CONSTRAINT "CallApplication_contactUserId_fkey" FOREIGN KEY ("contactUserId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CallApplication" ADD CONSTRAINT "CallApplication_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationScore" ADD CONSTRAINT "ApplicationScore_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "CallApplication"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationScore" ADD CONSTRAINT "ApplicationScore_criterionId_fkey" FOREIGN KEY ("criterionId") REFERENCES "CallCriterion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationScore" ADD CONSTRAINT "ApplicationScore_evaluatorId_fkey" FOREIGN KEY ("evaluatorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentorTheme" ADD CONSTRAINT "MentorTheme_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentorTheme" ADD CONSTRAINT "MentorTheme_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentoringAssignment" ADD CONSTRAINT "MentoringAssignment_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "CallApplication"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentoringAssignment" ADD CONSTRAINT "MentoringAssignment_menteeOrganizationId_fkey" FOREIGN KEY ("menteeOrganizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentoringAssignment" ADD CONSTRAINT "MentoringAssignment_mentorId_fkey" FOREIGN KEY ("mentorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupportPlan" ADD CONSTRAINT "SupportPlan_assignmentId_fkey" FOREIGN KEY ("assignmentId") REFERENCES "MentoringAssignment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupportAction" ADD CONSTRAINT "SupportAction_planId_fkey" FOREIGN KEY ("planId") REFERENCES "SupportPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MentoringSession" ADD CONSTRAINT "MentoringSession_planId_fkey" FOREIGN KEY ("planId") REFERENCES "SupportPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pilot" ADD CONSTRAINT "Pilot_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pilot" ADD CONSTRAINT "Pilot_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PilotObjective" ADD CONSTRAINT "PilotObjective_pilotId_fkey" FOREIGN KEY ("pilotId") REFERENCES "Pilot"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PilotObjective" ADD CONSTRAINT "PilotObjective_answersRecommendationId_fkey" FOREIGN KEY ("answersRecommendationId") REFERENCES "ReviewRecommendation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PilotIndicator" ADD CONSTRAINT "PilotIndicator_pilotId_fkey" FOREIGN KEY ("pilotId") REFERENCES "Pilot"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PilotIndicator" ADD CONSTRAINT "PilotIndicator_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "BenchmarkIndicator"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CoDesignActivity" ADD CONSTRAINT "CoDesignActivity_pilotId_fkey" FOREIGN KEY ("pilotId") REFERENCES "Pilot"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Milestone" ADD CONSTRAINT "Milestone_pilotId_fkey" FOREIGN KEY ("pilotId") REFERENCES "Pilot"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NotificationPreference" ADD CONSTRAINT "NotificationPreference_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmailOutbox" ADD CONSTRAINT "EmailOutbox_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmailOutbox" ADD CONSTRAINT "EmailOutbox_notificationId_fkey" FOREIGN KEY ("notificationId") REFERENCES "Notification"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEntry" ADD CONSTRAINT "AuditEntry_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PracticeProfile" ADD CONSTRAINT "PracticeProfile_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PracticeProfile" ADD CONSTRAINT "PracticeProfile_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PracticeProfile" ADD CONSTRAINT "PracticeProfile_pilotId_fkey" FOREIGN KEY ("pilotId") REFERENCES "Pilot"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PeerReview" ADD CONSTRAINT "PeerReview_pilotId_fkey" FOREIGN KEY ("pilotId") REFERENCES "Pilot"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewAssignment" ADD CONSTRAINT "ReviewAssignment_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "PeerReview"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewAssignment" ADD CONSTRAINT "ReviewAssignment_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewStep" ADD CONSTRAINT "ReviewStep_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "PeerReview"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewCriterion" ADD CONSTRAINT "ReviewCriterion_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "PeerReview"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewScore" ADD CONSTRAINT "ReviewScore_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "PeerReview"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewScore" ADD CONSTRAINT "ReviewScore_criterionId_fkey" FOREIGN KEY ("criterionId") REFERENCES "ReviewCriterion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewScore" ADD CONSTRAINT "ReviewScore_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewIndicatorView" ADD CONSTRAINT "ReviewIndicatorView_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "PeerReview"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewIndicatorView" ADD CONSTRAINT "ReviewIndicatorView_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewIndicatorView" ADD CONSTRAINT "ReviewIndicatorView_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "BenchmarkIndicator"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewRecommendation" ADD CONSTRAINT "ReviewRecommendation_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "PeerReview"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecommendationAnswer" ADD CONSTRAINT "RecommendationAnswer_recommendationId_fkey" FOREIGN KEY ("recommendationId") REFERENCES "ReviewRecommendation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecommendationAnswer" ADD CONSTRAINT "RecommendationAnswer_answeredById_fkey" FOREIGN KEY ("answeredById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- ---------------------------------------------------------------------------
-- Written by hand: rules Prisma's schema language cannot express.
-- CHECK constraints are backstops for rules the services enforce first.
-- ---------------------------------------------------------------------------

ALTER TABLE "User" ADD CONSTRAINT "User_email_lower_check" CHECK ("email" = lower("email"));
ALTER TABLE "Organization" ADD CONSTRAINT "Organization_country_check" CHECK ("country" ~ '^[A-Z]{2}$');

ALTER TABLE "CommunitySession" ADD CONSTRAINT "CommunitySession_dates_check" CHECK ("endsAt" > "startsAt");
ALTER TABLE "CommunityResource" ADD CONSTRAINT "CommunityResource_link_or_file_check" CHECK ("url" IS NOT NULL OR "attachmentId" IS NOT NULL);

ALTER TABLE "BenchmarkIndicator" ADD CONSTRAINT "BenchmarkIndicator_weight_check" CHECK ("weight" > 0);
ALTER TABLE "IndicatorLevel" ADD CONSTRAINT "IndicatorLevel_level_check" CHECK ("level" BETWEEN 0 AND 4);
ALTER TABLE "BenchmarkRound" ADD CONSTRAINT "BenchmarkRound_dates_check" CHECK ("closesAt" > "opensAt");
ALTER TABLE "IndicatorScore" ADD CONSTRAINT "IndicatorScore_level_check" CHECK ("level" IS NULL OR "level" BETWEEN 0 AND 4);

ALTER TABLE "CoDesignActivity" ADD CONSTRAINT "CoDesignActivity_participants_check" CHECK ("participantCount" >= 0);

ALTER TABLE "PeerReview" ADD CONSTRAINT "PeerReview_dates_check" CHECK ("endsOn" >= "startsOn");
ALTER TABLE "ReviewCriterion" ADD CONSTRAINT "ReviewCriterion_descriptors_check" CHECK (cardinality("descriptors") = 5);
ALTER TABLE "ReviewScore" ADD CONSTRAINT "ReviewScore_score_check" CHECK ("score" BETWEEN 1 AND 5);
ALTER TABLE "ReviewIndicatorView" ADD CONSTRAINT "ReviewIndicatorView_level_check" CHECK ("level" BETWEEN 0 AND 4);
ALTER TABLE "RecommendationAnswer" ADD CONSTRAINT "RecommendationAnswer_reason_check"
  CHECK ("response" <> 'DECLINED' OR length(trim(coalesce("reason", ''))) > 0);

-- Money: the grant cap is never exceeded, amounts are never negative.
ALTER TABLE "Grant" ADD CONSTRAINT "Grant_cap_check" CHECK ("capCents" > 0);
ALTER TABLE "Grant" ADD CONSTRAINT "Grant_budget_within_cap_check" CHECK ("budgetTotalCents" >= 0 AND "budgetTotalCents" <= "capCents");
ALTER TABLE "Grant" ADD CONSTRAINT "Grant_committed_within_cap_check" CHECK ("committedCents" >= 0 AND "committedCents" <= "capCents");
ALTER TABLE "BudgetLine" ADD CONSTRAINT "BudgetLine_amounts_check" CHECK ("plannedCents" >= 0 AND ("approvedCents" IS NULL OR "approvedCents" >= 0));
ALTER TABLE "Tranche" ADD CONSTRAINT "Tranche_amount_check" CHECK ("amountCents" > 0);
ALTER TABLE "Expense" ADD CONSTRAINT "Expense_amount_check" CHECK ("amountCents" > 0);
ALTER TABLE "Expense" ADD CONSTRAINT "Expense_rejection_reason_check"
  CHECK ("status" <> 'REJECTED' OR length(trim(coalesce("rejectionReason", ''))) > 0);

ALTER TABLE "OpenCall" ADD CONSTRAINT "OpenCall_places_check" CHECK ("places" > 0);
ALTER TABLE "CallCriterion" ADD CONSTRAINT "CallCriterion_weight_check" CHECK ("weight" > 0);
ALTER TABLE "ApplicationScore" ADD CONSTRAINT "ApplicationScore_score_check" CHECK ("score" BETWEEN 0 AND 5);

ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_size_check" CHECK ("sizeBytes" > 0 AND "sizeBytes" <= 10485760);
ALTER TABLE "SignInThrottle" ADD CONSTRAINT "SignInThrottle_failures_check" CHECK ("failures" >= 0);

-- The audit log is append-only in the database itself, whoever connects.
CREATE FUNCTION citypeer_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditEntry is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "AuditEntry_append_only"
  BEFORE UPDATE OR DELETE ON "AuditEntry"
  FOR EACH ROW EXECUTE FUNCTION citypeer_audit_append_only();

CREATE TRIGGER "AuditEntry_no_truncate"
  BEFORE TRUNCATE ON "AuditEntry"
  FOR EACH STATEMENT EXECUTE FUNCTION citypeer_audit_append_only();
