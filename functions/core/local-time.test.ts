import { describe, expect, it } from 'vitest';
import { localInstants, toLocalIso } from './local-time';

describe('local time', () => {
  it('toLocalIso writes an instant with +07:00', () => {
    expect(toLocalIso('2026-12-23T05:00:00.000Z')).toBe('2026-12-23T12:00:00+07:00');
  });

  it('localInstants rewrites every ISO instant at any depth, and nothing else', () => {
    const input = {
      at: '2026-12-23T05:00:00.000Z',
      local: '2026-12-23T12:00:00+07:00',
      date: '2026-12-23',
      text: 'hẹn 2026-12-23T05:00:00Z',
      nested: [{ from: '2026-12-01T01:00:00Z', n: 3, ok: true, none: null }],
    };
    expect(localInstants(input)).toEqual({
      at: '2026-12-23T12:00:00+07:00',
      local: '2026-12-23T12:00:00+07:00',
      date: '2026-12-23',
      text: 'hẹn 2026-12-23T05:00:00Z',
      nested: [{ from: '2026-12-01T08:00:00+07:00', n: 3, ok: true, none: null }],
    });
  });
});
