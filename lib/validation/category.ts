import { z } from "zod";
import { CCPA_CATEGORIES, DOJ_CATEGORIES } from "@/db/schema/enums";
import { version } from "./common";

/** A DPO may correct how a category is classified under each regime; the key and the tree stay fixed. */
export const updateCategoryClassificationInput = z
  .object({
    version,
    gdprSpecial: z.boolean(),
    ccpaCategory: z.enum(CCPA_CATEGORIES).nullable(),
    ccpaSensitive: z.boolean(),
    piplSensitive: z.boolean(),
    dojCategory: z.enum(DOJ_CATEGORIES),
    dojListedIdentifier: z.boolean(),
  })
  .partial()
  .required({ version: true })
  .strict();
