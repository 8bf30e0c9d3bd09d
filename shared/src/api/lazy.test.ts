import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { lazySchema } from './lazy.ts';

describe('lazySchema', () => {
  it('builds the schema on first use, once', () => {
    let builds = 0;
    const schema = lazySchema(() => {
      builds += 1;
      return z.object({ n: z.number() });
    });
    expect(builds).toBe(0);
    expect(schema.parse({ n: 1 })).toEqual({ n: 1 });
    expect(schema.safeParse({ n: 'one' }).success).toBe(false);
    expect(builds).toBe(1);
  });

  it('is the schema it wraps: inside other schemas, extended, with its errors and type checks', () => {
    const inner = lazySchema(() => z.object({ at: z.number({ error: 'at must be a number' }) }));
    const outer = z.object({ timer: inner, list: z.array(inner) });
    expect(outer.parse({ timer: { at: 1 }, list: [{ at: 2 }] })).toEqual({ timer: { at: 1 }, list: [{ at: 2 }] });
    const failed = outer.safeParse({ timer: { at: 'x' }, list: [] });
    expect(failed.success).toBe(false);
    expect(failed.error?.issues[0]?.message).toBe('at must be a number');
    expect(inner.extend({ by: z.string() }).parse({ at: 1, by: 'me' })).toEqual({ at: 1, by: 'me' });
    expect(inner instanceof z.ZodType).toBe(true);
    expect(Object.keys(inner.shape)).toEqual(['at']);
    const union = z.discriminatedUnion('type', [lazySchema(() => z.object({ type: z.literal('a') })), z.object({ type: z.literal('b') })]);
    expect(union.parse({ type: 'a' })).toEqual({ type: 'a' });
  });
});
