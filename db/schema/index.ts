export * from "./users";
export * from "./workspaces";
export * from "./access";
export * from "./audit";
export * from "./drafts";
export * from "./note-settings";
export * from "./notifications";
export * from "./media";
