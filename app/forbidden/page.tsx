import Link from "next/link";

export default function ForbiddenPage() {
  return (
    <main className="mx-auto max-w-lg p-10">
      <h1 className="text-xl font-semibold">Not available for your role</h1>
      <p className="mt-2 text-slate-700">Ask your data protection officer if you need access to this page.</p>
      <Link className="mt-4 inline-block text-brand-700 underline" href="/">
        Back to the dashboard
      </Link>
    </main>
  );
}
