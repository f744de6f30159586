import {
  GetItemCommand,
  QueryCommand,
  type AttributeValue,
  type DynamoDBClient,
  type QueryCommandInput,
} from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';

export type Item = Record<string, AttributeValue>;
export type ItemKey = { readonly PK: string; readonly SK: string };

/** The one table, as every DynamoDB adapter reads it: strongly consistent gets, paged queries on indexes. */
export class DynamoTable {
  constructor(
    readonly client: DynamoDBClient,
    readonly name: string,
  ) {}

  async get(key: ItemKey): Promise<Record<string, unknown> | undefined> {
    const result = await this.client.send(new GetItemCommand({ TableName: this.name, Key: marshall(key), ConsistentRead: true }));
    return result.Item ? unmarshall(result.Item) : undefined;
  }

  /** Every item under one partition of an index (or the table), in its sort order or reversed, at most `limit`. */
  async query(
    partition: { readonly index?: 'GSI1' | 'GSI2' | 'GSI3'; readonly value: string; readonly sortBeginsWith?: string; readonly sortAtMost?: string; readonly sortAtLeast?: string; readonly sortBefore?: string },
    order: 'ascending' | 'descending',
    limit = Number.POSITIVE_INFINITY,
  ): Promise<Record<string, unknown>[]> {
    const pk = partition.index ? `${partition.index}PK` : 'PK';
    const sk = partition.index ? `${partition.index}SK` : 'SK';
    const names: Record<string, string> = { '#pk': pk };
    const values: Item = { ':pk': { S: partition.value } };
    let condition = '#pk = :pk';
    if (partition.sortBeginsWith !== undefined) {
      names['#sk'] = sk;
      values[':sk'] = { S: partition.sortBeginsWith };
      condition += ' AND begins_with(#sk, :sk)';
    } else if (partition.sortAtMost !== undefined) {
      names['#sk'] = sk;
      values[':sk'] = { S: partition.sortAtMost };
      condition += ' AND #sk <= :sk';
    } else if (partition.sortAtLeast !== undefined) {
      names['#sk'] = sk;
      values[':sk'] = { S: partition.sortAtLeast };
      condition += ' AND #sk >= :sk';
    } else if (partition.sortBefore !== undefined) {
      names['#sk'] = sk;
      values[':sk'] = { S: partition.sortBefore };
      condition += ' AND #sk < :sk';
    }
    const input: QueryCommandInput = {
      TableName: this.name,
      ...(partition.index ? { IndexName: partition.index } : {}),
      KeyConditionExpression: condition,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
      ScanIndexForward: order === 'ascending',
    };
    const items: Record<string, unknown>[] = [];
    let start: Item | undefined;
    do {
      const page = await this.client.send(new QueryCommand({ ...input, ExclusiveStartKey: start, ...(Number.isFinite(limit) ? { Limit: limit - items.length } : {}) }));
      items.push(...(page.Items ?? []).map((i) => unmarshall(i)));
      start = page.LastEvaluatedKey;
    } while (start && items.length < limit);
    return items;
  }

  /**
   * An update that sets each attribute only where the item does not have it yet: writing the same item twice
   * (a retried decision, a message taken in again) changes nothing and never fails a transaction.
   */
  putIfAbsent(key: ItemKey, attributes: Record<string, unknown>): { Update: { TableName: string; Key: Item; UpdateExpression: string; ExpressionAttributeNames: Record<string, string>; ExpressionAttributeValues: Item } } {
    const entries = Object.entries(attributes).filter(([, v]) => v !== undefined);
    const names: Record<string, string> = {};
    const values: Item = {};
    const sets = entries.map(([name, value], i) => {
      names[`#a${i}`] = name;
      values[`:a${i}`] = marshall({ v: value }, { removeUndefinedValues: true }).v as AttributeValue;
      return `#a${i} = if_not_exists(#a${i}, :a${i})`;
    });
    return { Update: { TableName: this.name, Key: marshall(key), UpdateExpression: `SET ${sets.join(', ')}`, ExpressionAttributeNames: names, ExpressionAttributeValues: values } };
  }
}
