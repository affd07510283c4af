"use server";

import { ALL_ROLES, action } from "@/lib/auth/guard";
import { changeOwnLocale, rememberLocaleCookie } from "@/lib/auth/locale-preference";
import type { ServiceContext } from "@/lib/services/context";
import type { ChooseLocaleRequest, ChosenLocale } from "@/components/layout/language-switch-types";

/**
 * The app shell's language switch: stores the choice on the account (audited; it follows the user to another
 * browser at sign-in) and in this browser's cookie, which the next render reads. Every role may choose.
 */
export const chooseLocale = action(
  { roles: ALL_ROLES },
  async ({ ctx, input }: { ctx: ServiceContext; input: ChooseLocaleRequest }): Promise<ChosenLocale> => {
    // Arguments of a server action come from the network: the service parses them.
    const { record } = await changeOwnLocale({ ctx, input });
    const locale = record.locale!;
    await rememberLocaleCookie(locale);
    return { locale };
  },
);
