-- AlterTable
ALTER TABLE "Connection" ADD COLUMN     "unverifiedCalls" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "Action" (
    "id" TEXT NOT NULL,
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
    "discardedAt" TIMESTAMP(3),
    "runId" TEXT,
    "settleUntil" TIMESTAMP(3),
    "checkedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "Action_pkey" PRIMARY KEY ("id")
);

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
