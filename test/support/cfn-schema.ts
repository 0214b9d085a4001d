import { loadAwsServiceSpec } from '@aws-cdk/aws-service-spec';
import type { Property, PropertyType, Resource, SpecDatabase, TypeDefinition } from '@aws-cdk/service-spec-types';

/**
 * A synthesized template checked against the CloudFormation resource specification AWS publishes
 * and the CDK ships on npm (`@aws-cdk/aws-service-spec`, the registry schemas of every resource
 * type): no Python, no network. It names, by `logical id.Property.Path`:
 * - a resource type the specification does not know;
 * - a property the type (or the nested type) does not have, and a required one that is missing;
 * - a value of the wrong kind where the value is literal (string, number, integer, boolean,
 *   list, map, object, tag); an intrinsic (`Ref`, `Fn::*`) is taken as it comes.
 * - a `Ref`, `Fn::GetAtt`, `Fn::Sub` or `DependsOn` to a resource, parameter or condition the
 *   template does not have, and a `Fn::GetAtt` attribute the resource type does not have.
 * Custom resources (`Custom::*`, `AWS::CloudFormation::CustomResource`) need a ServiceToken only.
 */
export interface SchemaReport {
  resources: number;
  /** Property values checked, nested ones included. */
  properties: number;
  types: Set<string>;
  findings: string[];
}

type Json = unknown;
let db: Promise<SpecDatabase> | undefined;
export const specDatabase = () => (db ??= loadAwsServiceSpec());

const RESOURCE_KEYS = new Set(['Type', 'Properties', 'DependsOn', 'DeletionPolicy', 'UpdateReplacePolicy', 'Condition', 'Metadata', 'CreationPolicy', 'UpdatePolicy']);
const POLICIES = new Set(['Delete', 'Retain', 'RetainExceptOnCreate', 'Snapshot']);

const isIntrinsic = (v: Json) => {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return false;
  const keys = Object.keys(v);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0]!.startsWith('Fn::') || keys[0] === 'Condition');
};
const isObject = (v: Json): v is Record<string, Json> => Boolean(v) && typeof v === 'object' && !Array.isArray(v);
const kind = (v: Json) => (Array.isArray(v) ? 'list' : v === null ? 'null' : typeof v);

