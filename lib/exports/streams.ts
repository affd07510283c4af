import type { Writable } from "node:stream";

/** Waits until `out` can take more, or fails if it closes first (the client went away). */
export function waitForDrain(out: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    const onDrain = () => settle(resolve);
    const onClose = () => settle(() => reject(new Error("The export output closed before the end.")));
    const onError = (error: Error) => settle(() => reject(error));
    function settle(done: () => void) {
      out.off("drain", onDrain).off("close", onClose).off("error", onError);
      done();
    }
    out.on("drain", onDrain).on("close", onClose).on("error", onError);
  });
}
