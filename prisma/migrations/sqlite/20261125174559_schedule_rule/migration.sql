-- AlterTable
ALTER TABLE "BackupConfiguration" ADD COLUMN "scheduleRule" JSONB;
