-- CreateTable
CREATE TABLE "Action" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "idempotencyKey" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "requestedById" TEXT NOT NULL,
    "requestedBy" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "targetKind" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "targetLabel" TEXT NOT NULL,
    "connectionId" TEXT NOT NULL,
    "vendor" TEXT NOT NULL,
    "customerId" TEXT,
    "input" JSONB,
    "state" TEXT NOT NULL,
    "message" TEXT,
    "vendorMessage" TEXT,
    "job" JSONB,
    "jobState" JSONB,
    "createdRef" TEXT,
    "discardedAt" DATETIME,
    "runId" TEXT,
    "settleUntil" DATETIME,
    "checkedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "finishedAt" DATETIME
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Connection" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "vendor" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "username" TEXT NOT NULL,
    "baseUrl" TEXT,
    "region" TEXT,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "isDemo" BOOLEAN NOT NULL DEFAULT false,
    "unverifiedCalls" BOOLEAN NOT NULL DEFAULT false,
    "secretCiphertext" TEXT NOT NULL,
    "secretKeyVersion" INTEGER NOT NULL,
    "secretUpdatedAt" DATETIME NOT NULL,
    "secretBaseUrl" TEXT,
    "tokenCiphertext" TEXT,
    "tokenExpiresAt" DATETIME,
    "syncIntervalMinutes" INTEGER NOT NULL DEFAULT 5,
    "lastSyncAt" DATETIME,
    "lastSyncSuccessAt" DATETIME,
    "lastSyncStatus" TEXT,
    "lastSyncError" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Connection" ("baseUrl", "createdAt", "enabled", "id", "isDemo", "lastSyncAt", "lastSyncError", "lastSyncStatus", "lastSyncSuccessAt", "name", "region", "secretBaseUrl", "secretCiphertext", "secretKeyVersion", "secretUpdatedAt", "syncIntervalMinutes", "tokenCiphertext", "tokenExpiresAt", "updatedAt", "username", "vendor") SELECT "baseUrl", "createdAt", "enabled", "id", "isDemo", "lastSyncAt", "lastSyncError", "lastSyncStatus", "lastSyncSuccessAt", "name", "region", "secretBaseUrl", "secretCiphertext", "secretKeyVersion", "secretUpdatedAt", "syncIntervalMinutes", "tokenCiphertext", "tokenExpiresAt", "updatedAt", "username", "vendor" FROM "Connection";
DROP TABLE "Connection";
ALTER TABLE "new_Connection" RENAME TO "Connection";
CREATE INDEX "Connection_vendor_idx" ON "Connection"("vendor");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Action_createdAt_idx" ON "Action"("createdAt");

-- CreateIndex
CREATE INDEX "Action_state_idx" ON "Action"("state");

-- CreateIndex
CREATE INDEX "Action_targetKind_targetId_idx" ON "Action"("targetKind", "targetId");

-- CreateIndex
CREATE INDEX "Action_connectionId_createdAt_idx" ON "Action"("connectionId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Action_requestedById_idempotencyKey_key" ON "Action"("requestedById", "idempotencyKey");
