-- AlterTable
ALTER TABLE "Endpoint" ADD COLUMN "detailsReadAt" DATETIME;
