-- AlterTable
ALTER TABLE "BenchmarkSubmission" ADD COLUMN     "contentLanguage" TEXT NOT NULL DEFAULT 'en';
