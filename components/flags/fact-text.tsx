import type { FactPart } from "./format";

/** Text with the identifiers in it marked as code (a flag's facts and message: lib parts of ./format.ts). */
export function FactText({ parts }: { parts: readonly FactPart[] }) {
  return (
    <>
      {parts.map((part, index) =>
        part.code ? (
          <code key={index} className="text-[0.95em]">
            {part.text}
          </code>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </>
  );
}
