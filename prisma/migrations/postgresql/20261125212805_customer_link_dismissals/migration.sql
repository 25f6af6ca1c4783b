-- CreateTable
CREATE TABLE "CustomerLinkDismissal" (
    "id" TEXT NOT NULL,
    "customerAId" TEXT NOT NULL,
    "customerBId" TEXT NOT NULL,
    "dismissedBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CustomerLinkDismissal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CustomerLinkDismissal_customerBId_idx" ON "CustomerLinkDismissal"("customerBId");

-- CreateIndex
CREATE UNIQUE INDEX "CustomerLinkDismissal_customerAId_customerBId_key" ON "CustomerLinkDismissal"("customerAId", "customerBId");

-- AddForeignKey
ALTER TABLE "CustomerLinkDismissal" ADD CONSTRAINT "CustomerLinkDismissal_customerAId_fkey" FOREIGN KEY ("customerAId") REFERENCES "MspCustomer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustomerLinkDismissal" ADD CONSTRAINT "CustomerLinkDismissal_customerBId_fkey" FOREIGN KEY ("customerBId") REFERENCES "MspCustomer"("id") ON DELETE CASCADE ON UPDATE CASCADE;
