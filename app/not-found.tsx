import Link from "next/link";

/** A link that no longer leads anywhere (a deleted record, a mistyped address): say so and offer the way back. */
export default function NotFoundPage() {
  return (
    <main className="mx-auto max-w-lg p-10">
      <h1 className="text-xl font-semibold">Page not found</h1>
      <p className="mt-2 text-slate-700">The page or record does not exist, or it was deleted.</p>
      <Link className="mt-4 inline-block text-brand-700 underline" href="/">
        Back to the dashboard
      </Link>
    </main>
  );
}
