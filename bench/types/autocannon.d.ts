/**
 * Minimal typings for the parts of autocannon 8 the bench harness uses (the package ships
 * none and @types/autocannon is not installed). Extend when a suite needs more options.
 */
declare module "autocannon" {
  import type { EventEmitter } from "node:events";

  namespace autocannon {
    type Headers = Record<string, string | string[]>;

    interface Request {
      method?: string;
      path?: string;
      headers?: Record<string, string>;
      body?: string | Buffer;
      /** Rebuilds the request before each send (per-request bodies); must return it. */
      setupRequest?: (req: Request, context: Record<string, unknown>) => Request;
      /** Called for every response (status, body, per-client context, response headers). */
      onResponse?: (status: number, body: string, context: Record<string, unknown>, headers: Headers) => void;
    }

    /** An autocannon HTTP client (one per connection); emits "response" (status, bytes, ms, rate). */
    interface Client extends EventEmitter {}

    interface Options {
      url: string;
      connections?: number;
      duration?: number;
      /** Stop after this many requests (duration is then ignored). */
      amount?: number;
      method?: string;
      headers?: Record<string, string>;
      body?: string | Buffer;
      timeout?: number;
      pipelining?: number;
      requests?: Request[];
      setupClient?: (client: Client) => void;
      excludeErrorStats?: boolean;
    }

    interface Histogram {
      average: number;
      mean: number;
      stddev: number;
      min: number;
      max: number;
      total: number;
      p0_001: number;
      p0_01: number;
      p0_1: number;
      p1: number;
      p2_5: number;
      p10: number;
      p25: number;
      p50: number;
      p75: number;
      p90: number;
      p97_5: number;
      p99: number;
      p99_9: number;
      p99_99: number;
      p99_999: number;
      totalCount?: number;
      sent?: number;
    }

    interface Result {
      url: string;
      connections: number;
      duration: number;
      samples: number;
      start: Date;
      finish: Date;
      errors: number;
      timeouts: number;
      mismatches: number;
      non2xx: number;
      resets: number;
      "1xx": number;
      "2xx": number;
      "3xx": number;
      "4xx": number;
      "5xx": number;
      statusCodeStats: Record<string, { count: number }>;
      latency: Histogram;
      requests: Histogram;
      throughput: Histogram;
    }
  }

  function autocannon(options: autocannon.Options): Promise<autocannon.Result>;
  export default autocannon;
}
