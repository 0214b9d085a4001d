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
    // as CloudFormation counts them: every resource of the template, CDKMetadata included
    expect(lines).toContainEqual(expect.stringMatching(/^OK +stack Motcua \(ap-southeast-1\): \d+ resources of CloudFormation's 500$/));
    expect(lines).toContainEqual(expect.stringMatching(/^OK +cdk-nag AwsSolutions: no finding$/));
    expect(lines).toContainEqual(expect.stringMatching(/^OK +a failed first deploy leaves nothing behind/));
    expect(lines).toContainEqual(expect.stringMatching(/^TODO +before the first deploy, bootstrap aws:\/\/<account>\/ap-southeast-1: /));
    expect(lines).toContainEqual(expect.stringMatching(/^OK +no edge WAF \(-c edgeWaf=true adds the stack MotcuaEdge in us-east-1/));
    expect(lines).toContainEqual(expect.stringMatching(/^OK +the stacks synthesize: Motcua \(as a dev stack/));
  }, 200_000);

  it('lets a ready folder through, with what is left to do after the deploy; with the edge WAF, both stacks and both regions to bootstrap; what a failed first deploy leaves', () => {
    const { status, lines } = check('-c', 'centre=test/fixtures/centre-demo', '-c', 'edgeWaf=true');
    expect(lines.filter((l) => l.startsWith('BLOCKS'))).toEqual([]);
    expect(status).toBe(0);
    expect(lines).toContainEqual(expect.stringMatching(/^TODO +after the deploy, publish the DNS records of the outputs DnsRecord1\.\.6 for dichvucong\.tinhthunghiem\.gov\.vn/));
    expect(lines).toContainEqual(expect.stringMatching(/^OK +region ap-southeast-2/));
    expect(lines).toContainEqual(expect.stringMatching(/^OK +stack MotcuaEdge \(us-east-1\): \d+ resources of CloudFormation's 500$/));
    expect(lines).toContainEqual(expect.stringMatching(/^OK +stack Motcua \(ap-southeast-2\): \d+ resources of CloudFormation's 500$/));
    expect(lines).toContainEqual(expect.stringMatching(/^TODO +before the first deploy, bootstrap aws:\/\/<account>\/us-east-1 and aws:\/\/<account>\/ap-southeast-2: npx cdk bootstrap/));
    expect(lines).toContainEqual(expect.stringMatching(/^TODO +the edge WAF's stack MotcuaEdge lives in us-east-1/));
    // production: the data is retained, and a failed first deploy leaves it behind
    const retained = lines.find((l) => l.startsWith('WARN') && l.includes('a failed first deploy leaves'));
    expect(retained).toMatch(/leaves \d+ retained resource\(s\) behind.*AWS::DynamoDB::Table ×1.*/);
    expect(retained).toMatch(/AWS::Cognito::UserPool ×1/);
  }, 200_000);

  it("names a folder that is not a centre's", () => {
    const { status, lines } = check('-c', 'centre=test/fixtures/no-such-centre');
    expect(status).toBe(1);
    expect(lines[0]).toMatch(/^BLOCKS .*no-such-centre is not a centre's folder: it has no centre\.json/);
  }, 200_000);
});
