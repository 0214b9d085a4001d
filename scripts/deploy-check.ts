import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { FAIL_SYNTH_ON_VALIDATION_ERRORS_CONTEXT, VALIDATION_REPORT_FILE } from 'aws-cdk-lib/cx-api';
import { readCentre, isExampleDomain, type CentreConfig } from '../infra/centre';
import { projectRoot } from '../infra/constructs/paths';
import { addCentreStacks, edgeWafOn } from '../infra/stacks';
import { nagFindings, nagViolations, resourceFindings, retainedFindings, type Level, type SynthesizedStack } from './preflight';

/**
 * `npm run deploy:check [-- -c centre=config/<folder>] [-- -c environment=dev] [-- -c edgeWaf=true]`:
 * synthesize the stacks as `cdk deploy` would (without bundling; cdk-nag on; CDKMetadata in, as
 * the CLI adds it) and list what a first deploy still lacks: resources per stack as CloudFormation
 * counts them, cdk-nag's findings, the regions to bootstrap (us-east-1 too with the edge WAF),
 * and what a failed first deploy would leave behind (scripts/preflight.ts). Exit 1 if anything blocks.
 */
const args = process.argv.slice(2);
const context: Record<string, string> = JSON.parse(readFileSync(join(projectRoot, 'cdk.json'), 'utf8')).context ?? {};
for (let i = 0; i < args.length; i++) {
  const pair = args[i] === '-c' || args[i] === '--context' ? args[++i] : args[i]?.startsWith('--context=') ? args[i]!.slice(10) : undefined;
  const [k, ...v] = (pair ?? '').split('=');
  if (k && v.length) context[k] = v.join('=');
}

const findings: { level: Level; what: string }[] = [];
const note = (level: Level, what: string) => findings.push({ level, what });

let centre: CentreConfig | undefined;
try {
  centre = readCentre(context.centre, context.environment);
} catch (error) {
  // An example sender refuses a production synth; the checks below name it, on what a dev stack sees.
  try {
    centre = readCentre(context.centre, 'dev');
  } catch (again) {
    note('BLOCKS', (again as Error).message);
  }
}

