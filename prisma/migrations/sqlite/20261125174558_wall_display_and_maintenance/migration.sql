-- CreateTable
CREATE TABLE "DisplayLink" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "allCustomers" BOOLEAN NOT NULL DEFAULT true,
    "customerIds" JSONB,
    "pages" JSONB NOT NULL,
    "rotateSeconds" INTEGER NOT NULL DEFAULT 20,
    "refreshSeconds" INTEGER NOT NULL DEFAULT 15,
    "lastSeenAt" DATETIME,
    "lastSeenIp" TEXT,
    "revokedAt" DATETIME,
    "createdById" TEXT,
    "createdByLabel" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "MaintenanceWindow" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "targetType" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "targetLabel" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "startsAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endsAt" DATETIME NOT NULL,
    "endedAt" DATETIME,
    "endedByLabel" TEXT,
    "createdById" TEXT,
    "createdByLabel" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE UNIQUE INDEX "DisplayLink_tokenHash_key" ON "DisplayLink"("tokenHash");

-- CreateIndex
CREATE INDEX "MaintenanceWindow_endsAt_idx" ON "MaintenanceWindow"("endsAt");

-- CreateIndex
CREATE INDEX "MaintenanceWindow_targetType_targetId_idx" ON "MaintenanceWindow"("targetType", "targetId");
