import { Writable } from "stream";
import { streamWriter } from "../../src/cli/io";

describe("streamWriter", () => {
  it("drops output quietly once the reader has gone (EPIPE) and still completes its flush", async () => {
    let attempts = 0;
    const closedPipe = new Writable({
      write(_chunk, _encoding, callback) {
        attempts++;
        callback(Object.assign(new Error("write EPIPE"), { code: "EPIPE" }));
      },
    });
    const out = streamWriter(closedPipe);
    out.write("first\n");
    await out.flush();
    out.write("second\n");
    await out.flush();
    expect(attempts).toBe(1);
  });

  it("passes text through to a working stream", async () => {
    const chunks: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        chunks.push(chunk.toString());
        callback();
      },
    });
    const out = streamWriter(sink);
    out.write("a");
    out.write("b");
    await out.flush();
    expect(chunks.join("")).toBe("ab");
  });
});
