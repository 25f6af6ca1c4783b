-- CreateTable
CREATE TABLE "CustomerLinkDismissal" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "customerAId" TEXT NOT NULL,
    "customerBId" TEXT NOT NULL,
    "dismissedBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CustomerLinkDismissal_customerAId_fkey" FOREIGN KEY ("customerAId") REFERENCES "MspCustomer" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CustomerLinkDismissal_customerBId_fkey" FOREIGN KEY ("customerBId") REFERENCES "MspCustomer" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "CustomerLinkDismissal_customerBId_idx" ON "CustomerLinkDismissal"("customerBId");

-- CreateIndex
CREATE UNIQUE INDEX "CustomerLinkDismissal_customerAId_customerBId_key" ON "CustomerLinkDismissal"("customerAId", "customerBId");
