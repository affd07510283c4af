import type { ActionResult } from "@/lib/auth/guard";

/** The notice page's server actions (app/(dashboard)/notice/actions.ts), as the client forms call them. */
export interface NoticeStatementActions {
  add: (input: { noticeId: string; body: unknown }) => Promise<ActionResult<{ id: string }>>;
  edit: (input: { id: string; changes: unknown }) => Promise<ActionResult<{ id: string; version: number }>>;
  remove: (input: { id: string; version: number }) => Promise<ActionResult<{ id: string }>>;
}

/** A statement as the forms edit it. */
export interface StatementFormValues {
  id?: string;
  version?: number;
  kind: string;
  value: string | null;
  nonExhaustive: boolean;
  quote: string;
  section: string;
  language: string;
}

/** A data category a statement can declare: its key, and its name in the page's language. */
export interface CategoryOption {
  value: string;
  label: string;
}
