import { handlers } from "@/lib/next/auth";

export const { GET, POST } = handlers;
