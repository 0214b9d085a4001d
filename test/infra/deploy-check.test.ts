import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const check = (...args: string[]) => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/deploy-check.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 180_000 });
  return { status: r.status, lines: r.stdout.trim().split('\n') };
};

/** `npm run deploy:check`: what a first deploy still lacks, on the shipped folder and on a ready one. */
describe('the preflight', () => {
  it("blocks Hanoi's shipped folder, naming each example address, and still synthesizes it as a trial", () => {
    const { status, lines } = check();
    expect(status).toBe(1);
    const blocks = lines.filter((l) => l.startsWith('BLOCKS'));
    expect(blocks.join('\n')).toMatch(/sender\.domain motcua\.hanoi\.example\.gov\.vn is an example domain/);
    // no domain: a trial on the distribution's own name, said as such
    expect(lines).toContainEqual(expect.stringMatching(/^TODO +config\/hanoi\/centre\.json: no domain: a trial/));
    expect(blocks.join('\n')).toMatch(/alarmEmail ops@hanoi\.example\.gov\.vn is an example address/);
    expect(blocks.join('\n')).toMatch(/agencies\.json: TTHCC, STP, SXD, SYT, SDL, CATP have example addresses/);
    expect(lines).toContainEqual(expect.stringMatching(/^OK +region ap-southeast-1/));
    expect(lines).toContainEqual(expect.stringMatching(/^OK +the stack synthesizes: \d+ resources \(as a dev stack/));
  }, 200_000);

  it('lets a ready folder through, with what is left to do after the deploy', () => {
    const { status, lines } = check('-c', 'centre=test/fixtures/centre-demo');
    expect(lines.filter((l) => l.startsWith('BLOCKS'))).toEqual([]);
    expect(status).toBe(0);
    expect(lines).toContainEqual(expect.stringMatching(/^TODO +after the deploy, publish the DNS records of the outputs DnsRecord1\.\.6 for dichvucong\.tinhthunghiem\.gov\.vn/));
    expect(lines).toContainEqual(expect.stringMatching(/^OK +region ap-southeast-2/));
  }, 200_000);

  it("names a folder that is not a centre's", () => {
    const { status, lines } = check('-c', 'centre=test/fixtures/no-such-centre');
    expect(status).toBe(1);
    expect(lines[0]).toMatch(/^BLOCKS .*no-such-centre is not a centre's folder: it has no centre\.json/);
  }, 200_000);
});
