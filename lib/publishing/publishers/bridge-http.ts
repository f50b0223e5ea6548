/** The bridge's HTTP basics: its URL, the optional Bearer token, and its JSON envelope. */
export type BridgeEnvelope = {
  success?: boolean;
  data?: Record<string, unknown>;
  message?: string;
  error?: string;
  code?: string;
  details?: unknown;
};

export const bridgeHeaders = (config: { token?: string }): Record<string, string> => ({
  "content-type": "application/json",
  ...(config.token ? { authorization: `Bearer ${config.token}` } : {}),
});

export const bridgeUrl = (config: { baseUrl: string }, path: string) => `${config.baseUrl.replace(/\/+$/, "")}${path}`;

export async function envelopeOf(res: Response): Promise<BridgeEnvelope | null> {
  try {
    return (await res.json()) as BridgeEnvelope;
  } catch {
    return null;
  }
}
