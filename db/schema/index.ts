export * from "./users";
export * from "./workspaces";
export * from "./access";
export * from "./audit";
export * from "./publish-jobs";
export * from "./publishing";
export * from "./competitors";
export * from "./analytics";
