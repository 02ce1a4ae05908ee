import type { TestProject } from "vitest/node";
import { provisionTestDatabase } from "./test-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const database = await provisionTestDatabase("it");
  project.provide("databaseUrl", database.url);
  return async () => {
    await database.drop();
  };
}
