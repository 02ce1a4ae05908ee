// Password rules: 12–128 characters and not among well-known passwords
// (compared case-insensitively).
import { COMMON_PASSWORDS } from "./common-passwords";

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

const COMMON = new Set(COMMON_PASSWORDS);

export function isCommonPassword(password: string): boolean {
  return COMMON.has(password.trim().toLowerCase());
}
