// npm run user:create-admin -- --email you@example.org [--name "Your Name"]
// Prompts for the password (not echoed); reads it from standard input when piped.
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { runCli, withDatabase } from "./lib/with-database";

async function promptHidden(question: string): Promise<string> {
  if (!process.stdin.isTTY) {
    const rl = createInterface({ input: process.stdin });
    for await (const line of rl) return line;
    return "";
  }
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const output = rl as unknown as { _writeToOutput: (s: string) => void };
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write("\n");
      resolve(answer);
    });
    output._writeToOutput = (text: string) => {
      if (text.startsWith(question)) process.stdout.write(question);
    };
  });
}

runCli(async () => {
  const { values } = parseArgs({ options: { email: { type: "string" }, name: { type: "string" } } });
  if (!values.email) throw new Error("Usage: npm run user:create-admin -- --email you@example.org [--name \"Your Name\"]");
  const password = await promptHidden("Password (12+ characters): ");
  await withDatabase(async () => {
    const { createAdmin } = await import("../lib/accounts/bootstrap");
    const { AppError } = await import("../lib/errors");
    try {
      const result = await createAdmin({ email: values.email!, password, name: values.name });
      console.log(result.created ? `✔ Admin ${values.email} created. Enrol a second factor at first sign-in.` : `Admin ${values.email} already exists; nothing changed.`);
    } catch (error) {
      if (error instanceof AppError && error.details.fieldErrors) {
        const fields = Object.entries(error.details.fieldErrors).map(([field, messages]) => `${field}: ${messages.join(", ")}`);
        throw new Error(`Invalid input — ${fields.join("; ")}`);
      }
      throw error;
    }
    const { disconnectDb } = await import("../lib/db/client");
    await disconnectDb();
  });
});
