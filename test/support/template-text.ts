/**
 * A CloudFormation template value as text: `Fn::Join` joined, `Fn::GetAtt` and `Ref` written as
 * `${Logical.Attr}` / `${Logical}`. For values that mix text with what the stack only knows at
 * deploy time, such as the pages' origin inside a function's CENTRE_PROFILE.
 */
type Json = Record<string, any>;
export function templateText(v: unknown): string {
  if (typeof v === 'string') return v;
  const o = v as Json;
  if (o['Fn::Join']) return (o['Fn::Join'][1] as unknown[]).map(templateText).join(o['Fn::Join'][0]);
  if (o['Fn::GetAtt']) return `\${${o['Fn::GetAtt'].join('.')}}`;
  if (o.Ref) return `\${${o.Ref}}`;
  return JSON.stringify(o);
}
