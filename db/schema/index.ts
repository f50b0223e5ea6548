export * from "./users";
export * from "./workspaces";
export * from "./access";
export * from "./audit";
export * from "./memories";
