-- AlterTable
ALTER TABLE "Endpoint" ADD COLUMN     "detailsReadAt" TIMESTAMP(3);
