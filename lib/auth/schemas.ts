/** Input shapes shared by forms, actions and the REST API. */
import { z } from "zod";
import { roles } from "./permissions";

export const emailSchema = z.string().trim().toLowerCase().pipe(z.email().max(254));
export const passwordSchema = z.string().min(8).max(200);
export const personNameSchema = z.string().trim().min(1).max(80);
export const roleSchema = z.enum(roles);
export const localeSchema = z.enum(["zh-CN", "en"]);

export const signInSchema = z.object({ email: emailSchema, password: z.string().min(1).max(200) });

export const changePasswordSchema = z.object({ currentPassword: z.string().min(1).max(200), newPassword: passwordSchema }).strict();
