import { readFileSync } from 'node:fs';
import { Stack } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { CentreProfile } from '../functions/core/centre';
import { agencies } from '../functions/core/seed';
import { webConfig } from '../functions/contracts/web-config';
import { fromRoot } from './constructs/paths';

/**
 * /config.json as the stack writes it beside the pages: the centre (context `centre`, default
 * hanoi: config/<centre>/centre.json), its agencies, and Cognito's managed login (the web
 * client's id; the domain from context `authDomain`, else the pool's prefix domain by convention).
 */
export function webConfigFor(scope: Construct, clientId: string, authDomain?: string) {
  const centreName: unknown = scope.node.tryGetContext('centre');
  const file = fromRoot(`config/${typeof centreName === 'string' ? centreName : 'hanoi'}/centre.json`);
  const centre = CentreProfile.parse(JSON.parse(readFileSync(file, 'utf8')));
  const domain = authDomain ?? `motcua-${centre.code}.auth.${Stack.of(scope).region}.amazoncognito.com`;
  return webConfig(centre, agencies, { kind: 'cognito', domain, clientId });
}
