import type { ResourceContract } from "./common";
import { transferContract } from "./transfers";

/*
 * Every resource contract, in the order the OpenAPI document lists their tags. The document (lib/api/openapi.ts)
 * iterates over this list: a resource is described from its contract's schemas, so adding a contract here is
 * what puts its typed rows and records into the document.
 */
export const RESOURCE_CONTRACTS: readonly ResourceContract[] = [transferContract];
