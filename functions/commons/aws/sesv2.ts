import type { SESv2ClientResolvedConfig, ServiceInputTypes, ServiceOutputTypes } from '@aws-sdk/client-sesv2';
import { type ClientConfig, JsonClient } from '../aws-json';

/**
 * SES v2 (REST-JSON, signed as `ses` at `email.<region>.amazonaws.com`): commons/aws-json.ts. The
 * one call the code makes is SendEmail (functions/send-email); its errors keep the SDK's names
 * (`x-amzn-errortype`: TooManyRequestsException, MessageRejected, AccountSuspendedException…),
 * which core/email-delivery.ts's isThrottle and isDefiniteRefusal read with `$metadata.httpStatusCode`.
 */
export class SESv2Client extends JsonClient<ServiceInputTypes, ServiceOutputTypes, SESv2ClientResolvedConfig> {
  constructor(config: ClientConfig = {}) {
    super({ json: 'rest', signingName: 'ses', endpointPrefix: 'email', envName: 'SESV2' }, config);
  }
}
export * from './sesv2/SendEmailCommand';
export type { SESv2ClientResolvedConfig, ServiceInputTypes, ServiceOutputTypes } from '@aws-sdk/client-sesv2';
