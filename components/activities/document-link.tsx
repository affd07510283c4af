import { isWebAddress } from "@/lib/api/contracts/activities";

/**
 * A link field of the ICO template (LIA, consent record, breach record, policy document, DPIA) as recorded: a
 * web address as a link, a document reference as text. The contract accepts only http(s) addresses in the
 * address form, and this renders nothing else as a link, so a stored value can never run script.
 */
export function DocumentLink({ value }: { value: string | null }) {
  if (!value) return null;
  if (!isWebAddress(value)) return <span className="wrap-break-word">{value}</span>;
  return (
    <a href={value} className="break-all text-brand-700 underline" rel="noopener noreferrer">
      {value}
    </a>
  );
}
