import bcrypt from "bcryptjs";

// bcrypt cost 12: about 200 ms on this class of machine, the OWASP-recommended minimum is 10.
const COST = 12;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

/** Compared against when the user does not exist, so that timing does not reveal which emails exist. */
export const UNUSED_HASH = "$2b$12$DvB8euyyoS5Zs2nKicVDGeQmN/cak4Vy7vfkq6QJ8t8X8eBPWjXCS";
