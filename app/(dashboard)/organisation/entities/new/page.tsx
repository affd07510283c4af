import Link from "next/link";
import type { Metadata } from "next";
import { EntityForm } from "@/components/entities/entity-form";
import { entityFormOptions } from "@/components/entities/entity-form-options";
import { requirePageActor } from "@/lib/auth/guard";
import { createEntityFromForm, previewNewEntity } from "./actions";

export const metadata: Metadata = { title: "New entity" };
export const dynamic = "force-dynamic";

export default async function NewEntityPage() {
  await requirePageActor(["dpo"]);
  return (
    <div className="space-y-6">
      <div>
        <Link href="/organisation" className="text-sm text-brand-700 underline">
          Back to the organisation
        </Link>
        <h1 className="mt-1 text-2xl font-semibold">New entity</h1>
        <p className="mt-1 text-sm text-slate-700">One of the company&rsquo;s own legal entities: a parent company, an affiliate, a branch that exports data.</p>
      </div>
      <EntityForm
        mode="create"
        initial={{
          name: "",
          legalName: null,
          country: "",
          role: "controller",
          address: null,
          phone: null,
          dpoContact: null,
          representativeContact: null,
          ukRepresentativeContact: null,
          ciio: false,
        }}
        currentFlags={[]}
        options={entityFormOptions()}
        save={createEntityFromForm}
        preview={previewNewEntity}
      />
    </div>
  );
}
