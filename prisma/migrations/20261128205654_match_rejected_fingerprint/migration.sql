-- AlterTable
ALTER TABLE "matches" ADD COLUMN     "rejected_fingerprint" TEXT;
