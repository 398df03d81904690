/** Imported first by every test here: the Office tests that follow run through Microsoft's Office.js client. */
import { setClientMode } from "../clientMode";

setClientMode("office-js");
