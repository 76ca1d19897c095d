import { z } from 'zod';
import { ConfigError } from '../config';

/** What the Teams package needs from the bot's settings: the app id and the public address. */
export interface PackageEnv {
  appId: string;
  publicUrl?: string;
}

const emptyToUndefined = (value: unknown): unknown => (typeof value === 'string' && value.trim() === '' ? undefined : value);

/**
 * Only the keys the package uses are read and checked. A package holds no secret, so MicrosoftAppPassword
 * (which the bot itself requires with an app id) is neither needed nor looked at, and a setting the
 * package does not use (a bad PORT, say) does not stop it. PUBLIC_URL follows the bot's rule (src/config.ts).
 */
const schema = z.object({
  MicrosoftAppId: z.preprocess(emptyToUndefined, z.string().trim().optional()),
  PUBLIC_URL: z.preprocess(
    emptyToUndefined,
    z.url({ protocol: /^https?$/, error: 'expected an http(s) URL such as https://bot.example.org' }).optional(),
  ),
});

/** Reads the app id and public address; throws ConfigError naming each bad key. */
export function readPackageEnv(env: NodeJS.ProcessEnv): PackageEnv {
  const parsed = schema.safeParse(env);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  return { appId: parsed.data.MicrosoftAppId ?? '', publicUrl: parsed.data.PUBLIC_URL?.replace(/\/+$/, '') };
}
