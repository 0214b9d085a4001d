import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, ProjectionType, StreamViewType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { table as schema } from '../registry';

export interface DataProps {
  /** Deletion protection on the table; also RETAIN on table and key. */
  deletionProtection: boolean;
}

/** The single DynamoDB table (the registry's key schema), encrypted with a customer-managed KMS key. */
export class Data extends Construct {
  readonly table: Table;
  readonly key: Key;

  constructor(scope: Construct, id: string, props: DataProps) {
    super(scope, id);
    const removalPolicy = props.deletionProtection ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

    this.key = new Key(this, 'TableKey', {
      description: 'motcua: encryption of the dossier table (holds applicant PII)',
      enableKeyRotation: true,
      removalPolicy,
    });

    this.table = new Table(this, 'Table', {
      partitionKey: { name: 'PK', type: AttributeType.STRING },
      sortKey: { name: 'SK', type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: this.key,
      timeToLiveAttribute: schema.ttlAttribute,
      // the outbox's trigger (constructs/outbox.ts): keys only, so the stream holds no personal data
      stream: StreamViewType.KEYS_ONLY,
      deletionProtection: props.deletionProtection,
      removalPolicy,
    });
    for (const index of schema.indexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: { name: `${index.name}PK`, type: AttributeType.STRING },
        sortKey: { name: `${index.name}SK`, type: AttributeType.STRING },
        projectionType: ProjectionType.ALL,
      });
    }
  }
}
