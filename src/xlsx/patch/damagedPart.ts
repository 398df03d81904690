import { render, type MessageRef } from "../../domain/messages";

/**
 * A part that cannot be read as what its relationship says it is: the message names the part (and the host adds
 * the file's name). Its own module so the package opener (package.ts) and the snapshot reader both raise it.
 */
export class DamagedPartError extends Error {
  constructor(
    readonly part: string,
    readonly reason: MessageRef,
  ) {
    super(`${part}: ${render(reason, "en")}`);
  }
}
