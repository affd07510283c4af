import { z } from "zod";
import { enumField } from "@/lib/validation/enum-field";
import { ACTIVITY_REVIEW_ACTIONS, activityContract, activityReviewOperation, approveActivityBody, rejectActivityBody } from "./activities";
import { agreementContract } from "./agreements";
import type { ResourceContract } from "./common";
import { dataCategoryContract } from "./data-categories";
import { entityContract } from "./entities";
import { flagAcceptOperations, flagContract } from "./flags";
import { processorContract, processorDuplicatesOperation, processorReviewOperation, rejectProcessorBody, submitProcessorBody } from "./processors";
import { transferContract } from "./transfers";
import { noticeContract, noticeCustomOperations, noticeStatementContract } from "./notices";

/*
 * Every resource contract, in the order the OpenAPI document (lib/api/openapi.ts) lists them: a resource is
 * described from its contract's schemas, so adding a contract here is what puts its typed rows and records into
 * the document. A resource's endpoints beyond the standard five are its `customOperations`, described here from
 * the operation objects its contract module exports.
 */

const processors: ResourceContract = {
  ...processorContract,
  customOperations: [
    {
      method: "post",
      pathSuffix: "/{id}/{action}",
      pathParams: { action: enumField("reviewAction") },
      operationId: processorReviewOperation.operationId,
      summary: processorReviewOperation.summary,
      description: processorReviewOperation.description,
      roles: processorReviewOperation.roles,
      // submit and approve take the same body; reject requires the comment.
      body: z.union([submitProcessorBody, rejectProcessorBody]),
      bodyComponents: { ReviewInput: submitProcessorBody, RejectInput: rejectProcessorBody },
      bodyOptional: true,
      ifMatch: true,
      response: "record",
      problems: {
        "404": "No processor has this id, or the action is not submit, approve or reject",
        "409": "The processor changed since that version, or its status does not allow the action (e.g. approving an approved vendor)",
        "403": "The role may not do this: approve and reject are for the DPO; an engineer submits only the vendors they registered",
      },
    },
    {
      method: "get",
      pathSuffix: "/duplicates",
      operationId: processorDuplicatesOperation.operationId,
      summary: processorDuplicatesOperation.summary,
      roles: processorDuplicatesOperation.roles,
      query: processorDuplicatesOperation.query,
      response: processorDuplicatesOperation.response,
      responseName: "ProcessorDuplicates",
      problems: { "422": "Neither name nor website was given, or a parameter is invalid" },
    },
  ],
};

const { accept, bulkAccept } = flagAcceptOperations;
const flags: ResourceContract = {
  ...flagContract,
  // "Flag" is the stored flag (what a record's `flags` and an acceptance answer); GET /flags/{id} adds names to it.
  recordName: "FlagDetail",
  customOperations: [
    {
      method: accept.method,
      pathSuffix: "/{id}/accept",
      ...accept.meta,
      body: accept.body,
      bodyComponents: { FlagAccept: accept.body },
      ifMatch: true,
      response: z.object({ data: accept.response }),
      responseName: "FlagAcceptResponse",
      problems: { "409": "The flag changed since that version, or it is resolved" },
    },
    {
      method: bulkAccept.method,
      pathSuffix: "/accept",
      ...bulkAccept.meta,
      body: bulkAccept.body,
      bodyComponents: { FlagBulkAccept: bulkAccept.body },
      response: bulkAccept.response,
      responseName: "FlagBulkAcceptResponse",
      problems: {
        "404": "One of the ids is not a flag",
        "409": "One of the flags changed since the version sent, or is resolved; nothing was accepted",
      },
    },
  ],
};

const activities: ResourceContract = {
  ...activityContract,
  customOperations: [
    {
      method: "post",
      pathSuffix: "/{id}/{action}",
      pathParams: { action: enumField("reviewAction", ACTIVITY_REVIEW_ACTIONS) },
      operationId: activityReviewOperation.operationId,
      summary: activityReviewOperation.summary,
      description: activityReviewOperation.description,
      roles: activityReviewOperation.roles,
      // approve takes the version and an optional comment; reject requires the comment.
      body: z.union([approveActivityBody, rejectActivityBody]),
      bodyComponents: { ActivityReviewInput: approveActivityBody, ActivityRejectInput: rejectActivityBody },
      bodyOptional: true,
      ifMatch: true,
      response: "record",
      problems: {
        "404": "No processing activity has this id, or the action is not approve or reject",
        "409": "The activity changed since that version, or it is not submitted (e.g. approving an approved activity)",
        "403": "Only the DPO reviews processing activities",
      },
    },
  ],
};

const dataCategories: ResourceContract = {
  ...dataCategoryContract,
  idParam: { name: "key", schema: z.string().meta({ examples: ["user.biometric.face"] }), description: "The category's dotted key" },
  listDescription: "Every matching category, or one page of them when `page` or `pageSize` is given",
};

// The privacy notice (issue 18): its versions, with their statements and generated sections as custom operations.
const noticesResource: ResourceContract = { ...noticeContract, customOperations: noticeCustomOperations };

export const RESOURCE_CONTRACTS: readonly ResourceContract[] = [processors, transferContract, flags, dataCategories, agreementContract, activities, entityContract, noticesResource, noticeStatementContract];
