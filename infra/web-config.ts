import { Stack } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { CentreConfig } from './centre';
import { webConfig } from '../functions/contracts/web-config';

/**
 * /config.json as the stack writes it beside the pages: the stack's centre, its agencies and
 * branches, and Cognito's managed login (the web
 * client's id; the domain from context `authDomain`, else the user pool's own domain).
 */
export function webConfigFor(scope: Construct, centreConfig: CentreConfig, clientId: string, authDomain: string | undefined, origin: string) {
  const { profile: centre, agencies } = centreConfig.catalogue;
  // the user pool domain of infra/constructs/identity.ts (the same prefix rule as infra/stack.ts)
  const domain = authDomain ?? `${centre.signInDomainPrefix ?? `motcua-${centre.code}`}.auth.${Stack.of(scope).region}.amazoncognito.com`;
  return webConfig({ ...centre, portalUrl: origin }, agencies, { kind: 'cognito', domain, clientId });
}
