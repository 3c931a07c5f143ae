/**
 * The iframe's message API (embed.html). Commands come from the host page by postMessage and are
 * obeyed only from the origins listed in `?allow=` (comma-separated); from any other origin they are
 * ignored. Each obeyed command is answered with the demo's state; the demo's events go to the allowed
 * origins only (the browser drops a message whose target origin is not the parent's).
 *
 * Command: `{ nozama: 1, command: 'play' | 'pause' | 'restart' | 'speed' | 'step', value?: number }`.
 * Event: `{ nozama: 1, event: 'ready' | 'goal' | 'rollback' | 'error' | 'state', ... }`.
 */
import * as v from 'valibot';

export const CommandSchema = v.variant('command', [
  v.object({ nozama: v.literal(1), command: v.picklist(['play', 'pause', 'restart']) }),
  v.object({ nozama: v.literal(1), command: v.literal('speed'), value: v.picklist([1, 4, 16, 64]) }),
  v.object({
    nozama: v.literal(1),
    command: v.literal('step'),
    value: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(600)),
  }),
]);

export type Command = v.InferOutput<typeof CommandSchema>;

/** The allowed origins from `?allow=`: each a full origin (`https://blog.example.org`), no wildcards. */
export function allowedOrigins(allow: string | null): string[] {
  if (!allow) return [];
  const out: string[] = [];
  for (const part of allow.split(',')) {
    try {
      const url = new URL(part.trim());
      if (
        (url.protocol === 'https:' || url.protocol === 'http:') &&
        url.origin === part.trim().replace(/\/$/, '')
      )
        out.push(url.origin);
    } catch {
      // Not an origin: left out.
    }
  }
  return out;
}

export function parseCommand(data: unknown): Command | null {
  const r = v.safeParse(CommandSchema, data);
  return r.success ? r.output : null;
}
