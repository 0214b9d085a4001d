import type { ScanCommandInput, ScanCommandOutput } from '@aws-sdk/lib-dynamodb';
import { DocumentCommand } from './client';

export type { ScanCommandInput, ScanCommandOutput };

export class ScanCommand extends DocumentCommand<ScanCommandInput, ScanCommandOutput> {
  readonly operation = 'Scan';
  readonly action = 'dynamodb:Scan';
}
