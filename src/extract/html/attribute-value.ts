import type { DomNode, SourceSpan } from './dom.js';
import type { MappedChars } from './mapped-chars.js';
import { mapNodeText } from './node-text.js';

/**
 * The span of an attribute's value inside its tag. parse5 locates the whole
 * `name = "value"`; the value starts after the '=' and any spaces, inside the quotes.
 */
export function attributeValueSpan(original: string, attr: SourceSpan): SourceSpan | null {
  const raw = original.slice(attr.startOffset, attr.endOffset);
  const eq = raw.indexOf('=');
  if (eq < 0) return null; // A bare attribute has no value.
  let start = eq + 1;
  while (start < raw.length && /[\t\n\f\r ]/.test(raw[start]!)) start++;
  let end = raw.length;
  const quote = raw[start];
  if (quote === '"' || quote === "'") {
    start++;
    if (raw[end - 1] === quote && end - 1 >= start) end--;
  }
  return { startOffset: attr.startOffset + start, endOffset: attr.startOffset + end };
}

/** An attribute's decoded value mapped to its source characters, or null when absent. */
export function mapAttribute(original: string, element: DomNode, name: string): MappedChars | null {
  const value = element.attribs?.[name];
  if (value === undefined) return null;
  const loc = element.sourceCodeLocation;
  const attr = loc?.attribute?.(name);
  const span = attr ? attributeValueSpan(original, attr) : null;
  if (span !== null) return mapNodeText(original, value, span, 'attribute');
  // No location (should not happen with parse5): point everything at the start tag.
  const tag = loc?.startTag ?? loc;
  const whole = tag ? { startOffset: tag.startOffset, endOffset: tag.endOffset } : { startOffset: 0, endOffset: 0 };
  return {
    text: value,
    starts: new Array<number>(value.length).fill(whole.startOffset),
    ends: new Array<number>(value.length).fill(whole.endOffset),
  };
}
