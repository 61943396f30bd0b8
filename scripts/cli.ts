// `npm run cli -- <command>`: headless administration.
//   bootstrap --email E --password P --team T [--json]   create (or reuse) user and team, print a new API key
import { parseArgs } from "node:util";
import { ZodError } from "zod";
import { closeDb, getDb } from "@/db/client";
import { InputError } from "@/lib/errors";
import { startHookyard } from "@/lib/startup";
import { bootstrap } from "@/lib/teams/bootstrap";

const [command, ...rest] = process.argv.slice(2);

async function main(): Promise<number> {
  if (command !== "bootstrap") {
    console.error("Usage: npm run cli -- bootstrap --email E --password P --team T [--json]");
    return 2;
  }
  const { values } = parseArgs({
    args: rest,
    options: {
      email: { type: "string" },
      password: { type: "string" },
      team: { type: "string" },
      json: { type: "boolean" },
    },
  });
  await startHookyard({ quiet: true });
  const result = await bootstrap(getDb(), values);
  if (values.json) console.log(JSON.stringify(result));
  else {
    console.log(`Team "${result.teamSlug}" is ready. API key (shown once, store it now):`);
    console.log(result.apiKey);
  }
  return 0;
}

main()
  .then(async (code) => {
    await closeDb();
    process.exit(code);
  })
  .catch(async (error: unknown) => {
    if (error instanceof ZodError)
      console.error(error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("\n"));
    else if (error instanceof InputError) console.error(error.message);
    else console.error(error);
    await closeDb();
    process.exit(1);
  });