if (centre) {
  const p = centre.catalogue.profile;
  const where = `${context.centre ?? 'config/hanoi'}/centre.json`;
  note('OK', `region ${p.region} (from ${where}; the CLI's default region is ignored)`);
  if (isExampleDomain(p.sender.domain)) note('BLOCKS', `${where}: sender.domain ${p.sender.domain} is an example domain: no mail can be sent from it`);
  else note('TODO', `after the deploy, publish the DNS records of the outputs DnsRecord1..6 for ${p.sender.domain}${p.sender.hostedZoneId ? ' (made in the hosted zone)' : ''}, and ask AWS to leave the SES sandbox`);
  if (!p.domain) {
    note('TODO', `${where}: no domain: a trial — the pages, the sign-in and the letters' links use the distribution's own https://<id>.cloudfront.net (output WebUrl); set domain for the centre's name`);
  } else if (isExampleDomain(p.domain)) {
    note('BLOCKS', `${where}: domain ${p.domain} is an example domain: the sign-in would come back nowhere and the letters' links would point nowhere`);
  } else {
    note('TODO', `${p.domain}: its certificate lives in the edge stack MotcuaEdge (us-east-1, bootstrapped as below); deploy with --all`);
    note('TODO', p.domainHostedZoneId
      ? `${p.domain}: the certificate is validated and the alias records made in hosted zone ${p.domainHostedZoneId}`
      : `${p.domain}: during the deploy publish the certificate's DNS validation record (aws acm describe-certificate --region us-east-1), then the output PagesDnsRecord`);
  }
  if (!p.alarmEmail) note('BLOCKS', `${where}: alarmEmail is not set: no alarm would reach anyone`);
  else if (isExampleDomain(p.alarmEmail.split('@')[1]!)) note('BLOCKS', `${where}: alarmEmail ${p.alarmEmail} is an example address: no alarm would reach anyone`);
  else note('TODO', `after the deploy, ${p.alarmEmail} confirms the SNS subscription (a link in an email from AWS)`);
  const exampleAgencies = centre.catalogue.agencies.filter((a) => isExampleDomain(a.email.split('@')[1]!));
  const named = (codes: string[]) => (codes.length > 12 ? `${codes.slice(0, 10).join(', ')} and ${codes.length - 10} more` : codes.join(', '));
  if (exampleAgencies.length) note('BLOCKS', `agencies.json: ${named(exampleAgencies.map((a) => a.code))} have example addresses: their due-time warnings would go nowhere`);
  note('OK', `${centre.catalogue.agencies.length} agencies, ${(p.branches ?? []).length} branch desk(s), ${centre.catalogue.procedures.length} procedures, ${centre.catalogue.calendars.length} calendar year(s) of the centre's own (plus the national ones)`);
  note('TODO', `sign-in domain ${p.signInDomainPrefix ?? `motcua-${p.code}`}.auth.${p.region}.amazoncognito.com must be free (set signInDomainPrefix in ${where} if it is taken)`);

  try {
    const outdir = mkdtempSync(join(tmpdir(), 'motcua-check-'));
    const app = new App({
      outdir,
      // as the CLI synthesizes for a deploy: version reporting (CDKMetadata, a resource CloudFormation
      // counts); no bundling; the 500 limit counted here rather than thrown; nag findings reported
      analyticsReporting: true,
      context: {
        ...context,
        environment: centre.dev ? 'dev' : undefined,
        'aws:cdk:bundling-stacks': [],
        '@aws-cdk/core:stackResourceLimit': 0,
        [FAIL_SYNTH_ON_VALIDATION_ERRORS_CONTEXT]: false,
      } as Record<string, unknown>,
    });
    const account = process.env.CDK_DEFAULT_ACCOUNT;
    const edgeWaf = edgeWafOn(app);
    addCentreStacks(app, centre, account ?? '000000000000', edgeWaf);
    const assembly = app.synth();
    const stacks: SynthesizedStack[] = assembly.stacks.map((st) => ({ name: st.stackName, region: st.environment.region, template: st.template }));
    const reportFile = join(assembly.directory, VALIDATION_REPORT_FILE);
    const violations = existsSync(reportFile) ? nagViolations(JSON.parse(readFileSync(reportFile, 'utf8'))) : [];
    for (const f of [...resourceFindings(stacks), ...nagFindings(violations), ...retainedFindings(stacks)]) note(f.level, f.what);
    note('OK', `the stacks synthesize: ${stacks.map((st) => st.name).join(', ')}${centre.dev ? ' (as a dev stack: nothing of the data retained)' : ''}`);
    const who = account ?? '<account>';
    const regions = [...new Set(stacks.map((st) => st.region))];
    note('TODO', `before the first deploy, bootstrap ${regions.map((r) => `aws://${who}/${r}`).join(' and ')}: npx cdk bootstrap ${regions.map((r) => `aws://${who}/${r}`).join(' ')}`);
    if (edgeWaf) {
      note('TODO', `the edge WAF's stack MotcuaEdge lives in us-east-1 (CloudFront's WAF region): bootstrap us-east-1 as above, and deploy with npx cdk deploy --all -c edgeWaf=true`);
    } else if (p.domain) {
      note('OK', `no edge WAF (-c edgeWaf=true adds it to the stack MotcuaEdge, in us-east-1 already for ${p.domain}'s certificate)`);
    } else {
      note('OK', 'no edge WAF (-c edgeWaf=true adds the stack MotcuaEdge in us-east-1, which must then be bootstrapped too)');
    }
  } catch (error) {
    note('BLOCKS', `synth: ${(error as Error).message}`);
  }
}

const order: Level[] = ['BLOCKS', 'WARN', 'TODO', 'OK'];
for (const level of order) for (const f of findings.filter((x) => x.level === level)) console.log(`${level.padEnd(6)} ${f.what}`);
const blocking = findings.filter((f) => f.level === 'BLOCKS').length;
console.log(blocking ? `\n${blocking} điều chặn lần triển khai đầu tiên / ${blocking} thing(s) block a first deploy.` : '\nKhông có gì chặn lần triển khai đầu tiên / Nothing blocks a first deploy.');
process.exit(blocking ? 1 : 0);
