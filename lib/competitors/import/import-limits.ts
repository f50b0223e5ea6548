/** The largest export an upload may be (streamed to disk, never held in memory). */
export const maxImportBytes = 50 * 1024 * 1024;
