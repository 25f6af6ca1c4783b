-- CreateTable
CREATE TABLE "BulkRun" (
    "id" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "requestedById" TEXT NOT NULL,
    "requestedBy" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "customerLabel" TEXT NOT NULL,
    "targets" JSONB NOT NULL,
    "refusals" JSONB,
    "actor" JSONB NOT NULL,
    "state" TEXT NOT NULL,
    "heartbeatAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "BulkRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "BulkRun_state_heartbeatAt_idx" ON "BulkRun"("state", "heartbeatAt");

-- CreateIndex
CREATE UNIQUE INDEX "BulkRun_requestedById_idempotencyKey_key" ON "BulkRun"("requestedById", "idempotencyKey");
