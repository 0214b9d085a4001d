import { createHash } from 'node:crypto';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';

/**
 * Who is asking, for the per-client limits: the source IP API Gateway saw (locally, the
 * socket's address). Behind CloudFront every request comes from an edge, so there the stack
 * sets CLIENT_IP_HEADER=cloudfront-viewer-address (set by CloudFront, "ip:port") — only when the
 * API is reachable through CloudFront alone, since anyone calling the API directly could send it.
 * Stored only as a hash, never logged.
 */
export function clientOf(event: APIGatewayProxyEventV2): string {
  const header = process.env.CLIENT_IP_HEADER?.toLowerCase();
  const viewer = header ? event.headers?.[header] : undefined;
  if (viewer) return viewer.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
  return event.requestContext?.http?.sourceIp ?? 'unknown';
}

/** A short, stable, non-reversible name for a client within a scope (a dossier, the reminders). */
export const clientKey = (scope: string, client: string) => createHash('sha256').update(`${scope}\n${client}`).digest('base64url').slice(0, 22);
