/** The write planners of the domain, wired for the pane. Kinds whose builder has not landed stay absent. */
import type { Planners } from "./planners";

export const defaultPlanners: Planners = {};
