/** The sidebar's sections, in order, with the permission each needs to appear. */
import {
  BarChart3,
  BookOpen,
  Brain,
  CalendarDays,
  FileText,
  LayoutDashboard,
  ScrollText,
  Settings,
  Users,
  type LucideIcon,
} from "lucide-react";
import type { Permission } from "@/lib/auth/permissions";

export const navItems = [
  { key: "dashboard", path: "dashboard", icon: LayoutDashboard, permission: null },
  { key: "accounts", path: "accounts", icon: Users, permission: "accounts.read" },
  { key: "drafts", path: "drafts", icon: FileText, permission: "drafts.read" },
  { key: "calendar", path: "calendar", icon: CalendarDays, permission: "schedules.read" },
  { key: "competitors", path: "competitors", icon: BarChart3, permission: "competitors.read" },
  { key: "planning", path: "planning", icon: BookOpen, permission: "drafts.read" },
  { key: "memories", path: "memories", icon: Brain, permission: "memories.read" },
  { key: "settings", path: "settings", icon: Settings, permission: null },
  { key: "audit", path: "audit", icon: ScrollText, permission: "audit.read" },
] as const satisfies readonly { key: string; path: string; icon: LucideIcon; permission: Permission | null }[];
