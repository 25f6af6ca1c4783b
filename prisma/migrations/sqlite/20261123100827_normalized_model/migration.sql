-- CreateTable
CREATE TABLE "Customer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "connectionId" TEXT NOT NULL,
    "vendor" TEXT NOT NULL,
    "vendorId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "raw" JSONB,
    "fingerprint" TEXT,
    "firstSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "removedAt" DATETIME,
    CONSTRAINT "Customer_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "Connection" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Endpoint" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "connectionId" TEXT NOT NULL,
    "vendor" TEXT NOT NULL,
    "vendorId" TEXT NOT NULL,
    "customerId" TEXT,
    "name" TEXT NOT NULL,
    "hostname" TEXT,
    "os" TEXT,
    "osVersion" TEXT,
    "agentVersion" TEXT,
    "online" BOOLEAN NOT NULL,
    "enabled" BOOLEAN NOT NULL,
    "status" TEXT NOT NULL,
    "lastSeenAt" DATETIME,
    "lastSuccessAt" DATETIME,
    "lastRunAt" DATETIME,
    "storageBytes" REAL,
    "region" TEXT,
    "raw" JSONB,
    "fingerprint" TEXT,
    "firstSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "removedAt" DATETIME,
    CONSTRAINT "Endpoint_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "Connection" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Endpoint_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BackupConfiguration" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "connectionId" TEXT NOT NULL,
    "vendor" TEXT NOT NULL,
    "vendorId" TEXT NOT NULL,
    "endpointId" TEXT NOT NULL,
    "customerId" TEXT,
    "name" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL,
    "scheduleKind" TEXT NOT NULL,
    "scheduleDescription" TEXT NOT NULL,
    "expectedIntervalMinutes" INTEGER,
    "nextRunAt" DATETIME,
    "lastRunAt" DATETIME,
    "lastSuccessAt" DATETIME,
    "lastStatus" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "missedSince" DATETIME,
    "details" JSONB,
    "raw" JSONB,
    "fingerprint" TEXT,
    "firstSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "removedAt" DATETIME,
    CONSTRAINT "BackupConfiguration_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "Connection" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "BackupConfiguration_endpointId_fkey" FOREIGN KEY ("endpointId") REFERENCES "Endpoint" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Run" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "connectionId" TEXT NOT NULL,
    "vendor" TEXT NOT NULL,
    "vendorId" TEXT NOT NULL,
    "endpointId" TEXT NOT NULL,
    "configurationId" TEXT,
    "customerId" TEXT,
    "type" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL,
    "endedAt" DATETIME,
    "durationSeconds" INTEGER,
    "bytes" REAL,
    "filesProcessed" INTEGER,
    "filesFailed" INTEGER,
    "errorCount" INTEGER,
    "message" TEXT,
    "raw" JSONB,
    "fingerprint" TEXT,
    "firstSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Run_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "Connection" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Run_endpointId_fkey" FOREIGN KEY ("endpointId") REFERENCES "Endpoint" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Run_configurationId_fkey" FOREIGN KEY ("configurationId") REFERENCES "BackupConfiguration" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "UsageRecord" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "connectionId" TEXT NOT NULL,
    "vendor" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "customerId" TEXT,
    "endpointId" TEXT,
    "period" TEXT NOT NULL,
    "storageBytes" REAL NOT NULL,
    "cost" REAL,
    "raw" JSONB,
    "fingerprint" TEXT,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "UsageRecord_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "Connection" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SyncRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "connectionId" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "instance" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME,
    "status" TEXT NOT NULL,
    "itemsChanged" INTEGER NOT NULL DEFAULT 0,
    "requestCount" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "warnings" JSONB,
    CONSTRAINT "SyncRun_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "Connection" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SyncLease" (
    "connectionId" TEXT NOT NULL PRIMARY KEY,
    "holder" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL
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
    "secretCiphertext" TEXT NOT NULL,
    "secretKeyVersion" INTEGER NOT NULL,
    "secretUpdatedAt" DATETIME NOT NULL,
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
INSERT INTO "new_Connection" ("baseUrl", "createdAt", "enabled", "id", "isDemo", "name", "region", "secretCiphertext", "secretKeyVersion", "secretUpdatedAt", "updatedAt", "username", "vendor") SELECT "baseUrl", "createdAt", "enabled", "id", "isDemo", "name", "region", "secretCiphertext", "secretKeyVersion", "secretUpdatedAt", "updatedAt", "username", "vendor" FROM "Connection";
DROP TABLE "Connection";
ALTER TABLE "new_Connection" RENAME TO "Connection";
CREATE INDEX "Connection_vendor_idx" ON "Connection"("vendor");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Customer_name_idx" ON "Customer"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Customer_connectionId_vendorId_key" ON "Customer"("connectionId", "vendorId");

-- CreateIndex
CREATE INDEX "Endpoint_status_idx" ON "Endpoint"("status");

-- CreateIndex
CREATE INDEX "Endpoint_customerId_idx" ON "Endpoint"("customerId");

-- CreateIndex
CREATE INDEX "Endpoint_name_idx" ON "Endpoint"("name");

-- CreateIndex
CREATE INDEX "Endpoint_vendor_status_idx" ON "Endpoint"("vendor", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Endpoint_connectionId_vendorId_key" ON "Endpoint"("connectionId", "vendorId");

-- CreateIndex
CREATE INDEX "BackupConfiguration_endpointId_idx" ON "BackupConfiguration"("endpointId");

-- CreateIndex
CREATE INDEX "BackupConfiguration_status_idx" ON "BackupConfiguration"("status");

-- CreateIndex
CREATE INDEX "BackupConfiguration_customerId_idx" ON "BackupConfiguration"("customerId");

-- CreateIndex
CREATE UNIQUE INDEX "BackupConfiguration_connectionId_vendorId_key" ON "BackupConfiguration"("connectionId", "vendorId");

-- CreateIndex
CREATE INDEX "Run_startedAt_idx" ON "Run"("startedAt");

-- CreateIndex
CREATE INDEX "Run_endpointId_startedAt_idx" ON "Run"("endpointId", "startedAt");

-- CreateIndex
CREATE INDEX "Run_configurationId_startedAt_idx" ON "Run"("configurationId", "startedAt");

-- CreateIndex
CREATE INDEX "Run_status_startedAt_idx" ON "Run"("status", "startedAt");

-- CreateIndex
CREATE INDEX "Run_customerId_startedAt_idx" ON "Run"("customerId", "startedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Run_connectionId_vendorId_key" ON "Run"("connectionId", "vendorId");

-- CreateIndex
CREATE INDEX "UsageRecord_period_idx" ON "UsageRecord"("period");

-- CreateIndex
CREATE INDEX "UsageRecord_customerId_idx" ON "UsageRecord"("customerId");

-- CreateIndex
CREATE UNIQUE INDEX "UsageRecord_connectionId_scope_period_key" ON "UsageRecord"("connectionId", "scope", "period");

-- CreateIndex
CREATE INDEX "SyncRun_connectionId_startedAt_idx" ON "SyncRun"("connectionId", "startedAt");
