/** The time slice gives the event loop turns only when its slice is spent, and always on yieldNow. */
import { describe, expect, it } from "vitest";
import { createTimeSlice } from "@/lib/background/time-slice";

describe("createTimeSlice", () => {
  it("keeps the loop while the slice lasts", async () => {
    const slice = createTimeSlice(60_000);
    let ran = false;
    setImmediate(() => (ran = true));
    for (let i = 0; i < 1_000; i++) await slice.pause();
    expect(ran).toBe(false);
    expect(slice.turns).toBe(0);
  });

  it("lets waiting callbacks run once the slice is spent, and on yieldNow", async () => {
    const spent = createTimeSlice(0);
    let ran = 0;
    setImmediate(() => ran++);
    await spent.pause();
    expect(ran).toBe(1);
    setImmediate(() => ran++);
    await createTimeSlice(60_000).yieldNow();
    expect(ran).toBe(2);
    expect(spent.turns).toBe(1);
  });
});
