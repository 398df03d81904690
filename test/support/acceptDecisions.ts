/** Pane tests: tick every decision of a recompute preview, as a user would one by one. */
import type { PaneController } from "../../src/ui/controller";

export function acceptAllDecisions(controller: PaneController): void {
  // One at a time: ticking a decision can turn a parent above it from a decision into a change that follows.
  for (let round = 0; round < 100; round++) {
    const preview = controller.getState().preview;
    if (!preview || !("plan" in preview) || !preview.changes) return;
    const open = preview.changes.find((c) => c.class === "decision" && !preview.accept.includes(c.ref));
    if (!open) return;
    controller.toggleChange(open.ref);
  }
}
