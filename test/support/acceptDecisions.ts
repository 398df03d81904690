/** Pane tests: tick every decision of a recompute preview, as the pane's "tick every decision" does. */
import type { PaneController } from "../../src/ui/controller";

export function acceptAllDecisions(controller: PaneController): void {
  controller.acceptAllDecisions();
}
