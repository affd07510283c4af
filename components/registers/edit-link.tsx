import Link from "next/link";
import type { ReactNode } from "react";
import { AppError } from "@/lib/errors";
import { assertMayEdit, type WritingActor } from "@/lib/records/ownership";

/** Whether the actor may edit the record: the same rule the server enforces on save (lib/records/ownership.ts). */
export function mayEdit(actor: WritingActor, record: { createdByUserId: string | null; status: string }): boolean {
  try {
    assertMayEdit(actor, record, "record");
    return true;
  } catch (error) {
    if (error instanceof AppError) return false;
    throw error;
  }
}

/** An "Edit" link to a record's edit page, shown only to those who may edit it (DPO; engineer on own drafts). */
export function EditLink({
  href,
  actor,
  record,
  label,
}: {
  href: string;
  actor: WritingActor;
  record: { createdByUserId: string | null; status: string };
  /** Accessible name, e.g. "Edit processor". */
  label: string;
}) {
  if (!mayEdit(actor, record)) return null;
  return (
    <ActionLink href={href} testId="edit-link">
      {label}
    </ActionLink>
  );
}

/** A page action that navigates ("Edit", "New agreement"): a link styled as a secondary button. */
export function ActionLink({ href, testId, children }: { href: string; testId?: string; children: ReactNode }) {
  return (
    <Link
      href={href}
      className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-brand-700 hover:bg-slate-50"
      data-testid={testId}
    >
      {children}
    </Link>
  );
}
