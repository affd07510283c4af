import Link from "next/link";
import type { Metadata } from "next";
import { db } from "@/db/client";
import { listProcessorOptions } from "@/db/queries/processors";
import { listUsers } from "@/db/queries/users";
import { ProcessorForm } from "@/components/forms/processor-form";
import { processorFormOptions } from "@/components/forms/processor-form-options";
import { requirePageActor } from "@/lib/auth/guard";
import { createProcessorFromForm, previewNewProcessor } from "./actions";

export const metadata: Metadata = { title: "New processor" };
export const dynamic = "force-dynamic";

const OWNER_LIMIT = 200;

export default async function NewProcessorPage() {
  const actor = await requirePageActor(["dpo", "engineer"]);
  const database = db();
  const [parents, owners] = await Promise.all([
    listProcessorOptions({ db: database }),
    listUsers({ db: database, page: 1, pageSize: OWNER_LIMIT, status: "active" }),
  ]);

  return (
    <div className="space-y-6">
      <div>
        <Link href="/processors" className="text-sm text-brand-700 underline">
          Back to the processors
        </Link>
        <h1 className="mt-1 text-2xl font-semibold">New processor</h1>
        <p className="text-sm text-slate-700">A new processor starts as a draft, then goes through submission and review like any other.</p>
      </div>
      <ProcessorForm
        mode="create"
        initial={{
          name: "",
          legalName: null,
          website: null,
          role: "processor",
          service: "hosting",
          country: "US",
          parentProcessorId: null,
          dpfCertified: false,
          dpfExpiry: null,
          dpfUkExtension: false,
          coveredPerson: false,
          // Whoever registers the vendor owns it until someone else takes it over (processor.no-owner otherwise).
          ownerUserId: actor.id,
          notes: null,
        }}
        currentFlags={[]}
        options={processorFormOptions({ parents, owners: owners.rows })}
        save={createProcessorFromForm}
        preview={previewNewProcessor}
      />
    </div>
  );
}
