import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, Select, TextInput } from "@/components/ui/field";

/** A plain GET form: filters live in the URL, so a filtered view can be shared. */
export async function AuditFilters({
  members,
  values,
}: {
  members: { id: string; name: string }[];
  values: Record<string, string | undefined>;
}) {
  const [t, tc] = await Promise.all([getTranslations("audit"), getTranslations("common")]);
  return (
    <Card className="p-4">
      <form method="get" className="grid items-end gap-3 sm:grid-cols-3 lg:grid-cols-6" aria-label={tc("filter")}>
        <Field label={t("actor")} name="actor">
          <Select name="actor" defaultValue={values.actor ?? ""}>
            <option value="">{tc("all")}</option>
            {members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t("action")} name="action">
          <TextInput name="action" defaultValue={values.action ?? ""} placeholder="members." maxLength={64} />
        </Field>
        <Field label={t("target")} name="targetType">
          <TextInput name="targetType" defaultValue={values.targetType ?? ""} placeholder="member" maxLength={64} />
        </Field>
        <Field label={t("from")} name="from">
          <TextInput name="from" type="date" defaultValue={values.from ?? ""} />
        </Field>
        <Field label={t("to")} name="to">
          <TextInput name="to" type="date" defaultValue={values.to ?? ""} />
        </Field>
        <div className="flex gap-2">
          <Button type="submit">{tc("filter")}</Button>
          <a href="?" className="rounded-lg px-3 py-2 text-sm text-zinc-500 hover:bg-zinc-100 dark:hover:bg-zinc-800">
            {tc("reset")}
          </a>
        </div>
      </form>
    </Card>
  );
}
