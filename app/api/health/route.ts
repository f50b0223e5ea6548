/** Liveness: the process answers. No I/O, so a slow database never restarts healthy instances. */
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ status: "ok", time: new Date().toISOString() });
}
