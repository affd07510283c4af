import "server-only";
import { cache } from "react";
import { makeQueryClient } from "./query-client";

/** The request's QueryClient: cache() gives every server component of one request the same one, and no other request. */
export const getServerQueryClient = cache(makeQueryClient);
