/*
 * Every PostgreSQL advisory-lock key of the application, in one place, so that two concerns can never pick
 * the same number by accident (the demo seed once shared the flag evaluation's key, so a demo load and an
 * evaluation waited for each other for no reason). Any distinct constants work: a key only has to be the
 * same in every instance of the app. Part of the db kernel: no import, usable from db/ and lib/ alike.
 * tests/advisory-locks.test.ts checks that the keys are distinct.
 */
export const ADVISORY_LOCKS = {
  /** Session lock around drizzle's migrations (db/migrate.ts): instances starting together migrate once. */
  migration: 724_310_001,
  /** Every writer of flags takes it, so two evaluations never interleave their plans (lib/flags/evaluation.ts). */
  flagEvaluation: 724_310_002,
  /** Appends to the audit trail are serialised so that each event chains to the one before it (lib/audit/record.ts). */
  auditChain: 724_310_003,
  /** Two instances starting together on an empty database load the demo company once (the demo seed). */
  demoSeed: 724_310_004,
  /** Two imports of overlapping files must not both decide to create the same record (lib/import/commit.ts). */
  import: 724_310_011,
  /**
   * Publishing the audit chain's signed head to its file (lib/audit/head-file.ts): two instances sharing one
   * file must not interleave their read-compare-rename, or an older head could replace a newer one.
   */
  auditHeadFile: 724_310_031,
  /**
   * Sign-in and set-up attempts of one key (account and address), as the two-key form with hashtext(key): the
   * check and the recording of an attempt are one step, so parallel guesses cannot all pass the check before
   * any of them is counted (lib/auth/rate-limit.ts).
   */
  signInAttempt: 724_310_041,
  /**
   * The notification runner's daily scans (lib/notifications/runner.ts), tried, not waited for: with several
   * instances on one PostgreSQL one scans while the others go straight to delivering (each delivery row is claimed).
   */
  notificationScan: 724_310_051,
} as const;

export type AdvisoryLockName = keyof typeof ADVISORY_LOCKS;