export async function checkTemplate(template: { Resources?: Record<string, Record<string, Json>> }, report: SchemaReport): Promise<SchemaReport> {
  const spec = await specDatabase();
  const typeCache = new Map<string, Resource | undefined>();
  const resourceOf = (type: string) => {
    if (!typeCache.has(type)) typeCache.set(type, spec.lookup('resource', 'cloudFormationType', 'equals', type)[0]);
    return typeCache.get(type);
  };

  /** The errors of one value against one type ([] when it fits). */
  const valueErrors = (value: Json, type: PropertyType, path: string): string[] => {
    if (isIntrinsic(value)) return [];
    switch (type.type) {
      case 'json':
      case 'null':
        return [];
      case 'string':
      case 'date-time':
        // CloudFormation reads a literal number or boolean as its text
        return ['string', 'number', 'boolean'].includes(typeof value) ? [] : [`${path}: expected a string, got ${kind(value)}`];
      case 'number':
      case 'integer':
        if (typeof value === 'number') return type.type === 'integer' && !Number.isInteger(value) ? [`${path}: expected an integer, got ${value}`] : [];
        return typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value)) ? [] : [`${path}: expected a number, got ${kind(value)} ${JSON.stringify(value)}`];
      case 'boolean':
        return typeof value === 'boolean' || value === 'true' || value === 'false' ? [] : [`${path}: expected a boolean, got ${kind(value)} ${JSON.stringify(value)}`];
      case 'tag':
        return isObject(value) && 'Key' in value && 'Value' in value ? [] : [`${path}: expected a tag { Key, Value }`];
      case 'array':
        if (!Array.isArray(value)) return [`${path}: expected a list, got ${kind(value)}`];
        return value.flatMap((e, i) => valueErrors(e, type.element, `${path}[${i}]`));
      case 'map':
        if (!isObject(value)) return [`${path}: expected a map, got ${kind(value)}`];
        return Object.entries(value).flatMap(([k, e]) => valueErrors(e, type.element, `${path}.${k}`));
      case 'union': {
        const each = type.types.map((t) => valueErrors(value, t, path));
        return each.some((e) => e.length === 0) ? [] : each.sort((a, b) => a.length - b.length)[0]!;
      }
      case 'ref': {
        if (!isObject(value)) return [`${path}: expected an object, got ${kind(value)}`];
        const def = spec.get('typeDefinition', type.reference) as TypeDefinition;
        return propertiesErrors(value, def.properties, path);
      }
      default:
        return [];
    }
  };

  /** A property fits if its value fits the current type or one it had before. */
  const propertyErrors = (value: Json, property: Property, path: string) => {
    report.properties++;
    const candidates = [property.type, ...(property.previousTypes ?? [])];
    const each = candidates.map((t) => valueErrors(value, t, path));
    return each.some((e) => e.length === 0) ? [] : each[0]!;
  };

  const propertiesErrors = (values: Record<string, Json>, properties: Record<string, Property>, path: string): string[] => {
    const errors: string[] = [];
    for (const [name, value] of Object.entries(values)) {
      const property = properties[name];
      if (!property) errors.push(`${path}.${name}: no such property`);
      else errors.push(...propertyErrors(value, property, `${path}.${name}`));
    }
    for (const [name, property] of Object.entries(properties)) if (property.required && !(name in values)) errors.push(`${path}.${name}: required, missing`);
    return errors;
  };

  // references: every Ref, GetAtt, Sub variable and DependsOn names something of the template
  const resources = template.Resources ?? {};
  const parameters = new Set(Object.keys((template as { Parameters?: object }).Parameters ?? {}));
  const conditions = new Set(Object.keys((template as { Conditions?: object }).Conditions ?? {}));
  const known = (name: string) => name in resources || parameters.has(name) || name.startsWith('AWS::');
  const getAtt = (where: string, target: string, attribute: unknown) => {
    if (!(target in resources)) return report.findings.push(`${where}: Fn::GetAtt ${target}: no such resource`);
    const type = String(resources[target]!.Type);
    if (typeof attribute !== 'string' || type.startsWith('Custom::') || type === 'AWS::CloudFormation::CustomResource') return;
    const spec = resourceOf(type);
    if (spec && !(attribute in spec.attributes)) report.findings.push(`${where}: Fn::GetAtt ${target}.${attribute}: ${type} has no such attribute`);
  };
  const references = (value: Json, where: string): void => {
    if (Array.isArray(value)) return value.forEach((v) => references(v, where));
    if (!isObject(value)) return;
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'Ref' && typeof inner === 'string' && !known(inner)) report.findings.push(`${where}: Ref ${inner}: no such resource or parameter`);
      else if (key === 'Fn::GetAtt') {
        const [target, ...attribute] = typeof inner === 'string' ? inner.split('.') : (inner as Json[]);
        if (typeof target === 'string') getAtt(where, target, typeof inner === 'string' ? attribute.join('.') : attribute[0]);
      } else if (key === 'Fn::Sub') {
        const [text, variables] = typeof inner === 'string' ? [inner, {}] : (inner as [string, Record<string, Json>]);
        for (const [, name] of String(text).matchAll(/\$\{([^!}][^}]*)\}/g)) {
          const [target, ...attribute] = name!.split('.');
          if (target! in (variables ?? {})) continue;
          if (attribute.length) getAtt(where, target!, attribute.join('.'));
          else if (!known(target!)) report.findings.push(`${where}: Fn::Sub \${${name}}: no such resource or parameter`);
        }
      } else if ((key === 'Condition' || key === 'Fn::If') && typeof (Array.isArray(inner) ? inner[0] : inner) === 'string') {
        const name = String(Array.isArray(inner) ? inner[0] : inner);
        if (!conditions.has(name)) report.findings.push(`${where}: condition ${name}: no such condition`);
      }
      references(inner, where);
    }
  };
  for (const [id, resource] of Object.entries(resources)) {
    references(resource.Properties, id);
    for (const target of [resource.DependsOn ?? []].flat()) if (!(String(target) in resources)) report.findings.push(`${id}: DependsOn ${String(target)}: no such resource`);
    if (typeof resource.Condition === 'string' && !conditions.has(resource.Condition)) report.findings.push(`${id}: Condition ${resource.Condition}: no such condition`);
  }
  references((template as { Outputs?: Json }).Outputs, 'Outputs');

  for (const [id, resource] of Object.entries(template.Resources ?? {})) {
    report.resources++;
    const type = String(resource.Type);
    report.types.add(type);
    for (const key of Object.keys(resource)) if (!RESOURCE_KEYS.has(key)) report.findings.push(`${id}: ${key}: not a resource attribute`);
    for (const key of ['DeletionPolicy', 'UpdateReplacePolicy']) {
      if (key in resource && !POLICIES.has(String(resource[key]))) report.findings.push(`${id}: ${key}: ${JSON.stringify(resource[key])} is not a policy`);
    }
    const properties = (resource.Properties ?? {}) as Record<string, Json>;
    if (!isObject(properties)) {
      report.findings.push(`${id}: Properties: expected an object`);
      continue;
    }
    if (type.startsWith('Custom::') || type === 'AWS::CloudFormation::CustomResource') {
      report.properties += Object.keys(properties).length;
      if (!('ServiceToken' in properties)) report.findings.push(`${id} (${type}): ServiceToken: required, missing`);
      continue;
    }
    if (type === 'AWS::CDK::Metadata') continue; // the CDK's own version record, not a CloudFormation type
    const spec = resourceOf(type);
    if (!spec) {
      report.findings.push(`${id}: ${type}: no such resource type`);
      continue;
    }
    report.findings.push(...propertiesErrors(properties, spec.properties, `${id} (${type})`));
  }
  return report;
}

export const emptyReport = (): SchemaReport => ({ resources: 0, properties: 0, types: new Set(), findings: [] });
