/** DynamoDB without the SDK's machinery (commons/aws-json.ts): the document client and the item commands the code sends. */
export { ConditionalCheckFailedException, DynamoDBClient, DynamoDBDocumentClient, TransactionCanceledException } from './dynamodb/client';
export * from './dynamodb/BatchGetCommand';
export * from './dynamodb/BatchWriteCommand';
export * from './dynamodb/DeleteCommand';
export * from './dynamodb/DeleteItemCommand';
export * from './dynamodb/GetCommand';
export * from './dynamodb/GetItemCommand';
export * from './dynamodb/PutCommand';
export * from './dynamodb/PutItemCommand';
export * from './dynamodb/QueryCommand';
export * from './dynamodb/ScanCommand';
export * from './dynamodb/TransactWriteCommand';
export * from './dynamodb/UpdateCommand';
export * from './dynamodb/UpdateItemCommand';
export type { AttributeValue, CancellationReason } from '@aws-sdk/client-dynamodb';
export type { DynamoDBDocumentClientResolvedConfig, ServiceInputTypes, ServiceOutputTypes, TranslateConfig, NativeAttributeValue } from '@aws-sdk/lib-dynamodb';
