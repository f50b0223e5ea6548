/**
 * What leaves the server about an account (API answers, client components): everything except
 * the encrypted secrets, with the publisher's secret fields only named as "set".
 */
import type { Account } from "@/db/schema";
import type { BreakerSnapshot } from "@/lib/http/circuit-breaker";
import { secretFieldsSet } from "./publisher-settings";

export type AccountView = Omit<Account, "publisherSecrets" | "publisherConfig" | "publisherId" | "workspaceId"> & {
  publisher: { id: string; config: Record<string, unknown>; secretsSet: string[] };
  breaker?: BreakerSnapshot;
};

export function toAccountView(account: Account, breaker?: BreakerSnapshot): AccountView {
  const { publisherSecrets: _secrets, publisherConfig, publisherId, workspaceId: _ws, ...rest } = account;
  return {
    ...rest,
    publisher: { id: publisherId, config: publisherConfig, secretsSet: secretFieldsSet(account) },
    ...(breaker ? { breaker } : {}),
  };
}
