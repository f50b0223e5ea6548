/** The part of s3rver (no published types) that tests/support/s3-server.ts uses. */
declare module "s3rver" {
  type BucketConfig = { name: string; configs: (string | Buffer)[] };
  type Options = { port?: number; address?: string; silent?: boolean; directory: string; configureBuckets?: BucketConfig[] };
  export default class S3rver {
    constructor(options: Options);
    run(): Promise<{ address: string; port: number }>;
    close(): Promise<void>;
  }
}
