import type { workspaceZh } from './workspace.zh';
import type { zh } from './zh';

/** Every text the public pages show; both dictionaries must have all of it. */
export type PublicMessages = typeof zh;
/** The signed-in workspaces' texts (workspace.zh.ts / workspace.en.ts), loaded on demand. */
export type WorkspaceMessages = typeof workspaceZh;
/** What `useT()` gives: the workspace sections are there once a signed-in page has loaded them. */
export type Messages = PublicMessages & WorkspaceMessages;
