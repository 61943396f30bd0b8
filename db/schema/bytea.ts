import { customType } from "drizzle-orm/pg-core";

// Inbound bodies are kept byte-exact because provider signatures are computed over the bytes.
export const bytea = customType<{ data: Buffer; driverData: Buffer }>({
  dataType: () => "bytea",
});
