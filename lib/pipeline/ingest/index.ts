// The ingest stage: a request to a source's public URL → a verified, typed incoming event,
// handed to the accept stage. Two front doors: the Next route and the standalone listener.
export { ingestRequest } from "./ingest-request";
export { startIngestServer, type IngestServer, type IngestServerOptions } from "./ingest-server";
