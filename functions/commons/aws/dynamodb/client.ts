import { randomUUID } from 'node:crypto';
import type { DynamoDBClientResolvedConfig, ServiceInputTypes as RawIn, ServiceOutputTypes as RawOut } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClientResolvedConfig, ServiceInputTypes, ServiceOutputTypes, TranslateConfig } from '@aws-sdk/lib-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { Command, MetadataBearer } from '@smithy/types';
import { type ClientConfig, JsonClient, JsonCommand, ServiceException } from '../../aws-json';

/** DynamoDB's ConditionalCheckFailedException (`Item` when ReturnValuesOnConditionCheckFailure is ALL_OLD). */
export class ConditionalCheckFailedException extends ServiceException {
  override name = 'ConditionalCheckFailedException';
  declare Item?: Record<string, import('@aws-sdk/client-dynamodb').AttributeValue>;
}
/** A transaction refused: `CancellationReasons` says why, item by item. */
export class TransactionCanceledException extends ServiceException {
  override name = 'TransactionCanceledException';
  declare CancellationReasons?: import('@aws-sdk/client-dynamodb').CancellationReason[];
}

/** DynamoDB (JSON 1.0, `DynamoDB_20120810.<Operation>`), the low-level item commands. */
export class DynamoDBClient extends JsonClient<RawIn, RawOut, DynamoDBClientResolvedConfig> {
  constructor(config: ClientConfig = {}) {
    super(
      { target: 'DynamoDB_20120810', json: '1.0', signingName: 'dynamodb', envName: 'DYNAMODB', errors: { ConditionalCheckFailedException, TransactionCanceledException } },
      config,
    );
  }
}

/** A command of DynamoDB's own shapes (AttributeValue maps). */
export abstract class ItemCommand<I extends object, O extends MetadataBearer> extends JsonCommand<I, O> {}

/** A command of the document client's shapes (plain values), translated as @aws-sdk/lib-dynamodb does. */
export abstract class DocumentCommand<I extends object, O extends MetadataBearer> extends JsonCommand<I, O> {}

type Json = Record<string, any>;
type Options = NonNullable<TranslateConfig['marshallOptions']>;

const mapValues = (o: Json | undefined, f: (v: any) => any) => (o === undefined ? undefined : Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v)])));

/** The input's plain values as AttributeValues, field by field as lib-dynamodb marshalls them. */
function marshallInput(operation: string, input: Json, options: Options): Json {
  const m = (v: Json | undefined) => (v === undefined ? undefined : marshall(v, options));
  const keyed = (x: Json) => ({ ...x, ...(x.Key && { Key: m(x.Key) }), ...(x.Item && { Item: m(x.Item) }), ...(x.ExpressionAttributeValues && { ExpressionAttributeValues: m(x.ExpressionAttributeValues) }) });
  switch (operation) {
    case 'Query':
    case 'Scan':
      return { ...keyed(input), ...(input.ExclusiveStartKey && { ExclusiveStartKey: m(input.ExclusiveStartKey) }) };
    case 'BatchGetItem':
      return { ...input, RequestItems: mapValues(input.RequestItems, (r: Json) => ({ ...r, Keys: r.Keys?.map(m) })) };
    case 'BatchWriteItem':
      return {
        ...input,
        RequestItems: mapValues(input.RequestItems, (rs: Json[]) =>
          rs.map((r) => ({ ...(r.PutRequest && { PutRequest: { Item: m(r.PutRequest.Item) } }), ...(r.DeleteRequest && { DeleteRequest: { Key: m(r.DeleteRequest.Key) } }) })),
        ),
      };
    case 'TransactWriteItems':
      // the SDK fills the idempotency token: a retried attempt is then the same transaction
      return { ClientRequestToken: randomUUID(), ...input, TransactItems: input.TransactItems?.map((t: Json) => mapValues(t, keyed)) };
    default:
      return keyed(input);
  }
}

/** The output's AttributeValues as plain values. */
function unmarshallOutput(output: Json): Json {
  const u = (v: Json | undefined) => (v === undefined ? undefined : unmarshall(v));
  const out: Json = { ...output };
  if (out.Item) out.Item = u(out.Item);
  if (out.Attributes) out.Attributes = u(out.Attributes);
  if (out.Items) out.Items = out.Items.map(u);
  if (out.LastEvaluatedKey) out.LastEvaluatedKey = u(out.LastEvaluatedKey);
  if (out.Responses && !Array.isArray(out.Responses)) out.Responses = mapValues(out.Responses, (items: Json[]) => items.map(u));
  if (out.UnprocessedKeys) out.UnprocessedKeys = mapValues(out.UnprocessedKeys, (r: Json) => ({ ...r, Keys: r.Keys?.map(u) }));
  return out;
}

/**
 * The document client: `DynamoDBDocumentClient.from(client, { marshallOptions })`, commands of
 * plain values (GetCommand, PutCommand…), marshalled and unmarshalled with @aws-sdk/util-dynamodb
 * as @aws-sdk/lib-dynamodb does. Errors are the service's, unchanged (an error's `Item` stays
 * marshalled, as lib-dynamodb leaves it).
 */
export class DynamoDBDocumentClient extends JsonClient<ServiceInputTypes, ServiceOutputTypes, DynamoDBDocumentClientResolvedConfig> {
  private constructor(
    readonly client: DynamoDBClient,
    private readonly translate: TranslateConfig = {},
  ) {
    super({ target: '', json: '1.0', signingName: 'dynamodb', envName: 'DYNAMODB' }, client.options);
  }

  static from(client: DynamoDBClient, translateConfig?: TranslateConfig): DynamoDBDocumentClient {
    return new DynamoDBDocumentClient(client, translateConfig);
  }

  override send<In extends ServiceInputTypes, Out extends ServiceOutputTypes>(command: Command<ServiceInputTypes, In, ServiceOutputTypes, Out, any>): Promise<Out> {
    if (!(command instanceof DocumentCommand)) return this.client.send(command as never);
    const options = this.translate.marshallOptions ?? {};
    return this.stack.run(command.input, async (input) => unmarshallOutput(await this.client.call(command.operation, marshallInput(command.operation, input as Json, options))));
  }
}
