import { z } from "zod";

type DefaultedField = readonly [z.ZodType, unknown];

/**
 * Builds a create schema (missing fields take their defaults) and an update schema (every field optional,
 * NO defaults) from one field list. zod's `.partial()` keeps `.default()`, which would silently reset every
 * field an update leaves out; keeping the defaults apart avoids that.
 */
export function withDefaults<R extends Record<string, z.ZodType>, D extends Record<string, DefaultedField>>(required: R, defaulted: D) {
  const createShape: Record<string, z.ZodType> = { ...required };
  const updateShape = {} as Record<string, z.ZodType>;
  for (const [key, schema] of Object.entries(required)) updateShape[key] = schema.optional();
  for (const [key, [schema, fallback]] of Object.entries(defaulted)) {
    createShape[key] = (schema as z.ZodType).default(fallback as never);
    updateShape[key] = (schema as z.ZodType).optional();
  }
  type CreateShape = { [K in keyof R]: R[K] } & { [K in keyof D]: z.ZodDefault<D[K][0]> };
  type UpdateShape = { [K in keyof R]: z.ZodOptional<R[K]> } & { [K in keyof D]: z.ZodOptional<D[K][0]> };
  return {
    create: z.object(createShape) as unknown as z.ZodObject<CreateShape>,
    update: z.object(updateShape) as unknown as z.ZodObject<UpdateShape>,
  };
}
