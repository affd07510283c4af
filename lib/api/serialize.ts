import type { Processor } from "@/db/schema";

/** A processor as the API returns it: the row in camelCase, without the internal collision key. */
export function processorJson(processor: Processor) {
  const { normalizedName: _internal, ...visible } = processor;
  return visible;
}
