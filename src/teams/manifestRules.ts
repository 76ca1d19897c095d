/** Limits and patterns from the Teams app manifest schema (v1.22) shared by building and checking. */
/** The stand-in id of a draft package built without `MicrosoftAppId`. Teams cannot run a bot with it. */
export const ZERO_GUID = '00000000-0000-0000-0000-000000000000';
export const ICON_SIZES = { color: 192, outline: 32 } as const;
export const PLACEHOLDER = /\$\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;
export const HAS_PLACEHOLDER = /\$\{\{/;
export const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
export const SEMVER = /^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$/;
export const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;
export const HTTPS_URL = /^https:\/\/[^\s/]+/i;
export const BOT_SCOPES = ['personal', 'team', 'groupChat'];

/** A Teams app manifest as JSON. */
export type Manifest = Record<string, unknown>;
