"use client";

import { useEffect, useRef, useState } from "react";
import type { ActionResult } from "@/lib/auth/guard";
import type { ChangePreview, FlagPreview } from "./flag-preview";

// Predicting re-runs the write and the rules: wait until the user pauses typing.
const PREVIEW_DELAY_MS = 400;

export interface FlagPrediction {
  /** null until the first answer. */
  predicted: FlagPreview[] | null;
  error: string | null;
  /** The values do not pass the schema yet: nothing was asked. */
  incomplete?: boolean;
}

/**
 * Asks the server which flags the form's values would leave open, again each time they change (debounced);
 * an answer to an older request is ignored. `predict` must be stable (a server action, or useCallback).
 * Values the schema refuses are not sent (`valid` false): the server would refuse them too.
 */
export function useFlagPrediction<V>(predict: (values: V) => Promise<ActionResult<ChangePreview>>, values: V, valid = true): FlagPrediction {
  const [state, setState] = useState<FlagPrediction>({ predicted: null, error: null });
  const request = useRef(0);

  useEffect(() => {
    const current = ++request.current;
    const timer = setTimeout(async () => {
      if (!valid) {
        setState({ predicted: null, error: null, incomplete: true });
        return;
      }
      const result = await predict(values);
      if (current !== request.current) return;
      setState((previous) => (result.ok ? { predicted: result.data.flags, error: null } : { predicted: previous.predicted, error: result.error.message }));
    }, PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [values, predict, valid]);

  return state;
}
