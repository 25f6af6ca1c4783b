-- CreateTable
CREATE TABLE "PublicApiKey" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "type" TEXT NOT NULL DEFAULT 'custom',
    "description" TEXT NOT NULL DEFAULT '',
    "prefix" TEXT NOT NULL,
    "keyHash" TEXT NOT NULL,
    "customerId" TEXT,
    "expiresAt" TIMESTAMP(3),
    "allowedIps" JSONB,
    "lastUsedAt" TIMESTAMP(3),
    "lastUsedIp" TEXT,
    "createdById" TEXT,
    "createdByLabel" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PublicApiKey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PublicApiBinding" (
    "id" TEXT NOT NULL,
    "keyId" TEXT NOT NULL,
    "resourceType" TEXT NOT NULL,
    "resourceId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PublicApiBinding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PublicApiResource" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "definition" JSONB NOT NULL,
    "datasetId" TEXT,
    "ownerId" TEXT,
    "ownerLabel" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PublicApiResource_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PublicApiRequest" (
    "id" SERIAL NOT NULL,
    "keyId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resourceType" TEXT,
    "resourceId" TEXT,
    "status" INTEGER NOT NULL,
    "outcome" TEXT NOT NULL,
    "ip" TEXT,
    "durationMs" INTEGER,
    "rows" INTEGER,

    CONSTRAINT "PublicApiRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PublicApiKey_keyHash_key" ON "PublicApiKey"("keyHash");

-- CreateIndex
CREATE INDEX "PublicApiBinding_resourceId_idx" ON "PublicApiBinding"("resourceId");

-- CreateIndex
CREATE UNIQUE INDEX "PublicApiBinding_keyId_resourceType_resourceId_key" ON "PublicApiBinding"("keyId", "resourceType", "resourceId");

-- CreateIndex
CREATE INDEX "PublicApiResource_kind_updatedAt_idx" ON "PublicApiResource"("kind", "updatedAt");

-- CreateIndex
CREATE INDEX "PublicApiResource_datasetId_idx" ON "PublicApiResource"("datasetId");

-- CreateIndex
CREATE INDEX "PublicApiRequest_keyId_at_idx" ON "PublicApiRequest"("keyId", "at");

-- CreateIndex
CREATE INDEX "PublicApiRequest_at_idx" ON "PublicApiRequest"("at");

-- CreateIndex
CREATE INDEX "BackupConfiguration_removedAt_name_id_idx" ON "BackupConfiguration"("removedAt", "name", "id");

-- CreateIndex
CREATE INDEX "Customer_removedAt_name_id_idx" ON "Customer"("removedAt", "name", "id");

-- CreateIndex
CREATE INDEX "Endpoint_removedAt_name_id_idx" ON "Endpoint"("removedAt", "name", "id");

-- CreateIndex
CREATE INDEX "Run_type_startedAt_idx" ON "Run"("type", "startedAt");

-- AddForeignKey
ALTER TABLE "PublicApiBinding" ADD CONSTRAINT "PublicApiBinding_keyId_fkey" FOREIGN KEY ("keyId") REFERENCES "PublicApiKey"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublicApiRequest" ADD CONSTRAINT "PublicApiRequest_keyId_fkey" FOREIGN KEY ("keyId") REFERENCES "PublicApiKey"("id") ON DELETE CASCADE ON UPDATE CASCADE;
