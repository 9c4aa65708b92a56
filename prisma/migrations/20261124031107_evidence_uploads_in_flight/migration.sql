-- CreateTable
CREATE TABLE "evidence_uploads_in_flight" (
    "upload_id" TEXT NOT NULL,
    "office_id" UUID NOT NULL,
    "object_key" TEXT NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "abandoned_at" TIMESTAMPTZ(3),

    CONSTRAINT "evidence_uploads_in_flight_pkey" PRIMARY KEY ("upload_id")
);

-- CreateIndex
CREATE INDEX "evidence_uploads_in_flight_office_id_started_at_idx" ON "evidence_uploads_in_flight"("office_id", "started_at");

-- AddForeignKey
ALTER TABLE "evidence_uploads_in_flight" ADD CONSTRAINT "evidence_uploads_in_flight_office_id_fkey" FOREIGN KEY ("office_id") REFERENCES "offices"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
