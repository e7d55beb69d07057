// `normwatch user add --role admin <email>` and `normwatch user link <email>`: create accounts and print
// one-time set-password links. There is no default password anywhere.
import type { Command } from "commander";
import { loadConfig, type Config } from "../config.js";
import { getUserByEmail, insertPasswordToken, insertUser } from "../db/users.js";
import { normalizeEmail, SET_PASSWORD_HOURS } from "../domain/auth.js";
import { USER_ROLES, type UserRole } from "../domain/vocabulary.js";
import { withDatabase } from "./database.js";

/** Creates the account (or, with `existing`, finds it) and returns a one-time link to set its password. */
export async function runUserLink(
  config: Config,
  input: { email: string; role?: UserRole; now?: Date },
): Promise<string> {
  return withDatabase(config, async (database) => {
    const now = input.now ?? new Date();
    const email = normalizeEmail(input.email);
    const user = input.role
      ? await insertUser(database.db, { email, role: input.role, now })
      : await getUserByEmail(database.db, email);
    const token = await insertPasswordToken(database.db, {
      userId: user.id,
      purpose: "set-password",
      now,
      hours: SET_PASSWORD_HOURS,
    });
    return `${config.siteUrl}/account/set-password?token=${token}`;
  });
}

export function registerUserCommands(program: Command): void {
  const user = program.command("user").description("editorial accounts");
  user
    .command("add")
    .description("create an account and print a one-time link to set its password")
    .requiredOption("--role <role>", `one of ${USER_ROLES.join(", ")}`)
    .argument("<email>")
    .action(async (email: string, options: { role: string }) => {
      if (!(USER_ROLES as readonly string[]).includes(options.role))
        throw new Error(`--role must be one of ${USER_ROLES.join(", ")}`);
      const link = await runUserLink(loadConfig(), { email, role: options.role as UserRole });
      console.log(
        `account created: ${normalizeEmail(email)} (${options.role})\nset its password within ${SET_PASSWORD_HOURS} hours (one use):\n${link}`,
      );
    });
  user
    .command("link")
    .description("print a new one-time set-password link for an existing account (earlier links stop working)")
    .argument("<email>")
    .action(async (email: string) => {
      console.log(await runUserLink(loadConfig(), { email }));
    });
}
