-- AlterTable
ALTER TABLE "Customer" ADD COLUMN     "mspCustomerId" TEXT;

-- CreateTable
CREATE TABLE "MspCustomer" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "overdueWindowHours" INTEGER,
    "customName" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MspCustomer_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MspCustomer_name_idx" ON "MspCustomer"("name");

-- CreateIndex
CREATE INDEX "Customer_mspCustomerId_idx" ON "Customer"("mspCustomerId");

-- AddForeignKey
ALTER TABLE "Customer" ADD CONSTRAINT "Customer_mspCustomerId_fkey" FOREIGN KEY ("mspCustomerId") REFERENCES "MspCustomer"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Every existing vendor customer becomes its own MSP customer, with the same id (URLs and scoped API keys keep working).
INSERT INTO "MspCustomer" ("id", "name", "createdAt", "updatedAt") SELECT "id", "name", CURRENT_TIMESTAMP, CURRENT_TIMESTAMP FROM "Customer";
UPDATE "Customer" SET "mspCustomerId" = "id";
