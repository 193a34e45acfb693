-- AlterEnum
ALTER TYPE "EmailStatus" ADD VALUE 'DIGESTED';
