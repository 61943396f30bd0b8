import { randomBytes } from "node:crypto";

// Each test process runs like a development server would: its own secrets, and receivers on
// 127.0.0.1 allowed (the SSRF tests pass allowPrivate: false explicitly).
process.env.ENCRYPTION_KEY ??= randomBytes(32).toString("base64");
process.env.NEXTAUTH_SECRET ??= randomBytes(32).toString("base64");
process.env.HOOKYARD_ALLOW_PRIVATE_TARGETS ??= "true";
