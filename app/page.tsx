import { redirect } from "next/navigation";
import { cookies } from "next/headers";
import { getDb } from "@/lib/database";
import { getSessionUser } from "@/lib/next/session-context";
import { workspaceCookie } from "@/lib/next/resolve-context";
import { isSetUp } from "@/lib/setup/complete-setup";
import { listUserWorkspaces } from "@/lib/workspaces/queries";

export const dynamic = "force-dynamic";

export default async function Home() {
  const db = getDb();
  if (!(await isSetUp(db))) redirect("/setup");
  const user = await getSessionUser();
  if (!user) redirect("/login");
  const workspaces = await listUserWorkspaces(db, user.id);
  const last = (await cookies()).get(workspaceCookie)?.value;
  const target = workspaces.find((w) => w.slug === last) ?? workspaces[0];
  if (!target) redirect("/login?reason=session");
  redirect(`/${target.slug}/dashboard`);
}
