-- CreateTable
CREATE TABLE "MspCustomer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "overdueWindowHours" INTEGER,
    "customName" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Customer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "connectionId" TEXT NOT NULL,
    "mspCustomerId" TEXT,
    "vendor" TEXT NOT NULL,
    "vendorId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "raw" JSONB,
    "fingerprint" TEXT,
    "firstSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "removedAt" DATETIME,
    CONSTRAINT "Customer_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "Connection" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Customer_mspCustomerId_fkey" FOREIGN KEY ("mspCustomerId") REFERENCES "MspCustomer" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Customer" ("connectionId", "fingerprint", "firstSeenAt", "id", "kind", "lastSeenAt", "name", "raw", "removedAt", "vendor", "vendorId") SELECT "connectionId", "fingerprint", "firstSeenAt", "id", "kind", "lastSeenAt", "name", "raw", "removedAt", "vendor", "vendorId" FROM "Customer";
DROP TABLE "Customer";
ALTER TABLE "new_Customer" RENAME TO "Customer";
CREATE INDEX "Customer_name_idx" ON "Customer"("name");
CREATE INDEX "Customer_mspCustomerId_idx" ON "Customer"("mspCustomerId");
CREATE INDEX "Customer_removedAt_name_id_idx" ON "Customer"("removedAt", "name", "id");
CREATE UNIQUE INDEX "Customer_connectionId_vendorId_key" ON "Customer"("connectionId", "vendorId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "MspCustomer_name_idx" ON "MspCustomer"("name");

-- Every existing vendor customer becomes its own MSP customer, with the same id (URLs and scoped API keys keep working).
INSERT INTO "MspCustomer" ("id", "name", "createdAt", "updatedAt") SELECT "id", "name", CURRENT_TIMESTAMP, CURRENT_TIMESTAMP FROM "Customer";
UPDATE "Customer" SET "mspCustomerId" = "id";
